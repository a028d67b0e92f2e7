package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The SQL node contract over Spark Connect: a client of a Connect server running inside the shared
 * classic session on loopback. Same tests, same expected results as {@link ClassicSqlNodeTest}.
 */
class ConnectSqlNodeTest extends SqlNodeContract {
  @Override
  SparkSession spark() {
    return SqlTestSpark.connect();
  }

  @Test
  void theSessionIsAConnectClient() {
    assertThat(SqlExecution.isConnect(spark())).isTrue();
    assertThat(SqlExecution.isConnect(SqlTestSpark.classic())).isFalse();
  }
}
