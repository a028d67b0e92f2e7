package dev.weir.spaceflights.databricks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback, started from the Maven jars: one {@code
 * org.apache.spark.deploy.master.Master} and two {@code org.apache.spark.deploy.worker.Worker}s,
 * each in its own JVM (what {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} run).
 * Each worker offers 1 core and {@value #WORKER_MEMORY}; the executors it launches are further
 * JVMs.
 *
 * <p>A worker builds an executor's class path from {@code $SPARK_HOME/jars/*} (Spark's launcher,
 * {@code WorkerCommandBuilder}). Here {@code SPARK_HOME} is a temporary directory whose {@code
 * jars/} links to the jars of this test's class path except Weir's and the project's (Spark, Delta,
 * Hadoop, Scala and every library they need; Maven's dependency mediation moves some of those, such
 * as commons-collections4, out of the provided scope, so the provided list alone is not enough).
 * Weir's and the project's classes reach the executors only if the driver ships them.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Memory each worker offers to executors. */
  static final String WORKER_MEMORY = "1g";

  private static final long START_TIMEOUT_SECONDS = 180;
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  private final List<Process> processes = new ArrayList<>();
  private final Path dir;
  private final int port;
  private final int webUiPort;

  private StandaloneCluster(Path dir, int port, int webUiPort) {
    this.dir = dir;
    this.port = port;
    this.webUiPort = webUiPort;
  }

  /**
   * @param dir an empty directory: {@code SPARK_HOME}, logs and the workers' work directories go
   *     there
   * @param workers how many workers to start
   * @return a cluster whose master has {@code workers} alive workers
   * @throws IllegalStateException when a process exits or the workers do not register in time (the
   *     logs are in the message)
   */
  static StandaloneCluster start(Path dir, int workers) throws IOException, InterruptedException {
    String classpath = JobJar.clusterClasspath();
    Path sparkHome = sparkHome(dir.resolve("spark-home"), classpath);
    StandaloneCluster cluster = new StandaloneCluster(dir, freePort(), freePort());
    try {
      cluster.launch(
          sparkHome,
          classpath,
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(cluster.port),
          "--webui-port",
          String.valueOf(cluster.webUiPort));
      for (int i = 1; i <= workers; i++) {
        Path workDir = Files.createDirectories(dir.resolve("worker-" + i));
        cluster.launch(
            sparkHome,
            classpath,
            "worker-" + i,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--cores",
            "1",
            "--memory",
            WORKER_MEMORY,
            "--webui-port",
            String.valueOf(freePort()),
            "--work-dir",
            workDir.toString(),
            cluster.url());
      }
      cluster.awaitWorkers(workers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * @return {@code spark://127.0.0.1:<port>}, the value of {@code --spark-master}
   */
  String url() {
    return "spark://127.0.0.1:" + port;
  }

  /**
   * @return the process environment of the cluster's JVMs and of a driver that talks to it
   */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME",
        dir.resolve("spark-home").toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1");
  }

  /**
   * @param worker 1 or 2
   * @return the worker's work directory: one {@code app-*} folder per application, one folder per
   *     executor in it (its working directory, log and fetched jars)
   */
  Path workDir(int worker) {
    return dir.resolve("worker-" + worker);
  }

  private static Path sparkHome(Path home, String classpath) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    String all = classpath + File.pathSeparator + System.getProperty("java.class.path");
    for (String entry : all.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      Path link = jars.resolve(jar.getFileName());
      if (entry.endsWith(".jar") && !isWeirOrProject(jar) && !Files.exists(link)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    return home;
  }

  /** Weir's modules and test jars, and the project's own JARs. */
  private static boolean isWeirOrProject(Path jar) {
    String name = jar.getFileName().toString();
    return name.startsWith("weir-")
        || name.startsWith("spaceflights-")
        || jar.toString().replace('\\', '/').contains("/dev/weir/");
  }

  private void launch(
      Path sparkHome, String classpath, String name, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(JobJar.jvmFlags());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().putAll(environment());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    processes.add(builder.start());
  }

  private void awaitWorkers(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    int alive = 0;
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "A standalone cluster process exited with " + process.exitValue() + ":\n" + logs());
        }
      }
      alive = aliveWorkers();
      if (alive >= expected) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        alive
            + " of "
            + expected
            + " workers registered in "
            + START_TIMEOUT_SECONDS
            + " s:\n"
            + logs());
  }

  /** The master's {@code aliveworkers}, from its web UI's JSON page; 0 while it does not answer. */
  private int aliveWorkers() {
    try (InputStream in =
        URI.create("http://127.0.0.1:" + webUiPort + "/json/").toURL().openStream()) {
      Matcher m = ALIVE_WORKERS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException notYet) {
      return 0;
    }
  }

  /**
   * @return the last lines of every cluster log, for failure messages
   */
  String logs() {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(log);
        all.append("--- ").append(log.getFileName()).append(" ---\n");
        all.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        all.append('\n');
      }
    } catch (IOException e) {
      all.append("(logs unreadable: ").append(e.getMessage()).append(")");
    }
    return all.toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the workers (and so their executors), then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
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
}
