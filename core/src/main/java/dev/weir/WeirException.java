package dev.weir;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Weir throws for a user mistake or a failed run. Its message is one
 * paragraph that says what failed, where (file and line for configuration, node and dataset names
 * for runs) and how to fix it; the command line prints only the message unless {@code --verbose} is
 * given. Messages never contain credentials.
 */
public class WeirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, where, and how to fix it
   */
  public WeirException(String message) {
    super(message);
  }

  /**
   * @param message what failed, where, and how to fix it
   * @param cause the underlying error, kept for {@code --verbose}
   */
  public WeirException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
