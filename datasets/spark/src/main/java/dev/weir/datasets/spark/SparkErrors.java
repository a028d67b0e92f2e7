package dev.weir.datasets.spark;

import dev.weir.io.DatasetException;
import dev.weir.io.SchemaMismatchException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Turns Spark and Delta errors into {@link DatasetException}s that name the dataset, its location
 * and the fix. Spark's messages can be pages long (plans, stack traces) and, over Connect, Delta's
 * arrive as {@code [INTERNAL_ERROR] Cannot find main error class} with the real text inside; only
 * the first lines are kept, followed by the root cause of the chain (the user's exception under
 * {@code [TASK_WRITE_FAILED]}).
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
    String detail = detail(e) + rootCause(e);
    return new DatasetException(
        "Dataset '" + datasetName + "': could not " + action + ": " + detail + hint(detail), e);
  }

  /**
   * @param e Spark's error
   * @return whether it says that the data's schema differs from the table's
   */
  static boolean isSchemaMismatch(Throwable e) {
    String d = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return d.contains("schema mismatch")
        || d.contains("delta_metadata_mismatch")
        || d.contains("failed_to_merge_fields")
        || d.contains("failed to merge fields")
        || d.contains("delta_failed_to_merge_fields");
  }

  /**
   * The save of data whose columns differ from the table's, with both schemas: the input that
   * changed comes first (the runner names it), the advice to change the table last, since following
   * it for bad input data would persist the bad schema.
   *
   * @param datasetName the dataset
   * @param action what failed
   * @param tableColumns the table's columns, name to type
   * @param dataColumns the data's columns, name to type
   * @param e Spark's error, or {@code null} when Weir found the difference first
   * @return the error to throw
   */
  static SchemaMismatchException schemaMismatch(
      String datasetName,
      String action,
      Map<String, String> tableColumns,
      Map<String, String> dataColumns,
      @Nullable Throwable e) {
    SchemaMismatchException probe =
        new SchemaMismatchException("", datasetName, tableColumns, dataColumns, null);
    return new SchemaMismatchException(
        "Dataset '"
            + datasetName
            + "': could not "
            + action
            + ": the data's schema differs from what the table holds ("
            + probe.differences()
            + "). If an input's data changed by mistake (a renamed column, bad rows), fix that"
            + " input and run again; only if the change is intended, set merge_schema: true to"
            + " add new columns, or overwrite_schema: true (with write_mode: overwrite) to replace"
            + " the schema.",
        datasetName,
        tableColumns,
        dataColumns,
        e);
  }

  /**
   * @param schema a Spark schema
   * @return its top-level columns, name to simple type name, in order
   */
  static Map<String, String> columns(StructType schema) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      columns.put(f.name(), f.dataType().simpleString());
    }
    return columns;
  }

  /**
   * The user's exception under Spark's wrappers ({@code [TASK_WRITE_FAILED]}, {@code
   * [FAILED_EXECUTE_UDF]}, ...): the first cause in the chain that is not Spark's, Scala's or
   * Delta's own, else the last cause; only when it says more than the top.
   */
  private static String rootCause(Throwable e) {
    Throwable root = null;
    Throwable last = e;
    java.util.Set<Throwable> seen = new java.util.HashSet<>();
    for (Throwable t = e.getCause(); t != null && seen.add(t); t = t.getCause()) {
      last = t;
      if (root == null && !isWrapper(t)) {
        root = t;
      }
    }
    if (root == null) {
      root = last;
    }
    if (root == e) {
      return "";
    }
    String text = String.valueOf(root.getMessage());
    String firstLine = text.lines().findFirst().orElse(text);
    if (firstLine.length() > MAX_DETAIL) {
      firstLine = firstLine.substring(0, MAX_DETAIL) + "...";
    }
    if (String.valueOf(e.getMessage()).contains(firstLine)) {
      return "";
    }
    return ". Root cause: " + root.getClass().getName() + ": " + firstLine;
  }

  private static String detail(Throwable e) {
    String message = String.valueOf(e.getMessage());
    String firstLines = message.lines().limit(3).reduce((a, b) -> a + " " + b).orElse(message);
    return firstLines.length() > MAX_DETAIL
        ? firstLines.substring(0, MAX_DETAIL) + "..."
        : firstLines;
  }

  private static boolean isWrapper(Throwable t) {
    String name = t.getClass().getName();
    return name.startsWith("org.apache.spark.")
        || name.startsWith("scala.")
        || name.startsWith("io.delta.")
        || name.equals("java.util.concurrent.ExecutionException");
  }

  private static String hint(String detail) {
    String d = detail.toLowerCase(Locale.ROOT);
    if (d.contains("schema mismatch")
        || d.contains("delta_metadata_mismatch")
        || d.contains("failed_to_merge_fields")
        || d.contains("failed to merge fields")) {
      return ". The data's schema differs from the table's: if an input's data changed by mistake,"
          + " fix that input; only if the change is intended, set merge_schema: true to add new"
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
