package dev.weir.datasets.spark;

import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A Delta table addressed by its directory. */
final class DeltaPath extends DeltaTarget {
  private final String path;

  DeltaPath(String path) {
    this.path = path;
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
      return SparkStorage.exists(spark, log);
    }
    try {
      // Analysis reads only the transaction log, not the data files.
      reader(spark, Map.of()).load(path).schema();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  Dataset<Row> read(SparkSession spark, Map<String, String> options) {
    return reader(spark, options).load(path);
  }

  @Override
  void write(SparkSession spark, DataFrameWriter<Row> writer) {
    writer.save(path);
  }
}
