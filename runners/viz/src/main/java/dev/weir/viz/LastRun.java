package dev.weir.viz;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the project's last run did, as {@link RunRecorderHook} writes it to {@code
 * <project>/.weir/last-run.json} and the map overlays it.
 *
 * @param runId the run id (Kedro's timestamp format)
 * @param status {@value #SUCCESS}, {@value #FAILED} or {@value #INTERRUPTED}
 * @param startedAt when the pipeline started, ISO-8601 UTC
 * @param finishedAt when it ended, ISO-8601 UTC
 * @param durationSeconds wall time of the whole run, seconds
 * @param env the configuration environment
 * @param pipelines the pipeline names that ran
 * @param nodes per node that started, by node name
 * @param datasets per saved persisted dataset, by dataset name
 * @param failedNodes names of the nodes that failed, in the order they failed
 */
public record LastRun(
    String runId,
    String status,
    String startedAt,
    String finishedAt,
    double durationSeconds,
    String env,
    List<String> pipelines,
    Map<String, NodeRun> nodes,
    Map<String, DatasetRun> datasets,
    List<String> failedNodes) {

  /** Status of a run or node that ended without error. */
  public static final String SUCCESS = "success";

  /** Status of a run or node that threw. */
  public static final String FAILED = "failed";

  /** Status of a run stopped by SIGTERM or Ctrl-C, and of the nodes it was running. */
  public static final String INTERRUPTED = "interrupted";

  /** Copies the collections so the record stays immutable. */
  public LastRun {
    pipelines = List.copyOf(pipelines);
    nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    datasets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(datasets));
    failedNodes = List.copyOf(failedNodes);
  }

  /**
   * One node of the run.
   *
   * @param status {@value LastRun#SUCCESS}, {@value LastRun#FAILED} or {@value LastRun#INTERRUPTED}
   * @param durationSeconds from the first input load to the last output save, seconds: Spark
   *     DataFrames are lazy, so the work a node describes mostly happens when its outputs are saved
   * @param error the exception's class and first message line when it failed, else {@code null}
   */
  public record NodeRun(String status, double durationSeconds, @Nullable String error) {}

  /**
   * One saved dataset of the run.
   *
   * @param node the node that wrote it
   * @param rows rows written, or {@code null} when not known cheaply (see {@link RowCounts})
   * @param rowsSource where the count comes from ({@code delta:numOutputRows}), or {@code null}
   */
  public record DatasetRun(String node, @Nullable Long rows, @Nullable String rowsSource) {}
}
