package dev.weir.datasets.spark;

import dev.weir.io.DatasetException;
import java.util.Locale;

/**
 * Turns Spark and Delta errors into {@link DatasetException}s that name the dataset, its location
 * and the fix. Spark's messages can be pages long (plans, stack traces) and, over Connect, Delta's
 * arrive as {@code [INTERNAL_ERROR] Cannot find main error class} with the real text inside; only
 * the first lines are kept.
 */
final class SparkErrors {
  private static final int MAX_DETAIL = 600;

  private SparkErrors() {}

  /**
   * @param datasetName the dataset
   * @param action what failed, for example {@code "save to delta table at /x"}
   * @param e Spark's error
   * @return the error to throw
   */
  static DatasetException wrap(String datasetName, String action, Throwable e) {
    if (e instanceof DatasetException de) {
      return de;
    }
    String detail = detail(e);
    return new DatasetException(
        "Dataset '" + datasetName + "': could not " + action + ": " + detail + hint(detail), e);
  }

  private static String detail(Throwable e) {
    String message = String.valueOf(e.getMessage());
    String firstLines = message.lines().limit(3).reduce((a, b) -> a + " " + b).orElse(message);
    return firstLines.length() > MAX_DETAIL
        ? firstLines.substring(0, MAX_DETAIL) + "..."
        : firstLines;
  }

  private static String hint(String detail) {
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains("schema mismatch")
        || d.contains("delta_metadata_mismatch")
        || d.contains("failed_to_merge_fields")
        || d.contains("failed to merge fields")) {
      return ". The data's schema differs from the table's: set merge_schema: true to add new"
          + " columns, or overwrite_schema: true (with write_mode: overwrite) to replace the"
          + " schema.";
    }
    if (d.contains("path_not_found") || d.contains("path does not exist")) {
      return ". Nothing was saved there yet: run the node that produces it first, or check"
          + " 'filepath'.";
    }
    if (d.contains("table_or_view_not_found") || d.contains("cannot be found")) {
      return ". Check the table name (catalog.schema.table) or save the dataset first.";
    }
    if (d.contains("unable to infer schema") || d.contains("unable_to_infer_schema")) {
      return ". Spark found no data files there: check 'filepath' and 'file_format'.";
    }
    return "";
  }
}
