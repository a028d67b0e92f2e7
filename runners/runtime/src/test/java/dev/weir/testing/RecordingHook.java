package dev.weir.testing;

import dev.weir.hooks.CatalogCreatedEvent;
import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetLoadedEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.node.Node;
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
  public void afterCatalogCreated(CatalogCreatedEvent event) {
    record("afterCatalogCreated");
  }

  @Override
  public void beforePipelineRun(PipelineRunEvent event) {
    record("beforePipelineRun");
  }

  @Override
  public void afterPipelineRun(PipelineRunEvent event) {
    record("afterPipelineRun");
  }

  @Override
  public void onPipelineError(PipelineErrorEvent event) {
    record("onPipelineError");
  }

  @Override
  public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
    Node node = event.node();
    boolean isAsync = event.isAsync();
    synchronized (this) {
      asyncFlags.add(isAsync);
    }
    record(node, "beforeNodeRun");
    return null;
  }

  @Override
  public void afterNodeRun(NodeCompletedEvent event) {
    Node node = event.node();
    record(node, "afterNodeRun");
  }

  @Override
  public void onNodeError(NodeErrorEvent event) {
    Node node = event.node();
    record(node, "onNodeError");
  }

  @Override
  public void beforeDatasetLoaded(DatasetLoadEvent event) {
    String datasetName = event.datasetName();
    Node node = event.node();
    record(node, "beforeDatasetLoaded:" + datasetName);
  }

  @Override
  public void afterDatasetLoaded(DatasetLoadedEvent event) {
    String datasetName = event.datasetName();
    Node node = event.node();
    record(node, "afterDatasetLoaded:" + datasetName);
  }

  @Override
  public void beforeDatasetSaved(DatasetSaveEvent event) {
    String datasetName = event.datasetName();
    Node node = event.node();
    record(node, "beforeDatasetSaved:" + datasetName);
  }

  @Override
  public void afterDatasetSaved(DatasetSavedEvent event) {
    String datasetName = event.datasetName();
    Node node = event.node();
    record(node, "afterDatasetSaved:" + datasetName);
  }
}
