package dev.weir.runner;

import dev.weir.node.Node;

/**
 * Runs nodes one after the other in topological order, as Kedro's {@code SequentialRunner}
 * (kedro/runner/sequential_runner.py).
 */
public final class SequentialRunner extends Runner {

  @Override
  public String name() {
    return "sequential";
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
