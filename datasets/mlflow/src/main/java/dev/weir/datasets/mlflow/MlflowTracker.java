package dev.weir.datasets.mlflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The MLflow run that a Weir run records into, as MLflow datasets see it. Implemented in {@code
 * weir-runners} (the MLflow hook); datasets find the current one with {@link ActiveTracker#get()}.
 *
 * <p>Implementations never throw for a tracking server that is down or slow: they keep the records
 * in MLflow's local file store instead (see the runners' {@code dev.weir.mlflow} package). They are
 * thread-safe, since the parallel runner saves datasets from several threads.
 */
public interface MlflowTracker {

  /**
   * @return the MLflow run id (32 lowercase hex characters)
   */
  String runId();

  /**
   * Records one metric value.
   *
   * @param key the metric name; MLflow accepts {@code ^[/\w.\- :]*$}, at most 250 characters
   * @param value the value; NaN and infinities are kept as MLflow keeps them
   * @param step the step, 0 or more (MLflow's x-axis of a metric history)
   * @throws IllegalArgumentException when the key breaks MLflow's key rules
   */
  void logMetric(String key, double value, long step);

  /**
   * Records several metric values at one step, sent together.
   *
   * @param metrics values by metric name (same key rules as {@link #logMetric})
   * @param step the step of every value
   * @throws IllegalArgumentException when a key breaks MLflow's key rules
   */
  default void logMetrics(Map<String, Double> metrics, long step) {
    metrics.forEach((key, value) -> logMetric(key, value, step));
  }

  /**
   * Every value recorded in this run for a metric, oldest first.
   *
   * @param key the metric name
   * @return the history, empty when the metric was never logged in this run
   */
  List<MetricValue> metricHistory(String key);

  /**
   * Copies a local file into the run's artifacts, as MLflow's {@code log_artifact}.
   *
   * @param file a regular local file
   * @param artifactPath the directory inside the run's artifacts ({@code plots}), or {@code null}
   *     for the artifact root; the file keeps its name
   * @throws IllegalArgumentException when {@code file} is not a regular file
   */
  void logArtifact(Path file, @Nullable String artifactPath);

  /**
   * One recorded value of a metric, as MLflow's {@code Metric} entity.
   *
   * @param value the value
   * @param step the step
   * @param timestamp when it was recorded, milliseconds since the Unix epoch
   */
  record MetricValue(double value, long step, long timestamp) {}
}
