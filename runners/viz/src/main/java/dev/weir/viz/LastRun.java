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
 * @param expectations per dataset with catalog {@code expectations:} checked in the run, by dataset
 *     name, one entry per expectation; empty for a record written before expectations existed
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
    List<String> failedNodes,
    Map<String, List<ExpectationRun>> expectations) {

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
    expectations =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(
                java.util.Objects.requireNonNullElse(expectations, Map.of())));
  }

  /**
   * A record of a run in which no expectation was checked.
   *
   * @param runId the run id
   * @param status {@value #SUCCESS} or {@value #FAILED}
   * @param startedAt ISO-8601 UTC
   * @param finishedAt ISO-8601 UTC
   * @param durationSeconds seconds
   * @param env the environment
   * @param pipelines the pipeline names
   * @param nodes per node
   * @param datasets per saved dataset
   * @param failedNodes the failed nodes
   */
  public LastRun(
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
    this(
        runId,
        status,
        startedAt,
        finishedAt,
        durationSeconds,
        env,
        pipelines,
        nodes,
        datasets,
        failedNodes,
        Map.of());
  }

  /**
   * One catalog expectation checked in the run ({@link dev.weir.io.ExpectationResult}).
   *
   * @param name the expectation's name
   * @param expr its Spark SQL expression
   * @param action {@code warn}, {@code drop} or {@code fail}
   * @param checkedOn {@code save} or {@code load}
   * @param rowsChecked rows evaluated
   * @param violations rows for which it was not true
   */
  public record ExpectationRun(
      String name,
      String expr,
      String action,
      String checkedOn,
      long rowsChecked,
      long violations) {}

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
