package dev.weir.pipeline;

import dev.weir.WeirException;

/**
 * A pipeline or node is invalid (cycle, duplicate output, duplicate name, bad name) or a filter
 * selected nothing or named an unknown node. The message names the nodes and datasets involved and
 * suggests close names where a name was mistyped.
 */
public class PipelineException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, which nodes or datasets, and how to fix it
   */
  public PipelineException(String message) {
    super(message);
  }
}
