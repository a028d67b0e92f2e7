package dev.weir.datasets.spark;

import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Delta table addressed by its directory, read and written with the dataset's {@link
 * HadoopCredentials} as DataFrameReader / DataFrameWriter options (Delta applies Hadoop {@code
 * fs.*} options given to a path-based load or save).
 */
final class DeltaPath extends DeltaTarget {
  private final String path;
  private final HadoopCredentials credentials;

  /**
   * @param path the table's directory
   * @param credentials Hadoop options of this table's reads and writes
   */
  DeltaPath(String path, HadoopCredentials credentials) {
    this.path = path;
    this.credentials = credentials;
  }

  @Override
  String sqlName(SparkSession spark) {
    return "delta." + quote(path);
  }

  @Override
  String display() {
    return path;
  }

  @Override
  boolean exists(SparkSession spark) {
    String log = path.endsWith("/") ? path + "_delta_log" : path + "/_delta_log";
    if (SparkStorage.canCheck(spark, log)) {
      return SparkStorage.exists(spark, log, credentials);
    }
    try {
      // Analysis reads only the transaction log, not the data files.
      reader(spark, credentials.options()).load(path).schema();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  Dataset<Row> read(SparkSession spark, Map<String, String> options) {
    return reader(spark, options).options(credentials.options()).load(path);
  }

  @Override
  void write(SparkSession spark, DataFrameWriter<Row> writer) {
    writer.options(credentials.options()).save(path);
  }
}
