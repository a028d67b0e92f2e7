package dev.weir.cli;

import dev.weir.io.ExpectationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code weir run} prints for the catalog expectations checked in a run: per dataset and
 * expectation the rows checked, the violations and the action taken, as Lakeflow pipelines report
 * their expectation metrics.
 */
final class ExpectationSummary {
  private ExpectationSummary() {}

  /**
   * @param results the run's results ({@link dev.weir.session.RunResult#expectations()})
   * @return a heading and one line per result, or nothing when none was checked
   */
  static List<String> lines(List<ExpectationResult> results) {
    if (results.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("Expectations (on_violation: warn keeps, drop removes, fail stops the save):");
    for (ExpectationResult r : results) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %s.%s [%s%s]: %,d of %,d rows violated %s%s",
              r.dataset(),
              r.expectation().name(),
              r.action(),
              "load".equals(r.checkedOn()) ? ", on load" : "",
              r.violations(),
              r.rowsChecked(),
              r.expectation().expr(),
              outcome(r)));
    }
    return lines;
  }

  private static String outcome(ExpectationResult r) {
    if (r.violations() == 0) {
      return "";
    }
    return switch (r.expectation().onViolation()) {
      case WARN -> " (kept)";
      case DROP -> " (dropped)";
      case FAIL -> " (FAILED: nothing saved)";
    };
  }
}
