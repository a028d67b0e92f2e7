package dev.weir.benchmarks.spark;

import dev.weir.node.Node;
import dev.weir.runner.MemoryDataPolicy;
import dev.weir.runner.RunState;
import dev.weir.runner.Runner;

/**
 * The sequential runner with DataFrame persistence switched off: the same loop as {@code
 * SequentialRunner}, with {@link MemoryDataPolicy#NONE} instead of the Spark persistence policy.
 * The baseline of {@link PersistBenchmark}.
 */
final class NoPersistRunner extends Runner {
  @Override
  public String name() {
    return "sequential-no-persist";
  }

  @Override
  protected MemoryDataPolicy newMemoryDataPolicy() {
    return MemoryDataPolicy.NONE;
  }

  @Override
  protected void runNodes(RunState state) {
    for (Node node : state.nodes()) {
      long nanos;
      try {
        nanos = state.execute(node);
      } catch (Exception | Error e) {
        throw state.failure(node, e);
      }
      state.finished(node, nanos);
    }
  }
}
