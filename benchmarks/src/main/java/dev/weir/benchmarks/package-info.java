/**
 * JMH benchmarks of Weir: graph scale, runner overhead, Spark overhead and start-up; run with
 * {@code benchmarks/run.sh}, never by {@code mvn verify}.
 */
@NullMarked
package dev.weir.benchmarks;

import org.jspecify.annotations.NullMarked;
