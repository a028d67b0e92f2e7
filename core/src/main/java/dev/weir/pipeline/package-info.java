/**
 * The pipeline model, as Kedro's {@code kedro.pipeline.pipeline}: {@link
 * dev.weir.pipeline.Pipeline} and its operations, modular pipelines ({@link
 * dev.weir.pipeline.ModularPipeline}), filters, and {@link dev.weir.pipeline.PipelineException}
 * whose kinds name what went wrong. Depends on the root package and {@code node}.
 */
@NullMarked
package dev.weir.pipeline;

import org.jspecify.annotations.NullMarked;
