package dev.weir.spaceflights.databricks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark Connect server ({@code org.apache.spark.sql.connect.service.SparkConnectServer}, the
 * class {@code sbin/start-connect-server.sh} launches) in a child JVM on a free loopback port,
 * built from the test's own class path (spark-connect is a test dependency) or from a class path
 * given. Delta's SQL extension and catalog are configured as on a Databricks cluster. Every Delta
 * commit the server makes carries {@link #COMMIT_MARKER} as its {@code userMetadata}, so a test can
 * prove that a table was written through the server and not by a classic session of the test JVM.
 *
 * <p>Start-up takes 4 to 30 s depending on the machine's load; {@link #start} polls the port,
 * bounded by {@link #START_TIMEOUT_SECONDS}.
 */
final class LoopbackConnectServer implements AutoCloseable {
  /** Delta {@code userMetadata} of every commit made through this server. */
  static final String COMMIT_MARKER = "written-over-spark-connect";

  private static final long START_TIMEOUT_SECONDS = 180;

  private final Process process;
  private final int port;
  private final Path log;

  private LoopbackConnectServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * @param workDir the server's working directory (its warehouse and log go there)
   * @return a listening server
   * @throws IllegalStateException when the server exits or does not listen in time (its log is in
   *     the message)
   */
  static LoopbackConnectServer start(Path workDir) throws IOException, InterruptedException {
    return start(workDir, System.getProperty("java.class.path"));
  }

  /**
   * @param workDir the server's working directory (its warehouse and log go there)
   * @param classpath the server's class path: Spark, Delta and spark-connect
   * @return a listening server
   * @throws IllegalStateException when the server exits or does not listen in time (its log is in
   *     the message)
   */
  static LoopbackConnectServer start(Path workDir, String classpath)
      throws IOException, InterruptedException {
    int port = freePort();
    Path log = workDir.resolve("spark-connect-server.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(sparkJvmFlags());
    command.add("-Dspark.master=local[2]");
    command.add("-Dspark.app.name=weir-connect-test-server");
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.sql.shuffle.partitions=2");
    command.add("-Dspark.databricks.delta.snapshotPartitions=2");
    command.add("-Dspark.sql.extensions=io.delta.sql.DeltaSparkSessionExtension");
    command.add(
        "-Dspark.sql.catalog.spark_catalog=org.apache.spark.sql.delta.catalog.DeltaCatalog");
    command.add("-Dspark.sql.warehouse.dir=" + workDir.resolve("server-warehouse"));
    command.add("-Dspark.databricks.delta.commitInfo.userMetadata=" + COMMIT_MARKER);
    // Spark 4.1.3's defaults of these two, as plain byte counts: the server sends its defaults as
    // "3221225472b" and "2097152000b", and Databricks Connect 18.3.4's createDataFrame parses them
    // as numbers (NumberFormatException: For input string: "3221225472b").
    command.add("-Dspark.sql.session.localRelationSizeLimit=3221225472");
    command.add("-Dspark.sql.session.localRelationChunkSizeLimit=2097152000");
    command.add("-Dspark.connect.grpc.binding.address=127.0.0.1");
    command.add("-Dspark.connect.grpc.binding.port=" + port);
    command.add("-cp");
    command.add(classpath);
    command.add("org.apache.spark.sql.connect.service.SparkConnectServer");
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    LoopbackConnectServer server = new LoopbackConnectServer(process, port, log);
    server.awaitListening();
    return server;
  }

  /**
   * @return {@code sc://127.0.0.1:<port>}
   */
  String url() {
    return "sc://127.0.0.1:" + port;
  }

  private void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The Spark Connect server exited with " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(250);
      }
    }
    close();
    throw new IllegalStateException(
        "The Spark Connect server did not listen on port "
            + port
            + " within "
            + START_TIMEOUT_SECONDS
            + " s:\n"
            + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The module-opening flags the test JVM itself was started with (the parent pom's {@code
   * spark.jvm.flags}, passed by surefire's argLine): Arrow in the server fails without {@code
   * --add-opens=java.base/java.nio=ALL-UNNAMED}.
   */
  private static List<String> sparkJvmFlags() {
    List<String> flags = new ArrayList<>();
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("--enable-native-access")
          || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Dio.netty.")
          || arg.startsWith("-Djdk.reflect.")) {
        flags.add(arg);
      }
    }
    if (flags.stream().noneMatch(f -> f.contains("java.base/java.nio="))) {
      flags.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
      flags.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    }
    return flags;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
