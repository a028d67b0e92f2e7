/**
 * Graph-scale benchmarks: building, validating, layering, filtering, combining and namespacing
 * pipelines of 1,000 to 100,000 nodes (core only, no Spark).
 */
@NullMarked
package dev.weir.benchmarks.graph;

import org.jspecify.annotations.NullMarked;
