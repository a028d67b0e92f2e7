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

  /** Copies the collections so the record stays immutable. */
  public RunParams {
    pipelineNames = List.copyOf(pipelineNames);
    filters = Map.copyOf(filters);
    runtimeParams =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runtimeParams));
    loadVersions = Map.copyOf(loadVersions);
  }

  /**
   * A builder with {@code weir run}'s defaults: environment {@code local}, pipeline {@code
   * __default__}, the sequential runner, no filters, runtime parameters or load versions, and
   * {@code <projectPath>/conf} as the configuration source.
   *
   * @param runId the run id
   * @param projectPath the project root
   * @return a builder
   */
  public static Builder builder(String runId, Path projectPath) {
    return new Builder(runId, projectPath);
  }

  /** Builds {@link RunParams}; every setter replaces the value and returns this builder. */
  public static final class Builder {
    private final String runId;
    private final Path projectPath;
    private String env = "local";
    private List<String> pipelineNames = List.of("__default__");
    private String runner = "sequential";
    private Map<String, List<String>> filters = Map.of();
    private Map<String, Object> runtimeParams = Map.of();
    private Map<String, String> loadVersions = Map.of();
    private @org.jspecify.annotations.Nullable Path confSource;

    private Builder(String runId, Path projectPath) {
      this.runId = runId;
      this.projectPath = projectPath;
    }

    /**
     * @param env the configuration environment
     * @return this builder
     */
    public Builder env(String env) {
      this.env = env;
      return this;
    }

    /**
     * @param pipelineNames the registered pipelines combined
     * @return this builder
     */
    public Builder pipelineNames(List<String> pipelineNames) {
      this.pipelineNames = pipelineNames;
      return this;
    }

    /**
     * @param runner {@code sequential} or {@code parallel}
     * @return this builder
     */
    public Builder runner(String runner) {
      this.runner = runner;
      return this;
    }

    /**
     * @param filters the filter options given, by CLI option name without dashes
     * @return this builder
     */
    public Builder filters(Map<String, List<String>> filters) {
      this.filters = filters;
      return this;
    }

    /**
     * @param runtimeParams the {@code --params} values, nested
     * @return this builder
     */
    public Builder runtimeParams(Map<String, Object> runtimeParams) {
      this.runtimeParams = runtimeParams;
      return this;
    }

    /**
     * @param loadVersions {@code --load-versions} by dataset name
     * @return this builder
     */
    public Builder loadVersions(Map<String, String> loadVersions) {
      this.loadVersions = loadVersions;
      return this;
    }

    /**
     * @param confSource the configuration directory the run reads
     * @return this builder
     */
    public Builder confSource(Path confSource) {
      this.confSource = confSource;
      return this;
    }

    /**
     * @return the run parameters; maps and lists are copied
     */
    public RunParams build() {
      return new RunParams(
          runId,
          projectPath,
          env,
          pipelineNames,
          runner,
          filters,
          runtimeParams,
          loadVersions,
          confSource != null ? confSource : projectPath.resolve("conf"));
    }
  }
}
