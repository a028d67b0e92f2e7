package dev.weir.testing;

import dev.weir.hooks.Hook;
import dev.weir.session.RunResult;
import dev.weir.session.RunSummaryContributor;
import java.util.List;

/**
 * A hook found through test {@code META-INF/services/dev.weir.hooks.Hook}; it also contributes a
 * summary line, as the MLflow hook will.
 */
public final class ServiceLoadedHook implements Hook, RunSummaryContributor {
  @Override
  public List<String> summaryLines(RunResult result) {
    return List.of("Test tracking run for " + result.runId());
  }
}
