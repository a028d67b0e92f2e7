package dev.weir.session;

import dev.weir.pipeline.PipelineFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code weir run} was asked to do, as the options of Kedro's {@code kedro run}.
 *
 * @param pipelineNames registered pipelines to combine ({@code --pipelines}); empty means {@code
 *     __default__}
 * @param filter node filters ({@code --tags}, {@code --nodes}, {@code --from-nodes}, ...)
 * @param runner {@code sequential} or {@code parallel} ({@code --runner})
 * @param maxWorkers threads of the parallel runner ({@code --max-workers}), or {@code null} for
 *     {@code min(processors, nodes)}
 * @param loadVersions versions to load by dataset name ({@code --load-versions ds:version})
 * @param onlyMissingOutputs run only what produces missing persisted outputs ({@code
 *     --only-missing-outputs})
 * @param dryRun validate and print the plan, compute nothing ({@code --dry-run})
 */
public record RunOptions(
    List<String> pipelineNames,
    PipelineFilter filter,
    String runner,
    @Nullable Integer maxWorkers,
    Map<String, String> loadVersions,
    boolean onlyMissingOutputs,
    boolean dryRun) {

  /** Copies the collections so the record stays immutable. */
  public RunOptions {
    pipelineNames = List.copyOf(pipelineNames);
    loadVersions = Collections.unmodifiableMap(new LinkedHashMap<>(loadVersions));
  }

  /**
   * @return {@code __default__}, no filter, the sequential runner
   */
  public static RunOptions defaults() {
    return new RunOptions(
        List.of(), PipelineFilter.NONE, "sequential", null, Map.of(), false, false);
  }

  /**
   * @param names registered pipeline names
   * @return a copy running these pipelines
   */
  public RunOptions withPipelines(String... names) {
    return new RunOptions(
        List.of(names), filter, runner, maxWorkers, loadVersions, onlyMissingOutputs, dryRun);
  }

  /**
   * @param f node filters
   * @return a copy with this filter
   */
  public RunOptions withFilter(PipelineFilter f) {
    return new RunOptions(
        pipelineNames, f, runner, maxWorkers, loadVersions, onlyMissingOutputs, dryRun);
  }

  /**
   * @param name {@code sequential} or {@code parallel}
   * @param workers threads of the parallel runner, or {@code null}
   * @return a copy with this runner
   */
  public RunOptions withRunner(String name, @Nullable Integer workers) {
    return new RunOptions(
        pipelineNames, filter, name, workers, loadVersions, onlyMissingOutputs, dryRun);
  }

  /**
   * @param versions versions by dataset name
   * @return a copy with these load versions
   */
  public RunOptions withLoadVersions(Map<String, String> versions) {
    return new RunOptions(
        pipelineNames, filter, runner, maxWorkers, versions, onlyMissingOutputs, dryRun);
  }

  /**
   * @param value whether to run only nodes with missing persisted outputs
   * @return a copy
   */
  public RunOptions withOnlyMissingOutputs(boolean value) {
    return new RunOptions(pipelineNames, filter, runner, maxWorkers, loadVersions, value, dryRun);
  }

  /**
   * @param value whether to only validate and plan
   * @return a copy
   */
  public RunOptions withDryRun(boolean value) {
    return new RunOptions(
        pipelineNames, filter, runner, maxWorkers, loadVersions, onlyMissingOutputs, value);
  }
}
