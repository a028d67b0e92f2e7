/**
 * Weir: Kedro-style pipelines for the JVM. The root package holds the exception family; the model
 * lives in {@code dev.weir.node}, {@code dev.weir.pipeline}, {@code dev.weir.io}, {@code
 * dev.weir.config}, {@code dev.weir.params} and {@code dev.weir.hooks}.
 */
@NullMarked
package dev.weir;

import org.jspecify.annotations.NullMarked;
