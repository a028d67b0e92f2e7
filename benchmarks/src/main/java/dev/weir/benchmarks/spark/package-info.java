/**
 * Spark-overhead benchmarks: the spaceflights {@code data_processing} pipeline through Weir against
 * one plain Spark program, and the gain from persisting a DataFrame several nodes read.
 */
@NullMarked
package dev.weir.benchmarks.spark;

import org.jspecify.annotations.NullMarked;
