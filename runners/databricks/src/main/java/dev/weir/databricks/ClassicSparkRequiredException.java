package dev.weir.databricks;

import dev.weir.pipeline.PipelineException;

/**
 * A run over Spark Connect (or Databricks Connect) was refused before any node ran, because a node
 * is tagged as needing classic Spark ({@value ClassicSparkCheck#TAG}). The message names every such
 * node with its reason and says how to run it instead.
 */
public class ClassicSparkRequiredException extends PipelineException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the nodes, their reasons, and the ways to run them
   */
  public ClassicSparkRequiredException(String message) {
    super(message);
  }
}
