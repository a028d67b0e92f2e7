package dev.weir.spaceflights.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spaceflights.databricks.JobJar.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's {@code data_processing} and {@code data_science} pipelines run through the real
 * Databricks Connect client ({@code com.databricks:databricks-connect_2.13}, the {@code
 * -Ddatabricks-connect} profile): {@code dev.weir.cli.Main run} in its own JVM on the profile's
 * test class path (Databricks Connect, no Apache {@code spark-sql}), with {@code
 * SPARK_REMOTE=sc://127.0.0.1:<port>}, so Weir's session comes from {@code
 * DatabricksSession.builder().getOrCreate()}. The server is a plain Spark Connect 4.1.3 server
 * ({@link LoopbackConnectServer}) on the class path the default build wrote to {@code
 * target/connect-server-classpath.txt}: Spark, Delta and spark-connect, not the project's classes,
 * so the Java UDF of {@code preprocess_shuttles_node} works only because Weir uploads the project's
 * JAR as an artifact.
 *
 * <p>The reference is an embedded run of the same pipelines in another JVM (the server's class path
 * plus the project's classes). Both runs' Delta tables are read back through the server with a
 * plain Connect client and compared row by row.
 *
 * <p>Runs only in the profile ({@code mvn -Ddatabricks-connect verify}, after a default build): the
 * default profile's surefire executions exclude its tag.
 */
@Tag(DatabricksConnectRunTest.TAG)
class DatabricksConnectRunTest {
  /** JUnit tag of the tests that run only in the databricks-connect profile. */
  static final String TAG = "databricks-connect";

  /**
   * What runs over Databricks Connect: everything of {@code __default__} but {@code reporting},
   * whose SQL node needs Spark's SQL parser on the client (see {@link
   * #theDefaultPipelineStopsBeforeComputingNamingTheSqlNode}).
   */
  private static final String PIPELINES = "data_processing,data_science";

  @TempDir static Path dir;

  private static LoopbackConnectServer server;
  private static SparkSession reader;
  private static Path embedded;
  private static Path databricksConnect;
  private static Result embeddedRun;
  private static Result databricksConnectRun;
  private static Result defaultRun;

  @BeforeAll
  static void runEmbeddedAndOverDatabricksConnect() throws Exception {
    String serverClasspath = serverClasspath();
    long start = System.nanoTime();
    server =
        LoopbackConnectServer.start(
            Files.createDirectories(dir.resolve("server")), serverClasspath);
    long started = System.nanoTime();

    databricksConnect = StarterProject.copyTo(dir.resolve("databricks-connect"));
    databricksConnectRun = overDatabricksConnect(databricksConnect, "--pipelines", PIPELINES);
    long ran = System.nanoTime();
    Path sqlNode = StarterProject.copyTo(dir.resolve("sql-node"));
    defaultRun = overDatabricksConnect(sqlNode);

    embedded = StarterProject.copyTo(dir.resolve("embedded"));
    embeddedRun =
        JobJar.java(
            embedded,
            Map.of(),
            JobJar.classpath(serverClasspath, projectClasses()),
            "dev.weir.cli.Main",
            "run",
            "--project",
            embedded.toString(),
            "--pipelines",
            PIPELINES);
    long embeddedRan = System.nanoTime();
    System.out.printf(
        "DatabricksConnectRunTest wall times: server start %.1f s, data_processing and data_science over"
            + " Databricks Connect (client JVM) %.1f s, embedded (own JVM) %.1f s%n",
        (started - start) / 1e9, (ran - started) / 1e9, (embeddedRan - ran) / 1e9);
    reader = SparkSession.builder().remote(server.url()).getOrCreate();
  }

  private static Result overDatabricksConnect(Path project, String... options)
      throws IOException, InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--project", project.toString()));
    args.addAll(List.of(options));
    return JobJar.java(
        project,
        Map.of("SPARK_REMOTE", server.url()),
        System.getProperty("java.class.path"),
        "dev.weir.cli.Main",
        args.toArray(String[]::new));
  }

  @AfterAll
  static void stopTheServer() {
    if (reader != null) {
      reader.stop();
    }
    if (server != null) {
      server.close();
    }
  }

  /** The profile's class path: Databricks Connect instead of Apache Spark SQL. */
  @Test
  void theClientJvmHasDatabricksConnectAndNoApacheSparkSql() {
    List<String> entries =
        Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    assertThat(entries).anyMatch(e -> e.contains("databricks-connect_2.13"));
    assertThat(entries).noneMatch(e -> e.contains("spark-sql_2.13"));
    assertThat(entries).noneMatch(e -> e.contains("delta-spark_2.13"));
  }

  @Test
  void bothRunsSucceed() {
    assertThat(databricksConnectRun.exitCode()).as(databricksConnectRun.output()).isZero();
    assertThat(databricksConnectRun.output()).contains("finished").contains("(7 nodes ran)");
    assertThat(embeddedRun.exitCode()).as(embeddedRun.output()).isZero();
  }

  @Test
  void theDatabricksConnectRunWroteThroughTheServerAndTheEmbeddedRunDidNot() {
    for (String table : Outputs.DELTA_TABLES) {
      assertThat(Outputs.lastCommitMetadata(reader, databricksConnect.resolve(table)))
          .as(table)
          .isEqualTo(LoopbackConnectServer.COMMIT_MARKER);
      assertThat(Outputs.lastCommitMetadata(reader, embedded.resolve(table))).as(table).isNull();
    }
  }

  @Test
  void dataProcessingTablesEqualTheEmbeddedRunRowByRow() {
    for (String table : Outputs.DELTA_TABLES) {
      List<String> rows = Outputs.deltaRows(reader, databricksConnect.resolve(table));
      assertThat(rows).as(table).isNotEmpty();
      assertThat(rows).as(table).isEqualTo(Outputs.deltaRows(reader, embedded.resolve(table)));
    }
  }

  @Test
  void theModelAndItsMetricsEqualTheEmbeddedRun() throws IOException {
    String metrics = "data/08_reporting/metrics.json";
    assertThat(Files.readString(databricksConnect.resolve(metrics)))
        .contains("r2_score")
        .isEqualTo(Files.readString(embedded.resolve(metrics)));
    assertThat(onlyModelVersion(databricksConnect)).isEqualTo(onlyModelVersion(embedded));
  }

  /**
   * Databricks Connect for Scala/Java has no SQL parser on the client, so {@code
   * shuttle_prices_by_type_node} (a SQL node of {@code reporting}) cannot run; Weir stops the run
   * before any node computes.
   */
  @Test
  void theDefaultPipelineStopsBeforeComputingNamingTheSqlNode() {
    assertThat(defaultRun.exitCode()).as(defaultRun.output()).isNotZero();
    assertThat(defaultRun.output())
        .contains("shuttle_prices_by_type_node")
        .contains("SQL parser")
        .doesNotContain("finished");
  }

  private static String onlyModelVersion(Path project) throws IOException {
    try (var versions = Files.list(project.resolve("data/06_models/regressor.json"))) {
      Path version = versions.findFirst().orElseThrow();
      return Files.readString(version.resolve("regressor.json"));
    }
  }

  /** The server cannot load the project's classes from its own class path. */
  @Test
  void theServerClasspathHasNoProjectClasses() throws IOException {
    assertThat(serverClasspath().split(File.pathSeparator))
        .noneMatch(e -> e.contains("starter-project"))
        .anyMatch(e -> e.contains("spark-connect_2.13"));
  }

  private static String serverClasspath() throws IOException {
    Path file = Path.of(property("weir.connectServerClasspath"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " does not exist: the default build writes it (mvn -pl starter-project -am"
              + " verify, or package, without -Ddatabricks-connect), then run this profile.");
    }
    return Files.readString(file).trim();
  }

  private static String projectClasses() {
    return property("weir.projectClasses");
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is not set: run with mvn -Ddatabricks-connect verify.");
    }
    return value;
  }
}
