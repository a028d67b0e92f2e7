package dev.weir.io;

import dev.weir.WeirException;
import org.jspecify.annotations.Nullable;

/**
 * A dataset could not be created, loaded, saved or checked. The message names the dataset and never
 * contains credentials.
 */
public class DatasetException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, for which dataset, and how to fix it
   */
  public DatasetException(String message) {
    super(message);
  }

  /**
   * @param message what failed, for which dataset, and how to fix it
   * @param cause the underlying error
   */
  public DatasetException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
