/**
 * Runner-overhead benchmarks: trivial nodes on memory datasets under the sequential and parallel
 * runners.
 */
@NullMarked
package dev.weir.benchmarks.runner;

import org.jspecify.annotations.NullMarked;
