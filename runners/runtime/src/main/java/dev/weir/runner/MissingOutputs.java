package dev.weir.runner;

import dev.weir.io.DataCatalog;
import dev.weir.io.RunScopedDataset;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --only-missing-outputs}: keeps only the nodes needed to produce persisted outputs that do
 * not exist yet, with Kedro's rules ({@code _filter_pipeline_for_missing_outputs},
 * kedro/runner/runner.py). Walking the nodes in reverse topological order, a node runs when
 *
 * <ul>
 *   <li>it has no outputs, or
 *   <li>one of its outputs is persisted (configured and not a memory dataset) and does not exist,
 *       or
 *   <li>a node that runs reads one of its outputs and that output is in memory or missing.
 * </ul>
 *
 * An output whose data belongs to one tracking run ({@link RunScopedDataset}, an MLflow metric)
 * cannot say whether an earlier run wrote it, so it counts as present: it never makes its node run
 * again on its own. Each output's {@link DataCatalog#exists(String)} is asked at most once.
 */
public final class MissingOutputs {
  private static final Logger LOG = LoggerFactory.getLogger(MissingOutputs.class);

  private MissingOutputs() {}

  /**
   * @param pipeline the pipeline after the run's filters
   * @param catalog the run's catalog
   * @return the nodes that must run; {@link Pipeline#empty()} when every persisted output exists
   */
  public static Pipeline filter(Pipeline pipeline, DataCatalog catalog) {
    NodeGraph graph = new NodeGraph(pipeline);
    boolean[] run = new boolean[graph.size()];
    java.util.Map<String, Boolean> available = new java.util.HashMap<>();
    List<Node> kept = new ArrayList<>();
    for (int i = graph.size() - 1; i >= 0; i--) {
      Node node = graph.nodes.get(i);
      run[i] = mustRun(graph, i, run, catalog, available);
      if (run[i]) {
        kept.add(node);
      }
    }
    int skipped = graph.size() - kept.size();
    if (kept.isEmpty()) {
      LOG.info("Skipping all {} nodes: every persisted output exists", graph.size());
      return Pipeline.empty();
    }
    if (skipped > 0) {
      LOG.info(
          "Running {} of {} nodes; {} have all their outputs", kept.size(), graph.size(), skipped);
    }
    return Pipeline.of(kept);
  }

  private static boolean mustRun(
      NodeGraph graph,
      int i,
      boolean[] run,
      DataCatalog catalog,
      java.util.Map<String, Boolean> available) {
    Node node = graph.nodes.get(i);
    if (node.outputs().isEmpty()) {
      return true;
    }
    for (String output : node.outputs()) {
      if (catalog.contains(output)
          && !catalog.isMemory(output)
          && !available(output, catalog, available)) {
        LOG.debug("Node '{}' must run: its output '{}' is missing", node.name(), output);
        return true;
      }
    }
    for (int child : graph.children[i]) {
      if (!run[child]) {
        continue;
      }
      for (String output : node.outputs()) {
        if (reads(graph.nodes.get(child), output)
            && (!catalog.contains(output)
                || catalog.isMemory(output)
                || !available(output, catalog, available))) {
          LOG.debug(
              "Node '{}' must run: '{}' reads its output '{}'",
              node.name(),
              graph.nodes.get(child).name(),
              output);
          return true;
        }
      }
    }
    return false;
  }

  private static boolean reads(Node child, String output) {
    String base = NodeGraph.base(output);
    for (String input : child.inputs()) {
      if (NodeGraph.base(input).equals(base)) {
        return true;
      }
    }
    return false;
  }

  private static boolean available(
      String dataset, DataCatalog catalog, java.util.Map<String, Boolean> cache) {
    return cache.computeIfAbsent(
        dataset,
        name -> {
          if (catalog.dataset(name) instanceof RunScopedDataset) {
            LOG.debug("'{}' belongs to a tracking run: treated as present", name);
            return true;
          }
          return catalog.exists(name);
        });
  }
}
