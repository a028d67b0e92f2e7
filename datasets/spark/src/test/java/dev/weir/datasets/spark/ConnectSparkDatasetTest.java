package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DatasetException;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark dataset contract over Spark Connect: a client of the Connect server that the shared
 * classic session runs on loopback (same JVM, {@code SparkConnectPlugin}, a free port). The server
 * shares this machine's disk, so local paths behave as on the classic session.
 */
class ConnectSparkDatasetTest extends SparkDatasetContract {
  @Override
  SparkSession spark() {
    return SharedSpark.connect();
  }

  @Override
  String prefix() {
    return "connect";
  }

  @Test
  void sessionIsAConnectClient() {
    assertThat(SparkSessions.isClassic(spark())).isFalse();
  }

  /**
   * What Connect cannot do: the client has no Hadoop file system, so the versions of a versioned
   * dataset on remote storage cannot be listed; the dataset asks for an explicit load version.
   */
  @Test
  void listingVersionsOnRemoteStorageNeedsALoadVersion() {
    assertThatThrownBy(
            () ->
                SparkStorage.latestVersion(
                    spark(), "model", "s3a://bucket/model.parquet", HadoopCredentials.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("over Spark Connect")
        .hasMessageContaining("--load-versions model:<version>");
  }
}
