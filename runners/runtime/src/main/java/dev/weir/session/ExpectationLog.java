package dev.weir.session;

import dev.weir.hooks.ExpectationsCheckedEvent;
import dev.weir.io.ExpectationListener;
import dev.weir.io.ExpectationResult;
import dev.weir.runner.HookManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's {@link ExpectationListener}: keeps every result for {@link RunResult#expectations()}
 * and passes each dataset's results to the hooks ({@code afterExpectationsChecked}). Thread-safe:
 * the parallel runner saves from worker threads.
 */
final class ExpectationLog implements ExpectationListener {
  private final HookManager hooks;
  private final String runId;
  private final List<ExpectationResult> results = new ArrayList<>();

  ExpectationLog(HookManager hooks, String runId) {
    this.hooks = hooks;
    this.runId = runId;
  }

  @Override
  public void expectationsChecked(String dataset, List<ExpectationResult> checked) {
    synchronized (results) {
      results.addAll(checked);
    }
    hooks.afterExpectationsChecked(new ExpectationsCheckedEvent(runId, dataset, checked));
  }

  /**
   * @return every result so far, in the order checked
   */
  List<ExpectationResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }
}
