package dev.weir.io;

import java.util.List;

/**
 * Receives the results of a dataset's expectation checks. A run registers one as a {@link
 * DatasetContext} service (the session forwards them to the hooks' {@code
 * afterExpectationsChecked}); a dataset that checks expectations looks it up with {@code
 * context.findService(ExpectationListener.class)} and reports every check, before it saves or
 * fails. Called from the thread that saves or loads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ExpectationListener {
  /**
   * @param dataset the dataset name
   * @param results one result per expectation, in catalog order
   */
  void expectationsChecked(String dataset, List<ExpectationResult> results);
}
