package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.datasets.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Catalog expectations over Spark Connect (a client of the shared session's loopback server). */
class ConnectExpectationsTest extends ExpectationsContract {
  @Override
  SparkSession spark() {
    return SharedSpark.connect();
  }

  @Test
  void sessionIsAConnectClient() {
    assertThat(SparkSessions.isClassic(spark())).isFalse();
  }
}
