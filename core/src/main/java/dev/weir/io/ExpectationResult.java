package dev.weir.io;

/**
 * What checking one {@link Expectation} of a dataset found, for the run summary, MLflow and {@code
 * weir viz}.
 *
 * @param dataset the dataset name
 * @param expectation the expectation checked
 * @param checkedOn {@code save} or {@code load}: when the rows were checked
 * @param rowsChecked the rows the expectation was evaluated on
 * @param violations the rows for which it was not {@code true}
 */
public record ExpectationResult(
    String dataset, Expectation expectation, String checkedOn, long rowsChecked, long violations) {

  /**
   * @return the action taken: {@code warn} (rows kept), {@code drop} (rows removed) or {@code fail}
   */
  public String action() {
    return expectation.onViolation().yamlName();
  }

  /**
   * @return whether this check stopped the save ({@code fail} with at least one violation)
   */
  public boolean failed() {
    return violations > 0 && expectation.onViolation() == Expectation.OnViolation.FAIL;
  }
}
