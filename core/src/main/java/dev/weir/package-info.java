/**
 * Weir: Kedro-style pipelines for the JVM. The root package holds the exception family ({@link
 * dev.weir.WeirException}, {@link dev.weir.ErrorKind}) and {@link dev.weir.ClosestNames}, and
 * imports nothing else of Weir; the model lives in {@code dev.weir.node}, {@code
 * dev.weir.pipeline}, {@code dev.weir.io}, {@code dev.weir.config}, {@code dev.weir.params} and
 * {@code dev.weir.hooks}.
 */
@NullMarked
package dev.weir;

import org.jspecify.annotations.NullMarked;
