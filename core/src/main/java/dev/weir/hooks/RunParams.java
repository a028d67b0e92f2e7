package dev.weir.hooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run was asked to do, as Kedro's {@code run_params}: handed to pipeline-level hooks and
 * logged to MLflow as tags.
 *
 * @param runId the run id, Kedro's timestamp format ({@code 2024-01-31T12.30.45.123Z}); also the
 *     save version of versioned datasets
 * @param projectPath the project root
 * @param env the configuration environment ({@code local} by default)
 * @param pipelineNames the registered pipelines that were combined ({@code __default__} when none
 *     was named)
 * @param runner {@code sequential} or {@code parallel}
 * @param filters the filter options that were given, by CLI option name without dashes ({@code
 *     tags}, {@code from-nodes}, ...); only non-empty ones
 * @param runtimeParams the {@code --params} values, nested
 * @param loadVersions {@code --load-versions} by dataset name
 * @param confSource the configuration directory the run read ({@code <project>/conf} unless {@code
 *     --conf-source} named another, possibly inside a job JAR)
 */
public record RunParams(
    String runId,
    Path projectPath,
    String env,
    List<String> pipelineNames,
    String runner,
    Map<String, List<String>> filters,
    Map<String, Object> runtimeParams,
    Map<String, String> loadVersions,
    Path confSource) {

  /**
   * A run that reads {@code <projectPath>/conf}.
   *
   * @param runId the run id
   * @param projectPath the project root
   * @param env the configuration environment
   * @param pipelineNames the pipelines combined
   * @param runner the runner name
   * @param filters the filter options given
   * @param runtimeParams the {@code --params} values
   * @param loadVersions {@code --load-versions} by dataset name
   */
  public RunParams(
      String runId,
      Path projectPath,
      String env,
      List<String> pipelineNames,
      String runner,
      Map<String, List<String>> filters,
      Map<String, Object> runtimeParams,
      Map<String, String> loadVersions) {
    this(
        runId,
        projectPath,
        env,
        pipelineNames,
        runner,
        filters,
        runtimeParams,
        loadVersions,
        projectPath.resolve("conf"));
  }

  /** Copies the collections so the record stays immutable. */
  public RunParams {
    pipelineNames = List.copyOf(pipelineNames);
    filters = Map.copyOf(filters);
    runtimeParams =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runtimeParams));
    loadVersions = Map.copyOf(loadVersions);
  }
}
