package dev.weir.mlflow;

import dev.weir.WeirException;
import dev.weir.config.ConfigLoader;
import dev.weir.hooks.CatalogCreatedEvent;
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
import dev.weir.io.ExpectationResult;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.RunInterruptedException;
import dev.weir.session.RunResult;
import dev.weir.session.RunSummaryContributor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.Service.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every Weir run as one MLflow run; registered through {@code
 * META-INF/services/dev.weir.hooks.Hook}, so a session finds it without being told (do not also
 * pass it to the session: the run would be tracked twice).
 *
 * <ul>
 *   <li>{@link #afterCatalogCreated}: reads {@code mlflow*.yml} ({@link MlflowSettings}); a mistake
 *       there fails the run before any node, as other configuration mistakes do.
 *   <li>{@link #beforePipelineRun}: unless tracking is off ({@code enabled: false}) or every
 *       pipeline of the run is in {@code disable_for_pipelines}, prepares the MLflow run with its
 *       tags ({@link RunTags}) and the params the nodes read ({@link RunParameters}).
 *   <li>at the first node event ({@link #beforeDatasetLoaded} or {@link #beforeNodeRun}): starts
 *       that MLflow run and makes it the {@link dev.weir.datasets.mlflow.ActiveTracker} for the
 *       {@code mlflow.*} datasets. kedro-mlflow starts its run in {@code before_pipeline_run} and
 *       ends it FAILED in {@code on_pipeline_error}, so a Kedro run stopped by the runner's own
 *       checks (a missing free input) still leaves a FAILED MLflow run; kedro-mlflow logs params
 *       only in {@code before_node_run}, when a node is about to run. Weir starts the whole run
 *       there: a configuration error found before the first node leaves no MLflow run at all, and a
 *       run with no node to run (every output present under {@code --only-missing-outputs})
 *       neither.
 *   <li>per node: metric {@code node_duration.<node name>}, the seconds from {@link #beforeNodeRun}
 *       to the last output saved (so a lazy Spark node's write counts), logged at step 0.
 *   <li>per dataset with catalog {@code expectations:}: metric {@code
 *       expectations.<dataset>.<expectation>.violations}, the rows that violated it, at step 0
 *       ({@link #afterExpectationsChecked}; a dataset checked twice logs its last count).
 *   <li>{@link #afterPipelineRun}: status FINISHED; {@link #onPipelineError}: FAILED, or KILLED for
 *       a {@link RunInterruptedException}; a JVM shutdown (SIGTERM, Ctrl-C) during the run: KILLED.
 * </ul>
 *
 * <p>As a {@link RunSummaryContributor} it adds {@code MLflow run at <address or folder>} to the
 * summary {@code weir run} prints. Tracking problems never fail the run (see {@link TrackedRun}).
 * Thread-safe: the parallel runner calls node hooks from worker threads; several runs may use one
 * hook instance.
 */
public final class MlflowHook implements Hook, RunSummaryContributor {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowHook.class);

  private final BiFunction<RunParams, Map<String, String>, MlflowSettings> settingsLoader;
  private final Map<String, String> env;
  private final Map<String, MlflowSettings> pendingSettings = new ConcurrentHashMap<>();
  private final Map<String, TrackedRun> runs = new ConcurrentHashMap<>();
  private final Map<String, String> locations = new ConcurrentHashMap<>();
  private final Map<String, String> viewCommands = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Double>> finalMetrics = new ConcurrentHashMap<>();
  private final Map<Node, NodeTiming> timings = new ConcurrentHashMap<>();
  private final Map<String, PendingStart> pendingStarts = new ConcurrentHashMap<>();

  /** Reads the project's {@code conf/<env>/mlflow*.yml}; for {@link java.util.ServiceLoader}. */
  public MlflowHook() {
    this(MlflowHook::loadSettings, System.getenv());
  }

  /**
   * Uses the given settings for every run instead of reading {@code mlflow*.yml}.
   *
   * @param settings the settings
   */
  public MlflowHook(MlflowSettings settings) {
    this((run, env) -> settings, System.getenv());
  }

  MlflowHook(
      BiFunction<RunParams, Map<String, String>, MlflowSettings> settingsLoader,
      Map<String, String> env) {
    this.settingsLoader = settingsLoader;
    this.env = Map.copyOf(env);
  }

  /**
   * The settings of a run as the no-argument constructor reads them: the run's conf source through
   * {@link ConfigLoader} (credentials only when {@code credentials:} names a block), or defaults
   * when the project has no {@code conf} folder.
   *
   * @param run the run
   * @param env environment variables
   * @return the settings
   * @throws dev.weir.config.ConfigException on a mistake in {@code mlflow*.yml}
   */
  public static MlflowSettings loadSettings(RunParams run, Map<String, String> env) {
    Path conf = run.confSource();
    if (!Files.isDirectory(conf)) {
      return MlflowSettings.fromConfig(Map.of(), Map.of(), env, run.projectPath());
    }
    ConfigLoader loader = ConfigLoader.load(conf, run.env(), run.runtimeParams());
    Map<String, Object> mlflow = loader.mlflow();
    Map<String, Object> credentials =
        mlflow.get("credentials") == null ? Map.of() : loader.credentials();
    return MlflowSettings.fromConfig(mlflow, credentials, env, run.projectPath());
  }

  /**
   * @param weirRunId a Weir run id
   * @return where that run's MLflow run can be seen (web address, or the local store and the run's
   *     ids), once it started
   */
  public Optional<String> runLocation(String weirRunId) {
    TrackedRun run = runs.get(weirRunId);
    if (run != null) {
      return run.location();
    }
    return Optional.ofNullable(locations.get(weirRunId));
  }

  /**
   * @param result a run that ended
   * @return {@code Metrics: key=value ...} for the metrics logged by metric datasets (node
   *     durations left out), then {@code MLflow run at <address or store>}, when the run was
   *     tracked, then for a local store {@code See MLflow runs with: mlflow ui --backend-store-uri
   *     ...}, the command that opens the store the run went to
   */
  @Override
  public List<String> summaryLines(RunResult result) {
    List<String> lines = new java.util.ArrayList<>();
    Map<String, Double> metrics = finalMetrics.getOrDefault(result.runId(), Map.of());
    if (!metrics.isEmpty()) {
      StringBuilder sb = new StringBuilder("Metrics:");
      metrics.forEach((k, v) -> sb.append(' ').append(k).append('=').append(formatMetric(v)));
      lines.add(sb.toString());
    }
    runLocation(result.runId()).ifPresent(l -> lines.add("MLflow run at " + l));
    String view = viewCommands.get(result.runId());
    if (view != null) {
      lines.add("See MLflow runs with: " + view);
    }
    return List.copyOf(lines);
  }

  private static String formatMetric(double v) {
    return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7
        ? String.format(java.util.Locale.ROOT, "%.4f", v)
        : String.valueOf(v);
  }

  @Override
  public void afterCatalogCreated(CatalogCreatedEvent event) {
    RunParams run = event.run();
    pendingSettings.put(run.runId(), settingsLoader.apply(run, env));
  }

  @Override
  public void beforePipelineRun(PipelineRunEvent event) {
    RunParams run = event.run();
    Pipeline pipeline = event.pipeline();
    DataCatalog catalog = event.catalog();
    MlflowSettings settings = pendingSettings.remove(run.runId());
    if (settings == null) {
      settings = settingsLoader.apply(run, env);
    }
    if (!settings.enabled()) {
      return;
    }
    if (!run.pipelineNames().isEmpty()
        && settings.disableForPipelines().containsAll(run.pipelineNames())) {
      LOG.info(
          "MLflow tracking is off for pipeline(s) {} (disable_for_pipelines).",
          run.pipelineNames());
      return;
    }
    Map<String, @Nullable Object> used = RunParameters.used(pipeline, parameters(catalog));
    RunParameters.Plan plan =
        RunParameters.plan(used, settings.flattenParams(), settings.longValueStrategy());
    if (!plan.notes().isEmpty()) {
      LOG.info("MLflow params adjusted to MLflow's limits: {}", String.join("; ", plan.notes()));
    }
    MlflowSettings chosen = settings;
    TrackingStore primary = Stores.primary(settings, run.projectPath());
    pendingStarts.put(
        run.runId(), new PendingStart(pipeline, () -> start(run, chosen, plan, primary)));
  }

  /**
   * Starts the MLflow run prepared by {@link #beforePipelineRun}, once: at the first node event, so
   * that a run stopped by a configuration error before any node (a missing free input, a catalog
   * entry that cannot be created, a parameter that does not bind) leaves no FAILED MLflow run.
   */
  private synchronized void startPending(String runId) {
    PendingStart pending = pendingStarts.remove(runId);
    if (pending != null) {
      pending.start().run();
    }
  }

  private synchronized void startPendingFor(Node node) {
    for (Map.Entry<String, PendingStart> e : pendingStarts.entrySet()) {
      if (e.getValue().pipeline().nodes().contains(node)) {
        startPending(e.getKey());
        return;
      }
    }
  }

  private void start(
      RunParams run, MlflowSettings settings, RunParameters.Plan plan, TrackingStore primary) {
    try {
      String runName =
          settings.runName() != null ? settings.runName() : String.join(",", run.pipelineNames());
      if (runName.isEmpty()) {
        runName = "__default__";
      }
      String user = System.getProperty("user.name", "unknown");
      Map<String, String> tags = new LinkedHashMap<>(RunTags.of(run, settings, runName, user, env));
      tags.putAll(plan.tags());
      MlflowSettings forFallback = settings;
      TrackedRun tracked =
          TrackedRun.start(
              primary,
              () -> Stores.fallback(forFallback, run.projectPath()),
              settings.experiment(),
              runName,
              user,
              tags,
              plan.params());
      TrackedRun earlier = runs.put(run.runId(), tracked);
      if (earlier != null) {
        earlier.end(RunStatus.KILLED);
      }
    } catch (WeirException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn(
          "MLflow tracking is off for run {}: it could not start ({}).", run.runId(), e.toString());
    }
  }

  private static Map<String, Object> parameters(DataCatalog catalog) {
    try {
      return catalog.parameters();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  @Override
  public void beforeDatasetLoaded(DatasetLoadEvent event) {
    startPendingFor(event.node());
  }

  @Override
  public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
    Node node = event.node();
    String runId = event.runId();
    startPending(runId);
    if (runs.containsKey(runId)) {
      timings.put(node, new NodeTiming(runId, System.nanoTime(), node.outputs().size()));
    }
    return null;
  }

  @Override
  public void afterNodeRun(NodeCompletedEvent event) {
    Node node = event.node();
    NodeTiming t = timings.get(node);
    if (t != null) {
      t.functionDone(System.nanoTime());
      if (node.outputs().isEmpty()) {
        finishNode(node, t);
      }
    }
  }

  @Override
  public void afterDatasetSaved(DatasetSavedEvent event) {
    Node node = event.node();
    NodeTiming t = timings.get(node);
    if (t != null && t.outputSaved(System.nanoTime())) {
      finishNode(node, t);
    }
  }

  @Override
  public void onNodeError(NodeErrorEvent event) {
    Node node = event.node();
    NodeTiming t = timings.get(node);
    if (t != null) {
      t.functionDone(System.nanoTime());
      finishNode(node, t);
    }
  }

  private void finishNode(Node node, NodeTiming t) {
    if (!timings.remove(node, t)) {
      return;
    }
    TrackedRun run = runs.get(t.runId());
    if (run == null) {
      return;
    }
    try {
      run.logMetric(RunParameters.fitKey("node_duration." + node.name()), t.seconds(), 0);
    } catch (RuntimeException e) {
      LOG.debug("Node duration of {} not tracked", node.name(), e);
    }
  }

  @Override
  public void afterExpectationsChecked(ExpectationsCheckedEvent event) {
    TrackedRun run = runs.get(event.runId());
    if (run == null) {
      return;
    }
    for (ExpectationResult r : event.results()) {
      String key = "expectations." + r.dataset() + "." + r.expectation().name() + ".violations";
      try {
        run.logMetric(RunParameters.fitKey(key), r.violations(), 0);
      } catch (RuntimeException e) {
        LOG.debug("Expectation metric {} not tracked", key, e);
      }
    }
  }

  @Override
  public void afterPipelineRun(PipelineRunEvent event) {
    RunParams run = event.run();
    end(run.runId(), RunStatus.FINISHED);
  }

  @Override
  public void onPipelineError(PipelineErrorEvent event) {
    RunParams run = event.run();
    end(
        run.runId(),
        event.error() instanceof RunInterruptedException ? RunStatus.KILLED : RunStatus.FAILED);
  }

  private void end(String runId, RunStatus status) {
    pendingSettings.remove(runId);
    pendingStarts.remove(runId);
    TrackedRun run = runs.remove(runId);
    if (run == null) {
      return;
    }
    // Nodes whose outputs were not all reported saved still get their duration.
    timings.forEach(
        (node, t) -> {
          if (t.runId().equals(runId) && t.hasFunctionEnded()) {
            finishNode(node, t);
          }
        });
    timings.values().removeIf(t -> t.runId().equals(runId));
    finalMetrics.put(runId, run.latestMetrics("node_duration."));
    try {
      run.end(status);
    } finally {
      run.location().ifPresent(l -> locations.put(runId, l));
      run.viewCommand().ifPresent(v -> viewCommands.put(runId, v));
    }
  }

  /**
   * An MLflow run prepared before the pipeline and started at its first node.
   *
   * @param pipeline the pipeline of the Weir run, to match dataset events (which carry no run id)
   * @param start starts the MLflow run
   */
  private record PendingStart(Pipeline pipeline, Runnable start) {}

  /** Time of one node: from before it runs to its last output saved. */
  private static final class NodeTiming {
    private final String runId;
    private final long start;
    private int outputsLeft;
    private long end = -1;

    NodeTiming(String runId, long start, int outputs) {
      this.runId = runId;
      this.start = start;
      this.outputsLeft = outputs;
    }

    String runId() {
      return runId;
    }

    synchronized void functionDone(long now) {
      end = now;
    }

    synchronized boolean hasFunctionEnded() {
      return end >= 0;
    }

    /**
     * @return whether that was the last output
     */
    synchronized boolean outputSaved(long now) {
      end = now;
      return --outputsLeft <= 0;
    }

    synchronized double seconds() {
      return (end - start) / 1e9;
    }
  }
}
