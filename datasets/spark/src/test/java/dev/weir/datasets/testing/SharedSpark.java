package dev.weir.datasets.testing;

import dev.weir.datasets.spark.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the test JVM: embedded, {@code local[2]}, Delta configured through
 * {@link SparkSessions#embeddedSettings}, and a Spark Connect server on a free loopback port
 * started in the same JVM by the {@code SparkConnectPlugin} (SPARK-NOTES: the measured cheapest
 * way), and {@link RecordingFileSystem} for the {@code recfs://} scheme. {@link #connect()} is a
 * Spark Connect client of that server.
 */
public final class SharedSpark {
  private static SparkSession classic;
  private static SparkSession connect;
  private static int port;
  private static Path projectRoot;

  private SharedSpark() {}

  /**
   * @return the classic session, started on first use
   */
  public static synchronized SparkSession classic() {
    if (classic == null) {
      try {
        projectRoot = Files.createTempDirectory("weir-datasets-spark");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      port = freePort();
      Map<String, Object> conf =
          Map.of(
              "spark.master", "local[2]",
              "spark.app.name", "weir-datasets-tests",
              "spark.sql.shuffle.partitions", "2",
              "spark.databricks.delta.snapshotPartitions", "2",
              "spark.plugins", "org.apache.spark.sql.connect.SparkConnectPlugin",
              "spark.connect.grpc.binding.address", "127.0.0.1",
              "spark.connect.grpc.binding.port", Integer.toString(port),
              // RecordingFileSystem: the local disk under recfs://, uncached, for credentials tests
              "spark.hadoop.fs.recfs.impl", RecordingFileSystem.class.getName(),
              "spark.hadoop.fs.recfs.impl.disable.cache", "true",
              "spark.delta.logStore.recfs.impl", "io.delta.storage.LocalLogStore");
      SparkSession.Builder builder = SparkSession.builder();
      SparkSessions.embeddedSettings(conf, projectRoot).forEach(builder::config);
      classic = builder.getOrCreate();
    }
    return classic;
  }

  /**
   * @return a Spark Connect client of the server inside {@link #classic()}
   */
  public static synchronized SparkSession connect() {
    classic();
    if (connect == null) {
      // builder().remote(url) alone would return the classic session of this JVM (SPARK-NOTES).
      connect = SparkSession.builder().connect().remote("sc://127.0.0.1:" + port).getOrCreate();
      // The client made itself the JVM's default and active session; code that looks sessions up
      // (Delta's SparkSession.active on the server) must keep finding the classic one.
      SparkSession.setDefaultSession(classic);
      SparkSession.setActiveSession(classic);
    }
    return connect;
  }

  /**
   * @return the project root whose {@code spark-warehouse} the classic session uses
   */
  public static synchronized Path projectRoot() {
    classic();
    return projectRoot;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
