package dev.weir.mlflow;

import dev.weir.datasets.mlflow.ActiveTracker;
import dev.weir.datasets.mlflow.MlflowKeys;
import dev.weir.datasets.mlflow.MlflowTracker;
import dev.weir.mlflow.BoundedCaller.TrackingFailure;
import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.Metric;
import dev.weir.mlflow.TrackingStore.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.mlflow.api.proto.Service.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MLflow run in progress: the {@link MlflowTracker} that MLflow datasets and the hook write to.
 *
 * <p>Every record is kept in a journal as well as sent. Params and tags go out when the run starts;
 * metrics are buffered and sent in batches of up to 1,000 ({@link Batches}) when the buffer fills
 * and when the run ends; artifacts go at once. When the tracking server fails or times out, the
 * server is dropped for the rest of the run, a run is created in the local store (the project's
 * {@code mlflow.db}) and the whole journal is replayed into it, so nothing is lost; one warning at
 * the end says what the server did not receive. The server's own run is not left RUNNING: unless
 * the server stopped answering, it is ended with the run's final status and a {@code
 * weir.mlflow.incomplete} tag naming where the complete run is. A deleted experiment of the same
 * name on the server is reported at once, with the fix ({@link DeletedExperimentException}). A
 * failing local store stops tracking with one warning. No method throws for a tracking problem;
 * {@link #logMetric} throws only for a key MLflow would refuse.
 *
 * <p>Thread-safe. A JVM shutdown hook (SIGTERM, Ctrl-C) ends a run still in progress as KILLED.
 */
final class TrackedRun implements MlflowTracker {
  private static final Logger LOG = LoggerFactory.getLogger(TrackedRun.class);

  private final TrackingStore primary;
  private final Supplier<TrackingStore> fallback;
  private final String experiment;
  private final String runName;
  private final String userId;
  private final long startTime;

  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final List<Metric> metrics = new ArrayList<>();
  private final List<Artifact> artifacts = new ArrayList<>();
  private final List<Metric> pending = new ArrayList<>();
  private final List<String> notUploaded = new ArrayList<>();

  private TrackingStore current;
  private @Nullable RunRef ref;
  private @Nullable TrackingFailure serverFailure;
  private @Nullable RunRef serverRun;
  private boolean endServerRun;
  private boolean failureReported;
  private boolean serverEnded;
  private @Nullable Exception localFailure;
  private int sentParams;
  private int sentTags;
  private int sentMetrics;
  private int sentArtifacts;
  private @Nullable RunStatus endStatus;
  private @Nullable Thread shutdownHook;

  private record Artifact(Path file, @Nullable String artifactPath) {}

  private TrackedRun(
      TrackingStore primary,
      Supplier<TrackingStore> fallback,
      String experiment,
      String runName,
      String userId,
      long startTime) {
    this.primary = primary;
    this.current = primary;
    this.fallback = fallback;
    this.experiment = experiment;
    this.runName = runName;
    this.userId = userId;
    this.startTime = startTime;
  }

  /**
   * Creates the run, sends its tags and params, makes it the {@link ActiveTracker} and registers
   * the KILLED shutdown hook. Never throws for a tracking problem.
   *
   * @param primary the configured store
   * @param fallback the local store used when {@code primary} is a server that fails
   * @param tags tags, keys and values within MLflow's limits
   * @param params params, keys and values within MLflow's limits
   */
  static TrackedRun start(
      TrackingStore primary,
      Supplier<TrackingStore> fallback,
      String experiment,
      String runName,
      String userId,
      Map<String, String> tags,
      Map<String, String> params) {
    TrackedRun run =
        new TrackedRun(primary, fallback, experiment, runName, userId, System.currentTimeMillis());
    synchronized (run) {
      run.tags.putAll(tags);
      run.params.putAll(params);
      run.open();
    }
    ActiveTracker.set(run);
    run.registerShutdownHook();
    return run;
  }

  private void open() {
    try {
      ref = current.createRun(experiment, runName, userId, startTime);
      if (current instanceof SqliteStore sqlite && !sqlite.lostRuns().isEmpty()) {
        LOG.info(
            "MLflow: {} run(s) that a killed Weir process on this machine left RUNNING in {} are"
                + " now FAILED (tag {}): {}",
            sqlite.lostRuns().size(),
            sqlite.describe(),
            LostRuns.LOST_TAG,
            String.join(", ", sqlite.lostRuns()));
      }
      if (current == primary && primary instanceof RestStore) {
        serverRun = ref;
      }
      sendBatches(List.of(), toList(params), toList(tags));
      if (current == primary) {
        sentParams = params.size();
        sentTags = tags.size();
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private void registerShutdownHook() {
    Thread hook = new Thread(() -> end(RunStatus.KILLED), "weir-mlflow-killed");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      synchronized (this) {
        shutdownHook = hook;
      }
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: nothing will end this run as KILLED but end() itself
    }
  }

  @Override
  public synchronized String runId() {
    return ref == null ? "" : ref.runId();
  }

  @Override
  public void logMetric(String key, double value, long step) {
    logMetrics(Map.of(key, value), step);
  }

  @Override
  public synchronized void logMetrics(Map<String, Double> values, long step) {
    for (String key : values.keySet()) {
      if (!MlflowKeys.isValid(key)) {
        throw new IllegalArgumentException(
            "MLflow refuses the metric key '" + key + "': " + MlflowKeys.problem(key));
      }
    }
    if (endStatus != null) {
      return;
    }
    long now = System.currentTimeMillis();
    values.forEach(
        (k, v) -> {
          Metric m = new Metric(k, v, now, step);
          metrics.add(m);
          pending.add(m);
        });
    if (pending.size() >= Batches.MAX_METRICS) {
      flush();
    }
  }

  /**
   * The last value logged for each metric, in the order metrics were first logged.
   *
   * @param excludePrefix metrics whose key starts with this are left out (e.g. node durations)
   * @return metric key to its latest value
   */
  synchronized Map<String, Double> latestMetrics(String excludePrefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Metric m : metrics) {
      if (!m.key().startsWith(excludePrefix)) {
        out.put(m.key(), m.value());
      }
    }
    return out;
  }

  @Override
  public synchronized List<MetricValue> metricHistory(String key) {
    List<MetricValue> out = new ArrayList<>();
    for (Metric m : metrics) {
      if (m.key().equals(key)) {
        out.add(new MetricValue(m.value(), m.step(), m.timestamp()));
      }
    }
    return out;
  }

  @Override
  public synchronized void logArtifact(Path file, @Nullable String artifactPath) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Not a file, cannot log it as an MLflow artifact: " + file);
    }
    if (endStatus != null) {
      return;
    }
    Artifact a = new Artifact(file.toAbsolutePath(), artifactPath);
    artifacts.add(a);
    send(a);
  }

  private void send(Artifact a) {
    if (ref == null) {
      return;
    }
    try {
      current.logArtifact(ref, a.file(), a.artifactPath());
      if (current == primary) {
        sentArtifacts++;
      }
    } catch (RestStore.UnsupportedArtifactStore e) {
      notUploaded.add(a.file() + " (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** Sends buffered metrics. */
  synchronized void flush() {
    if (pending.isEmpty() || ref == null) {
      pending.clear();
      return;
    }
    List<Metric> batch = List.copyOf(pending);
    pending.clear();
    try {
      sendBatches(batch, List.of(), List.of());
      if (current == primary) {
        sentMetrics += batch.size();
      }
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /**
   * Ends the run: sends what is buffered, sets the status, clears the {@link ActiveTracker}, and
   * writes the warning about what a failed server did not receive. Later calls do nothing.
   *
   * @param status FINISHED, FAILED or KILLED
   */
  void end(RunStatus status) {
    synchronized (this) {
      if (endStatus != null) {
        return;
      }
      flush();
      endStatus = status;
      if (ref != null) {
        try {
          current.endRun(ref, status, System.currentTimeMillis());
        } catch (RuntimeException e) {
          failed(e);
          if (ref != null && current != primary) {
            endLocal(status);
          }
        }
      }
      endAbandonedServerRun(status);
    }
    ActiveTracker.clear(this);
    Thread hook;
    synchronized (this) {
      hook = shutdownHook;
      shutdownHook = null;
    }
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    closeQuietly(primary);
    report();
  }

  private void endLocal(RunStatus status) {
    try {
      current.endRun(Objects.requireNonNull(ref, "run"), status, System.currentTimeMillis());
    } catch (RuntimeException e) {
      localBroken(e);
    }
  }

  /**
   * @return where a person finds the run (web address or folder), or empty when tracking failed
   */
  synchronized java.util.Optional<String> location() {
    if (ref == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(current.runLocation(ref));
  }

  /**
   * @return the command that opens the store the run went to, for a local store
   */
  synchronized java.util.Optional<String> viewCommand() {
    return ref == null
        ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(current.viewCommand());
  }

  synchronized @Nullable RunStatus endStatus() {
    return endStatus;
  }

  private void sendBatches(List<Metric> m, List<KeyValue> p, List<KeyValue> t) {
    for (Batches.Batch b : Batches.split(m, p, t)) {
      current.logBatch(Objects.requireNonNull(ref, "run"), b.metrics(), b.params(), b.tags());
    }
  }

  /**
   * Drops the server and replays the journal into the local store, or gives up on a local store.
   */
  private void failed(RuntimeException e) {
    if (current != primary || !(primary instanceof RestStore)) {
      localBroken(e);
      return;
    }
    serverFailure =
        e instanceof TrackingFailure f
            ? f
            : new TrackingFailure("call the server", String.valueOf(e.getMessage()), e);
    // The server's run is ended at the end unless the server stopped answering (a timeout).
    endServerRun = serverRun != null && !timedOut(e);
    pending.clear();
    ref = null;
    try {
      TrackingStore local = fallback.get();
      current = local;
      ref = local.createRun(experiment, runName, userId, startTime);
      Map<String, String> localTags = new LinkedHashMap<>(tags);
      localTags.put("weir.mlflow.unreachable_server", primary.describe());
      sendBatches(List.copyOf(metrics), toList(params), toList(localTags));
      for (Artifact a : artifacts) {
        local.logArtifact(ref, a.file(), a.artifactPath());
      }
    } catch (RuntimeException local) {
      localBroken(local);
    }
    if (e instanceof DeletedExperimentException deleted) {
      failureReported = true;
      LOG.warn(
          "{}. This run is logged locally instead{}.",
          deleted.getMessage(),
          ref == null
              ? " (but the local store failed too: " + localFailure + ")"
              : ": " + current.runLocation(ref));
    }
  }

  /**
   * Whether the server did not answer within the timeout: asking it once more to end the run would
   * cost the run another wait. Refusals (HTTP errors) and connection failures are worth one bounded
   * try.
   */
  private static boolean timedOut(RuntimeException e) {
    return e instanceof TrackingFailure f && f.getCause() == null;
  }

  /**
   * Ends the server's run that logging gave up on part-way, with the run's final status and a tag
   * naming where the complete run is, so it does not stay RUNNING there forever.
   */
  private void endAbandonedServerRun(RunStatus status) {
    if (!endServerRun || serverRun == null || !(primary instanceof RestStore rest)) {
      return;
    }
    endServerRun = false;
    String where = ref == null ? "nowhere (the local store failed too)" : current.runLocation(ref);
    String reason = serverFailure == null ? "" : serverFailure.getMessage();
    Map<String, String> note = new LinkedHashMap<>();
    note.put(
        "weir.mlflow.incomplete",
        RunParameters.fitTagValue(
            "Logging to this server failed part-way ("
                + reason
                + "); the complete run is at "
                + where));
    serverEnded = rest.endAfterFailure(serverRun, status, System.currentTimeMillis(), note);
  }

  private void localBroken(Exception e) {
    if (localFailure == null) {
      localFailure = e;
    }
    ref = null;
  }

  private void report() {
    RunStatus status;
    String where;
    synchronized (this) {
      status = endStatus;
      where = ref == null ? null : current.runLocation(ref);
    }
    if (serverFailure != null && !failureReported) {
      TrackingFailure f = serverFailure;
      LOG.warn(
          "MLflow tracking server {} failed to {}: {}. It did not receive {} param(s), {} tag(s),"
              + " {} metric value(s), {} artifact(s) and the end status {} of this run{}. {}",
          primary.describe(),
          f.operation(),
          f.reason(),
          params.size() - sentParams,
          tags.size() - sentTags,
          metrics.size() - sentMetrics,
          artifacts.size() - sentArtifacts,
          status,
          serverRun == null
              ? ""
              : serverEnded
                  ? " (its run "
                      + serverRun.runId()
                      + " there was ended "
                      + status
                      + " with what it received)"
                  : " (its run " + serverRun.runId() + " stays RUNNING there)",
          where == null
              ? "The local store failed too, so this run is not tracked: " + localFailure
              : "Everything was recorded in the local MLflow store instead: "
                  + where
                  + (current.viewCommand() == null
                      ? ""
                      : " (see it with: " + current.viewCommand() + ")")
                  + ".");
    } else if (localFailure != null) {
      LOG.warn(
          "MLflow tracking stopped: the store at {} failed ({}); this run's params, metrics and"
              + " artifacts after that point are not tracked.",
          primary.describe(),
          localFailure.toString());
    }
    if (!notUploaded.isEmpty()) {
      LOG.warn(
          "MLflow: {} artifact(s) were not uploaded and stay only on this machine: {}",
          notUploaded.size(),
          String.join("; ", notUploaded));
    }
    if (where != null) {
      LOG.info("MLflow run '{}' {} at {}", runName, status, where);
    }
  }

  private static List<KeyValue> toList(Map<String, String> map) {
    List<KeyValue> out = new ArrayList<>(map.size());
    map.forEach((k, v) -> out.add(new KeyValue(k, v)));
    return out;
  }

  private static void closeQuietly(TrackingStore store) {
    Thread t = new Thread(store::close, "weir-mlflow-close");
    t.setDaemon(true);
    t.start();
  }
}
