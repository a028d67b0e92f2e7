package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import java.util.Map;

/**
 * A node ran; its outputs are not saved yet (Kedro's {@code after_node_run}).
 *
 * @param node the node
 * @param catalog the run's catalog
 * @param inputs its inputs by dataset name
 * @param outputs its outputs by dataset name
 * @param isAsync whether nodes run concurrently (parallel runner)
 * @param runId the run id
 */
public record NodeCompletedEvent(
    Node node,
    DataCatalog catalog,
    Map<String, Object> inputs,
    Map<String, Object> outputs,
    boolean isAsync,
    String runId) {
  /** Copies the maps: a hook sees the data as it was when the event fired. */
  public NodeCompletedEvent {
    inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
  }
}
