package dev.weir.sql;

import dev.weir.testing.TestSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService;
import org.jspecify.annotations.Nullable;

/**
 * The SQL-node tests' sessions: the module's shared classic session ({@link TestSpark}) and a Spark
 * Connect client of a server started on demand inside that same session on a free loopback port
 * ({@code SparkConnectService.start}, one of the in-JVM ways of SPARK-NOTES; the plugin way would
 * need a setting in the shared session's start-up).
 */
final class SqlTestSpark {
  private static @Nullable SparkSession connect;

  private SqlTestSpark() {}

  static SparkSession classic() {
    return TestSpark.session();
  }

  static synchronized SparkSession connect() {
    if (connect == null) {
      SparkSession spark = classic();
      int port = freePort();
      SparkEnv.get().conf().set("spark.connect.grpc.binding.address", "127.0.0.1");
      SparkEnv.get().conf().set("spark.connect.grpc.binding.port", Integer.toString(port));
      SparkConnectService.start(spark.sparkContext());
      // builder().remote(url) alone would return the classic session of this JVM (SPARK-NOTES).
      connect = SparkSession.builder().connect().remote("sc://127.0.0.1:" + port).getOrCreate();
    }
    return connect;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
