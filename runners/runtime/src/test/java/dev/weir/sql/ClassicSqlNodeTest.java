package dev.weir.sql;

import org.apache.spark.sql.SparkSession;

/** The SQL node contract on the shared classic session. */
class ClassicSqlNodeTest extends SqlNodeContract {
  @Override
  SparkSession spark() {
    return SqlTestSpark.classic();
  }
}
