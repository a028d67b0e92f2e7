package dev.weir.datasets.spark;

import dev.weir.datasets.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;

/** The Spark dataset contract on the embedded classic session. */
class ClassicSparkDatasetTest extends SparkDatasetContract {
  @Override
  SparkSession spark() {
    return SharedSpark.classic();
  }

  @Override
  String prefix() {
    return "classic";
  }
}
