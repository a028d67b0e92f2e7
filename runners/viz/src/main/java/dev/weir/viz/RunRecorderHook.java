package dev.weir.viz;

import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.ExpectationsCheckedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetSpec;
import dev.weir.io.ExpectationResult;
import dev.weir.node.Node;
import dev.weir.runner.RunInterruptedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what {@code weir viz} overlays on the map: per node its status and duration, rows written
 * to saved Delta outputs, which nodes failed, and the catalog expectations checked per dataset;
 * written to {@code <project>/.weir/last-run.json} (see {@link LastRunStore}) when the pipeline
 * ends, successfully or not. Registered through {@code META-INF/services/dev.weir.hooks.Hook}, so
 * every run records itself.
 *
 * <p>A node's duration runs from its first input load to its last output save, not just around the
 * function call: Spark DataFrames are lazy, so most of the work a node describes happens while its
 * outputs are saved (the hook order is Kedro's: {@code after_node_run} comes before the saves). Row
 * counts come from Delta's commit metrics after the run (see {@link RowCounts}), so recording adds
 * no pass over the data. Thread-safe: the parallel runner calls node and dataset hooks from worker
 * threads. Recording never fails a run: problems are logged at WARN.
 */
public final class RunRecorderHook implements Hook {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecorderHook.class);
  private static final int MAX_ERROR_CHARS = 500;

  /** Per-node progress, guarded by the hook's lock. */
  private static final class NodeProgress {
    final long startNanos;
    long endNanos;
    int outputsSaved;
    final int outputs;
    boolean functionDone;
    @Nullable String status;
    @Nullable String error;

    NodeProgress(long startNanos, int outputs) {
      this.startNanos = startNanos;
      this.endNanos = startNanos;
      this.outputs = outputs;
    }
  }

  private record SavedOutput(String dataset, String node, @Nullable Object session) {}

  private @Nullable DataCatalog catalog;
  private Instant started = Instant.now();
  private long startNanos;
  private final Map<String, NodeProgress> nodes = new LinkedHashMap<>();
  private final List<SavedOutput> saved = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();
  private final Map<String, List<LastRun.ExpectationRun>> expectations = new LinkedHashMap<>();

  /** Used by {@link java.util.ServiceLoader}. */
  public RunRecorderHook() {}

  @Override
  public synchronized void beforePipelineRun(PipelineRunEvent event) {
    DataCatalog catalog = event.catalog();
    this.catalog = catalog;
    this.started = Instant.now();
    this.startNanos = System.nanoTime();
    nodes.clear();
    saved.clear();
    failed.clear();
    expectations.clear();
  }

  /** Keeps the dataset's expectation results for the badge and pane of {@code weir viz}. */
  @Override
  public synchronized void afterExpectationsChecked(ExpectationsCheckedEvent event) {
    List<LastRun.ExpectationRun> runs = new ArrayList<>();
    for (ExpectationResult r : event.results()) {
      runs.add(
          new LastRun.ExpectationRun(
              r.expectation().name(),
              r.expectation().expr(),
              r.action(),
              r.checkedOn(),
              r.rowsChecked(),
              r.violations()));
    }
    expectations.put(event.datasetName(), List.copyOf(runs));
  }

  @Override
  public synchronized void beforeDatasetLoaded(DatasetLoadEvent event) {
    Node node = event.node();
    progress(node);
  }

  @Override
  public synchronized @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
    Node node = event.node();
    progress(node);
    return null;
  }

  @Override
  public synchronized void afterNodeRun(NodeCompletedEvent event) {
    Node node = event.node();
    NodeProgress p = progress(node);
    p.functionDone = true;
    p.endNanos = System.nanoTime();
    if (p.outputs == 0) {
      p.status = LastRun.SUCCESS;
    }
  }

  @Override
  public synchronized void onNodeError(NodeErrorEvent event) {
    Throwable error = event.error();
    Node node = event.node();
    fail(progress(node), node.name(), error);
  }

  @Override
  public synchronized void afterDatasetSaved(DatasetSavedEvent event) {
    String datasetName = event.datasetName();
    Object data = event.data();
    Node node = event.node();
    NodeProgress p = progress(node);
    p.endNanos = System.nanoTime();
    p.outputsSaved++;
    if (p.outputsSaved >= p.outputs && p.status == null) {
      p.status = LastRun.SUCCESS;
    }
    DataCatalog c = catalog;
    if (c != null && !c.isMemory(datasetName)) {
      Object session = null;
      try {
        session = RowCounts.sparkSessionOf(data);
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("No Spark session for {}: {}", datasetName, e.toString());
      }
      saved.add(new SavedOutput(datasetName, node.name(), session));
    }
  }

  @Override
  public void afterPipelineRun(PipelineRunEvent event) {
    RunParams run = event.run();
    finish(run, null);
  }

  @Override
  public void onPipelineError(PipelineErrorEvent event) {
    Throwable error = event.error();
    RunParams run = event.run();
    finish(run, error);
  }

  private NodeProgress progress(Node node) {
    return nodes.computeIfAbsent(
        node.name(), n -> new NodeProgress(System.nanoTime(), node.outputs().size()));
  }

  private void fail(NodeProgress p, String nodeName, Throwable error) {
    p.endNanos = System.nanoTime();
    if (!LastRun.FAILED.equals(p.status)) {
      p.status = LastRun.FAILED;
      p.error = describe(error);
      failed.add(nodeName);
    }
  }

  private void finish(RunParams given, @Nullable Throwable error) {
    boolean interrupted = error instanceof RunInterruptedException;
    LastRun record;
    List<SavedOutput> outputs;
    synchronized (this) {
      if (error != null) {
        // A node that started but never finished its saves failed with the pipeline: on Spark the
        // work runs during the save, and Kedro's on_node_error covers only the function call.
        nodes.forEach(
            (name, p) -> {
              if (p.status == null && interrupted) {
                p.endNanos = System.nanoTime();
                p.status = LastRun.INTERRUPTED;
              } else if (p.status == null) {
                fail(p, name, error);
              }
            });
      }
      outputs = List.copyOf(saved);
      String status =
          error == null ? LastRun.SUCCESS : interrupted ? LastRun.INTERRUPTED : LastRun.FAILED;
      record = snapshot(given, status, Map.of());
    }
    // Spark is stopping with the JVM after an interruption: count no rows then.
    Map<String, LastRun.DatasetRun> datasets = interrupted ? Map.of() : countRows(given, outputs);
    record = withDatasets(record, datasets);
    try {
      Path file = LastRunStore.write(given.projectPath(), record);
      LOG.debug("Recorded the run in {}", file);
    } catch (RuntimeException e) {
      LOG.warn("Could not record the run for weir viz: {}", e.getMessage());
    }
  }

  private LastRun snapshot(
      RunParams given, String status, Map<String, LastRun.DatasetRun> datasets) {
    Map<String, LastRun.NodeRun> runs = new LinkedHashMap<>();
    nodes.forEach(
        (name, p) ->
            runs.put(
                name,
                new LastRun.NodeRun(
                    p.status == null ? LastRun.SUCCESS : p.status,
                    (p.endNanos - p.startNanos) / 1e9,
                    p.error)));
    Instant finished = Instant.now();
    return new LastRun(
        given.runId(),
        status,
        started.toString(),
        finished.toString(),
        (System.nanoTime() - startNanos) / 1e9,
        given.env(),
        given.pipelineNames(),
        runs,
        datasets,
        failed,
        expectations);
  }

  private static LastRun withDatasets(LastRun r, Map<String, LastRun.DatasetRun> datasets) {
    return new LastRun(
        r.runId(),
        r.status(),
        r.startedAt(),
        r.finishedAt(),
        r.durationSeconds(),
        r.env(),
        r.pipelines(),
        r.nodes(),
        datasets,
        r.failedNodes(),
        r.expectations());
  }

  private Map<String, LastRun.DatasetRun> countRows(RunParams given, List<SavedOutput> outputs) {
    Map<String, LastRun.DatasetRun> out = new LinkedHashMap<>();
    DataCatalog c = catalog;
    for (SavedOutput o : outputs) {
      Long rows = null;
      if (c != null && o.session() != null) {
        try {
          Optional<DatasetSpec> spec = c.spec(o.dataset());
          if (spec.isPresent()) {
            rows =
                RowCounts.deltaRowsWritten(
                    o.session(), c.typeName(o.dataset()), spec.get(), given.projectPath());
          }
        } catch (RuntimeException | LinkageError e) {
          LOG.debug("No row count for {}: {}", o.dataset(), e.toString());
        }
      }
      out.put(
          o.dataset(),
          new LastRun.DatasetRun(o.node(), rows, rows == null ? null : RowCounts.DELTA_SOURCE));
    }
    return out;
  }

  /** The class and the first line of the message, bounded: enough to recognise the failure. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
    String text = error.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
    return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
  }
}
