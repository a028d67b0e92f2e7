package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import java.util.Map;

/**
 * A node is about to run, its inputs loaded (Kedro's {@code before_node_run}).
 *
 * @param node the node
 * @param catalog the run's catalog
 * @param inputs loaded inputs by dataset name
 * @param isAsync whether nodes run concurrently (parallel runner)
 * @param runId the run id
 */
public record NodeRunEvent(
    Node node, DataCatalog catalog, Map<String, Object> inputs, boolean isAsync, String runId) {
  /** Copies the maps: a hook sees the data as it was when the event fired. */
  public NodeRunEvent {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }
}
