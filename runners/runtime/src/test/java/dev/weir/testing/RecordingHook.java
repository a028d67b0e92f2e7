package dev.weir.testing;

import dev.weir.hooks.Hook;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Records every hook call, globally and per node; thread-safe for the parallel runner. */
public final class RecordingHook implements Hook {
  private final List<String> all = new ArrayList<>();
  private final Map<String, List<String>> byNode = new ConcurrentHashMap<>();
  private final List<Boolean> asyncFlags = new ArrayList<>();

  /**
   * @return every call in order, such as {@code beforeNodeRun:n1}
   */
  public synchronized List<String> events() {
    return List.copyOf(all);
  }

  /**
   * @param node a node name
   * @return the node and dataset hook calls for that node, such as {@code afterDatasetLoaded:a}
   */
  public synchronized List<String> forNode(String node) {
    return List.copyOf(byNode.getOrDefault(node, List.of()));
  }

  /**
   * @return the isAsync flag of every node hook call
   */
  public synchronized List<Boolean> asyncFlags() {
    return List.copyOf(asyncFlags);
  }

  private synchronized void record(String event) {
    all.add(event);
  }

  private synchronized void record(Node node, String event) {
    all.add(event + "@" + node.name());
    byNode.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(event);
  }

  @Override
  public void afterCatalogCreated(DataCatalog catalog, RunParams run) {
    record("afterCatalogCreated");
  }

  @Override
  public void beforePipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {
    record("beforePipelineRun");
  }

  @Override
  public void afterPipelineRun(RunParams run, Pipeline pipeline, DataCatalog catalog) {
    record("afterPipelineRun");
  }

  @Override
  public void onPipelineError(
      Throwable error, RunParams run, Pipeline pipeline, DataCatalog catalog) {
    record("onPipelineError");
  }

  @Override
  public @Nullable Map<String, Object> beforeNodeRun(
      Node node, DataCatalog catalog, Map<String, Object> inputs, boolean isAsync, String runId) {
    synchronized (this) {
      asyncFlags.add(isAsync);
    }
    record(node, "beforeNodeRun");
    return null;
  }

  @Override
  public void afterNodeRun(
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      Map<String, Object> outputs,
      boolean isAsync,
      String runId) {
    record(node, "afterNodeRun");
  }

  @Override
  public void onNodeError(
      Throwable error,
      Node node,
      DataCatalog catalog,
      Map<String, Object> inputs,
      boolean isAsync,
      String runId) {
    record(node, "onNodeError");
  }

  @Override
  public void beforeDatasetLoaded(String datasetName, Node node) {
    record(node, "beforeDatasetLoaded:" + datasetName);
  }

  @Override
  public void afterDatasetLoaded(String datasetName, Object data, Node node) {
    record(node, "afterDatasetLoaded:" + datasetName);
  }

  @Override
  public void beforeDatasetSaved(String datasetName, Object data, Node node) {
    record(node, "beforeDatasetSaved:" + datasetName);
  }

  @Override
  public void afterDatasetSaved(String datasetName, Object data, Node node) {
    record(node, "afterDatasetSaved:" + datasetName);
  }
}
