package dev.weir.config;

import dev.weir.WeirException;
import org.jspecify.annotations.Nullable;

/**
 * A configuration file is malformed, missing, or refers to something that does not exist. The
 * message names the file (and line and column where known) and says how to fix it. Maps to exit
 * code 2 on the command line.
 */
public class ConfigException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what, where (file:line:column) and how to fix
   */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * @param message what, where (file:line:column) and how to fix
   * @param cause the parser's error
   */
  public ConfigException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
