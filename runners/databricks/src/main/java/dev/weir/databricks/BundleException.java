package dev.weir.databricks;

import dev.weir.WeirException;

/**
 * {@code weir bundle} refused to write a bundle: a grouping that would lose data between tasks,
 * task groups that depend on each other in a cycle, or two nodes whose task keys collide. The
 * message names the datasets, tasks or nodes and how to fix it.
 */
public class BundleException extends WeirException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what, where and how to fix it
   */
  public BundleException(String message) {
    super(message);
  }
}
