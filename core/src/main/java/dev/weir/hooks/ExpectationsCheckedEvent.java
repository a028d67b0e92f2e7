package dev.weir.hooks;

import dev.weir.io.ExpectationResult;
import java.util.List;

/**
 * A dataset's expectations were checked, on save or on load ({@code check_on}), before the data was
 * written or handed to a node. Fired also when a {@code fail} expectation then stops the save.
 *
 * @param runId the run id (as {@link RunParams#runId()})
 * @param datasetName the dataset
 * @param results one result per expectation, in catalog order
 */
public record ExpectationsCheckedEvent(
    String runId, String datasetName, List<ExpectationResult> results) {
  /** Copies the list so the record stays immutable. */
  public ExpectationsCheckedEvent {
    results = List.copyOf(results);
  }
}
