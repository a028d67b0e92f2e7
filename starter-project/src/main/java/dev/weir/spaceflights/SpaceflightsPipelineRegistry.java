package dev.weir.spaceflights;

import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingPipeline;
import dev.weir.spaceflights.pipelines.datascience.DataSciencePipeline;
import dev.weir.spaceflights.pipelines.reporting.ReportingPipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's pipelines, as Kedro's {@code pipeline_registry.py}; found by Weir through {@code
 * META-INF/services/dev.weir.pipeline.PipelineRegistry}.
 */
public final class SpaceflightsPipelineRegistry implements PipelineRegistry {
  /** Creates the registry; {@link java.util.ServiceLoader} calls this. */
  public SpaceflightsPipelineRegistry() {}

  /**
   * @return {@code data_processing}, {@code data_science}, {@code reporting}, and {@value
   *     PipelineRegistry#DEFAULT} (all three)
   */
  @Override
  public Map<String, Pipeline> registerPipelines() {
    Pipeline dataProcessing = DataProcessingPipeline.create();
    Pipeline dataScience = DataSciencePipeline.create();
    Pipeline reporting = ReportingPipeline.create();
    Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    pipelines.put("data_processing", dataProcessing);
    pipelines.put("data_science", dataScience);
    pipelines.put("reporting", reporting);
    pipelines.put(DEFAULT, dataProcessing.plus(dataScience).plus(reporting));
    return pipelines;
  }
}
