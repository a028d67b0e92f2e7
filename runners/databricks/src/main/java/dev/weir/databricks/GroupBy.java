package dev.weir.databricks;

import dev.weir.config.ConfigException;
import java.util.Locale;

/**
 * How {@code weir bundle} turns a pipeline's nodes into a job's tasks (as kedro-databricks' {@code
 * --resource-generator}): by default one task per node except that nodes joined by an in-memory
 * dataset share a task; or, chosen explicitly, one task for the whole pipeline, one per top-level
 * namespace (a node without a namespace is a task of its own), or one per node.
 */
public enum GroupBy {
  /**
   * The default: one task per node, except that nodes joined by an in-memory dataset (and whatever
   * lies between them) share one task, so it works for any pipeline. See {@link MemoryGrouping}.
   */
  AUTO,
  /** One task runs the whole pipeline: no data crosses a task boundary. */
  PIPELINE,
  /** One task per top-level namespace (modular pipeline); other nodes one task each. */
  NAMESPACE,
  /** One task per node: the finest retry and the most cluster start-ups. */
  NODE;

  /**
   * @param text {@code auto}, {@code pipeline}, {@code namespace} or {@code node}, any case
   * @return the grouping
   * @throws ConfigException for another word
   */
  public static GroupBy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "--group-by '" + text + "' is not a grouping. Use auto, pipeline, namespace or node.");
    }
  }
}
