/**
 * The spaceflights starter project: Kedro's spaceflights tutorial as a Weir project. Its pipelines
 * are registered by {@link dev.weir.spaceflights.SpaceflightsPipelineRegistry}; the nodes live in
 * {@code pipelines.dataprocessing}, {@code pipelines.datascience} and {@code pipelines.reporting},
 * one package per pipeline as in a Kedro project.
 */
@NullMarked
package dev.weir.spaceflights;

import org.jspecify.annotations.NullMarked;
