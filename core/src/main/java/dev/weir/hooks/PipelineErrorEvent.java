package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;

/**
 * A pipeline run failed (Kedro's {@code on_pipeline_error}).
 *
 * @param error the failure
 * @param run what the run was asked to do
 * @param pipeline the pipeline that was running
 * @param catalog the run's catalog
 */
public record PipelineErrorEvent(
    Throwable error, RunParams run, Pipeline pipeline, DataCatalog catalog) {}
