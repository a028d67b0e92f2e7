package dev.weir.pipeline;

import java.util.Map;

/**
 * A project's pipelines by name, as Kedro's {@code register_pipelines()}. A project provides one
 * implementation through {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.weir.pipeline.PipelineRegistry}; the map must hold {@code __default__}.
 */
@FunctionalInterface
public interface PipelineRegistry {
  /** The name of the pipeline {@code weir run} runs when none is named. */
  String DEFAULT = "__default__";

  /**
   * @return pipelines by name, including {@value #DEFAULT}
   */
  Map<String, Pipeline> registerPipelines();
}
