package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import java.util.Map;

/**
 * A node failed (Kedro's {@code on_node_error}).
 *
 * @param error the failure
 * @param node the node
 * @param catalog the run's catalog
 * @param inputs its inputs by dataset name
 * @param isAsync whether nodes run concurrently (parallel runner)
 * @param runId the run id
 */
public record NodeErrorEvent(
    Throwable error,
    Node node,
    DataCatalog catalog,
    Map<String, Object> inputs,
    boolean isAsync,
    String runId) {
  /** Copies the maps: a hook sees the data as it was when the event fired. */
  public NodeErrorEvent {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
  }
}
