package dev.weir.sql;

import dev.weir.pipeline.PipelineException;

/**
 * A SQL node that cannot be built, validated or run: a malformed {@code -- weir:} header, a query
 * that does not parse, a table that is not a declared input, an output without the declared
 * columns. The message names the node, the file and line, and how to fix it.
 */
public class SqlNodeException extends PipelineException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, where, and how to fix it
   */
  public SqlNodeException(String message) {
    super(message);
  }
}
