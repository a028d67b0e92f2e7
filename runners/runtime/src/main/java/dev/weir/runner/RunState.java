package dev.weir.runner;

import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetLoadedEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.io.SchemaMismatchException;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run in progress, handed by {@link Runner} to its subclasses: executes single nodes with their
 * hooks, and keeps the bookkeeping that must happen on the scheduling thread (durations, releasing
 * memory data after its last consumer, the failure report). Load counts are computed once, so each
 * finished node costs time proportional to its own inputs and outputs.
 *
 * <p>{@link #execute(Node)} may be called from any thread; {@link #finished} and {@link #failure}
 * only from the thread that schedules nodes.
 */
public final class RunState {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

  private final Pipeline pipeline;
  private final NodeGraph graph;
  private final DataCatalog catalog;
  private final HookManager hooks;
  private final String runId;
  private final boolean isAsync;
  private final ParameterInputs parameters;
  private final MemoryDataPolicy memoryPolicy;
  private final Map<String, Integer> loadCounts = new HashMap<>();
  private final Map<String, Integer> consumers = new HashMap<>();
  private final Set<String> freeInputs;
  private final Set<String> freeOutputs;
  private final boolean[] done;
  private final Map<String, Double> nodeSeconds = new LinkedHashMap<>();
  private final Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean anyFailed =
      new java.util.concurrent.atomic.AtomicBoolean();

  RunState(
      Pipeline pipeline,
      DataCatalog catalog,
      HookManager hooks,
      String runId,
      boolean isAsync,
      ParameterInputs parameters,
      MemoryDataPolicy memoryPolicy) {
    this.pipeline = pipeline;
    this.graph = new NodeGraph(pipeline);
    this.catalog = catalog;
    this.hooks = hooks;
    this.runId = runId;
    this.isAsync = isAsync;
    this.parameters = parameters;
    this.memoryPolicy = memoryPolicy;
    this.freeInputs = pipeline.inputs();
    this.freeOutputs = pipeline.outputs();
    this.done = new boolean[graph.size()];
    for (Node node : graph.nodes) {
      for (String input : node.inputs()) {
        loadCounts.merge(input, 1, Integer::sum);
      }
    }
    consumers.putAll(loadCounts);
  }

  /**
   * @return the nodes in topological order
   */
  public List<Node> nodes() {
    return graph.nodes;
  }

  /**
   * @param node a node of the pipeline
   * @return its position in {@link #nodes()}
   */
  public int indexOf(Node node) {
    return graph.indexOf(node);
  }

  /**
   * @param index a position in {@link #nodes()}
   * @return the positions of the nodes reading its outputs
   */
  public int[] children(int index) {
    return graph.children[index].clone();
  }

  /**
   * @param index a position in {@link #nodes()}
   * @return how many nodes produce its inputs
   */
  public int parentCount(int index) {
    return graph.parents[index].length;
  }

  /**
   * Runs one node: for each input {@code beforeDatasetLoaded}, load (or the bound parameter),
   * {@code afterDatasetLoaded}; {@code beforeNodeRun} (its replacements applied); the function;
   * {@code afterNodeRun} or {@code onNodeError}; for each output {@code beforeDatasetSaved}, save,
   * {@code afterDatasetSaved}. Kedro's {@code run_node} (kedro/runner/task.py) order.
   *
   * @param node the node
   * @return the node's duration in nanoseconds
   * @throws Exception what a dataset, a hook or the node function threw
   */
  public long execute(Node node) throws Exception {
    running.add(node.name());
    try {
      return executeWithHooks(node);
    } catch (Exception | Error e) {
      anyFailed.set(true);
      throw e;
    } finally {
      running.remove(node.name());
    }
  }

  /**
   * @return whether a node has failed (set on the failing thread before its error hooks run, so a
   *     scheduler can stop starting nodes as early as possible)
   */
  public boolean anyNodeFailed() {
    return anyFailed.get();
  }

  private long executeWithHooks(Node node) throws Exception {
    long start = System.nanoTime();
    ExcludedTime.take();
    RunProfile profile = hooks.profile();
    try (RunProfile.Timer scope = profile.inNode(node.name())) {
      LOG.info("Running node: {}", node.name());
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (String name : node.inputs()) {
        hooks.beforeDatasetLoaded(new DatasetLoadEvent(name, node));
        Object data;
        try (RunProfile.Timer t = profile.time("load", name)) {
          data =
              ParameterInputs.isParameter(name)
                  ? parameters.bound(node, name).orElseGet(() -> catalog.load(name))
                  : catalog.load(name);
        }
        inputs.put(name, data);
        hooks.afterDatasetLoaded(new DatasetLoadedEvent(name, data, node));
      }
      inputs.putAll(hooks.beforeNodeRun(new NodeRunEvent(node, catalog, inputs, isAsync, runId)));
      Map<String, Object> outputs;
      try (RunProfile.Timer t = profile.time("function", node.name())) {
        outputs = node.run(inputs);
      } catch (Exception | Error e) {
        anyFailed.set(true);
        hooks.onNodeError(new NodeErrorEvent(e, node, catalog, inputs, isAsync, runId));
        throw e;
      }
      hooks.afterNodeRun(new NodeCompletedEvent(node, catalog, inputs, outputs, isAsync, runId));
      for (String name : node.outputs()) {
        Object data = Objects.requireNonNull(outputs.get(name), name);
        hooks.beforeDatasetSaved(new DatasetSaveEvent(name, data, node));
        try (RunProfile.Timer t = profile.time("save", name)) {
          if (catalog.isMemory(name)) {
            memoryPolicy.beforeMemorySave(name, data, consumers.getOrDefault(name, 0));
          }
          try {
            catalog.save(name, data);
          } catch (SchemaMismatchException e) {
            throw InputSchemaChange.explain(e, inputs, catalog);
          }
        }
        hooks.afterDatasetSaved(new DatasetSavedEvent(name, data, node));
      }
    }
    return System.nanoTime() - start - ExcludedTime.take();
  }

  /**
   * Records a finished node and releases the datasets no later node reads (Kedro's {@code
   * _release_datasets}): inputs whose load count drops to zero, unless they are free inputs of the
   * pipeline, and outputs nobody reads, unless they are free outputs.
   *
   * @param node the node that finished
   * @param nanos its duration
   */
  public synchronized void finished(Node node, long nanos) {
    int i = graph.indexOf(node);
    done[i] = true;
    double seconds = nanos / 1e9;
    nodeSeconds.put(node.name(), seconds);
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "Completed node {} in {} s ({} of {})",
          node.name(),
          String.format(java.util.Locale.ROOT, "%.2f", seconds),
          nodeSeconds.size(),
          graph.size());
    }
    for (String input : node.inputs()) {
      int left = loadCounts.merge(input, -1, Integer::sum);
      if (left < 1 && !freeInputs.contains(input)) {
        release(input);
      }
    }
    for (String output : node.outputs()) {
      if (loadCounts.getOrDefault(output, 0) < 1 && !freeOutputs.contains(output)) {
        release(output);
      }
    }
  }

  private void release(String dataset) {
    if (catalog.isMemory(dataset)) {
      memoryPolicy.afterLastConsumer(dataset);
    }
    catalog.release(dataset);
  }

  /**
   * Builds the failure report for a node, with the resume command.
   *
   * @param node the node that failed
   * @param cause what it threw
   * @return the exception to throw once running nodes have finished
   */
  public synchronized NodeFailedException failure(Node node, Throwable cause) {
    List<Integer> unfinished = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      if (!done[i]) {
        unfinished.add(i);
      }
    }
    List<String> resume =
        nodeSeconds.isEmpty()
            ? List.of()
            : ResumeHint.nodesToResumeFrom(graph, unfinished, catalog);
    return new NodeFailedException(
        node.name(), node.inputs(), cause, resume, unfinished.size(), nodeSeconds);
  }

  /**
   * The report of a run stopped from outside (the JVM shutting down); callable from any thread.
   *
   * @return the nodes running now, the resume command and the nodes that finished
   */
  synchronized RunInterruptedException interruption() {
    List<Integer> unfinished = new ArrayList<>();
    for (int i = 0; i < done.length; i++) {
      if (!done[i]) {
        unfinished.add(i);
      }
    }
    List<String> resume =
        nodeSeconds.isEmpty()
            ? List.of()
            : ResumeHint.nodesToResumeFrom(graph, unfinished, catalog);
    return new RunInterruptedException(
        new java.util.TreeSet<>(running).stream().toList(), resume, unfinished.size(), nodeSeconds);
  }

  /**
   * @return the result once every node finished
   */
  synchronized RunnerResult result() {
    Map<String, Object> outputs = new LinkedHashMap<>();
    for (String name : pipeline.outputs()) {
      if (catalog.isMemory(name) && catalog.exists(name)) {
        outputs.put(name, catalog.load(name));
      }
    }
    return new RunnerResult(nodeSeconds, outputs);
  }
}
