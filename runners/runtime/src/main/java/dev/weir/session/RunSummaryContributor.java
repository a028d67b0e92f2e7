package dev.weir.session;

import java.util.List;

/**
 * Adds lines to the summary {@code weir run} prints at the end of a run, for example {@code MLflow
 * run at http://...}. Implemented by a {@link dev.weir.hooks.Hook} (the session asks its hooks) or
 * registered on its own with {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.weir.session.RunSummaryContributor}.
 */
public interface RunSummaryContributor {
  /**
   * @param result the run that ended
   * @return lines to print, without trailing newlines; never credentials
   */
  List<String> summaryLines(RunResult result);
}
