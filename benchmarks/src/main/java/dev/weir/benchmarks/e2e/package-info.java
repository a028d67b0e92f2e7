/**
 * End-to-end benchmarks run as separate processes by {@code benchmarks/run.sh e2e} and {@code
 * scaled}: the starter's {@code __default__} job through {@code weir run} against {@link
 * dev.weir.benchmarks.e2e.PlainSpaceflights}, a plain Spark program doing the same work, and {@link
 * dev.weir.benchmarks.e2e.ScaledSpaceflights}, which writes the raw data scaled ×N.
 */
@NullMarked
package dev.weir.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
