/**
 * Start-up benchmarks: {@code weir run} to the first node and {@code weir pipeline list}, each in a
 * fresh JVM.
 */
@NullMarked
package dev.weir.benchmarks.startup;

import org.jspecify.annotations.NullMarked;
