/**
 * Runners (Kedro's {@code kedro.runner}): {@link dev.weir.runner.SequentialRunner} and {@link
 * dev.weir.runner.ParallelRunner} on a shared {@link dev.weir.runner.Runner} base, the hook
 * dispatcher, the node failure report with its resume command, and {@code --only-missing-outputs}.
 */
@NullMarked
package dev.weir.runner;

import org.jspecify.annotations.NullMarked;
