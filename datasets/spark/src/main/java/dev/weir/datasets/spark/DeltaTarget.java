package dev.weir.datasets.spark;

import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a Delta dataset lives: a directory ({@link DeltaPath}) or a catalog table ({@link
 * DeltaTable}). Reads and writes go through the DataFrame reader / writer and SQL only, so they
 * work over Spark Connect.
 */
abstract sealed class DeltaTarget permits DeltaPath, DeltaTable {

  /**
   * @param spark the session
   * @return the name to use in SQL: {@code delta.`/path`} or {@code `catalog`.`schema`.`table`}
   */
  abstract String sqlName(SparkSession spark);

  /**
   * @return the path or table name, for messages and {@code describe()}
   */
  abstract String display();

  /**
   * @param spark the session
   * @return whether a Delta table is there, answered from its log or the catalog, not its data
   */
  abstract boolean exists(SparkSession spark);

  /**
   * @param spark the session
   * @param options reader options (time travel: {@code versionAsOf}, {@code timestampAsOf})
   * @return the table as a DataFrame
   */
  abstract Dataset<Row> read(SparkSession spark, Map<String, String> options);

  /**
   * Runs a configured writer against the target ({@code save(path)} or {@code saveAsTable}).
   *
   * @param spark the session
   * @param writer the writer with format, mode and options set
   */
  abstract void write(SparkSession spark, DataFrameWriter<Row> writer);

  static DataFrameReader reader(SparkSession spark, Map<String, String> options) {
    return spark.read().format("delta").options(options);
  }

  /**
   * @param identifier a column, schema or table name
   * @return the name quoted for Spark SQL
   */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
