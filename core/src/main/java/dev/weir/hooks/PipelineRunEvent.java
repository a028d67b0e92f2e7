package dev.weir.hooks;

import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;

/**
 * A pipeline is about to run or has run (Kedro's {@code before_pipeline_run} / {@code
 * after_pipeline_run}).
 *
 * @param run what the run was asked to do
 * @param pipeline the filtered pipeline
 * @param catalog the run's catalog
 */
public record PipelineRunEvent(RunParams run, Pipeline pipeline, DataCatalog catalog) {}
