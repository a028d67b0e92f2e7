package dev.weir.spaceflights.databricks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads a run's table outputs back with a classic session, independently of the datasets that wrote
 * them, as sorted rows that two runs can be compared by.
 */
final class Outputs {
  /** The Delta tables the {@code data_processing} pipeline writes, as in {@code catalog.yml}. */
  static final List<String> DELTA_TABLES =
      List.of(
          "data/02_intermediate/preprocessed_companies",
          "data/02_intermediate/preprocessed_shuttles",
          "data/02_intermediate/preprocessed_reviews",
          "data/03_primary/model_input_table");

  private Outputs() {}

  /**
   * @param spark a classic session
   * @param table a Delta table directory
   * @return its rows rendered as strings, sorted on every column
   */
  static List<String> deltaRows(SparkSession spark, Path table) {
    return sortedRows(spark.read().format("delta").load(table.toString()));
  }

  /**
   * @param spark a classic session
   * @param csv a CSV output with a header
   * @return its rows rendered as strings, sorted on every column
   */
  static List<String> csvRows(SparkSession spark, Path csv) {
    return sortedRows(spark.read().option("header", "true").csv(csv.toString()));
  }

  private static List<String> sortedRows(Dataset<Row> frame) {
    Column[] all = Arrays.stream(frame.columns()).map(functions::col).toArray(Column[]::new);
    return frame.orderBy(all).collectAsList().stream().map(Row::toString).toList();
  }

  /**
   * @param spark a classic session
   * @param table a Delta table directory
   * @return the {@code userMetadata} of its latest commit, or null
   */
  static String lastCommitMetadata(SparkSession spark, Path table) {
    Row last =
        spark
            .sql("DESCRIBE HISTORY delta.`" + table + "`")
            .orderBy(functions.col("version").desc())
            .first();
    return last.getAs("userMetadata");
  }
}
