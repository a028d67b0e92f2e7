package dev.weir.mlflow;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an MLflow run is recorded: a tracking server ({@link RestStore}), a SQLite file in MLflow's
 * schema ({@link SqliteStore}, the default) or MLflow's legacy file store ({@link LocalFileStore}).
 * Calls are made by one {@link TrackedRun} at a time.
 */
interface TrackingStore {

  /**
   * Finds or creates the experiment, then creates a RUNNING run in it.
   *
   * @return the new run
   * @throws RuntimeException when the store cannot be reached or refuses
   */
  RunRef createRun(String experiment, String runName, String userId, long startTimeMillis);

  /** Records one batch; the caller keeps it within MLflow's batch limits ({@link Batches}). */
  void logBatch(RunRef run, List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags);

  /** Copies a local file into the run's artifacts, under {@code artifactPath} (or the root). */
  void logArtifact(RunRef run, Path file, @Nullable String artifactPath);

  /** Sets the run's end status and time. */
  void endRun(RunRef run, org.mlflow.api.proto.Service.RunStatus status, long endTimeMillis);

  /** Where a person finds the run: a web address or a folder. */
  String runLocation(RunRef run);

  /** The store itself, for messages: a URI without credentials, or a folder. */
  String describe();

  /**
   * The command that opens this store in MLflow's UI, for a local store.
   *
   * @return {@code mlflow ui --backend-store-uri ...}, or {@code null} for a tracking server (its
   *     web address is the run's location)
   */
  default @Nullable String viewCommand() {
    return null;
  }

  /** Frees connections and threads. */
  default void close() {}

  /**
   * A run in a store.
   *
   * @param experimentId the experiment id
   * @param runId the run id (32 hex characters)
   * @param artifactUri the run's artifact root as the store reports it
   */
  record RunRef(String experimentId, String runId, String artifactUri) {}

  /**
   * An MLflow param or tag.
   *
   * @param key the key (MLflow's key rules already applied)
   * @param value the value (MLflow's length limits already applied)
   */
  record KeyValue(String key, String value) {}

  /**
   * One metric value.
   *
   * @param key the metric key
   * @param value the value
   * @param timestamp milliseconds since the Unix epoch
   * @param step the step
   */
  record Metric(String key, double value, long timestamp, long step) {}
}
