package dev.weir.databricks;

import dev.weir.WeirException;

/**
 * A packaged Weir job failed on a Databricks driver. Thrown out of {@code main} so the run is
 * marked failed, with this message as the error the Jobs UI shows (see {@link DatabricksJob}).
 */
public class DatabricksJobException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the exit code and the error the command printed
   */
  public DatabricksJobException(String message) {
    super(message);
  }
}
