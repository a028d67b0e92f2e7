package dev.weir.spaceflights.databricks;

import static dev.weir.spaceflights.databricks.StarterProject.weir;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.spaceflights.TestSpark;
import dev.weir.spaceflights.databricks.JobJar.Result;
import dev.weir.spaceflights.databricks.StarterProject.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The starter's {@code __default__} pipeline on a real Spark standalone cluster ({@link
 * StandaloneCluster}: a master and two workers on loopback, each its own JVM, executors in further
 * JVMs), run as a user would: {@code java -cp <job JAR>:<Spark> dev.weir.cli.Main run
 * --spark-master spark://127.0.0.1:<port>}. {@code preprocess_shuttles_node} parses prices with a
 * Java UDF ({@code ParseMoney}), whose class the executors can only get from the job JAR that Weir
 * ships ({@code spark.jars}). The outputs must equal those of an embedded run of the same project
 * in this JVM.
 *
 * <p>Executors get {@code spark.executor.memory: 512m} from the copied project's {@code
 * conf/local/spark.yml}, as a user would set it.
 */
@Tag(JobJar.TAG)
class StandaloneClusterRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static StandaloneCluster cluster;
  private static SparkSession spark;
  private static Path embedded;
  private static Path onCluster;
  private static Outcome embeddedRun;
  private static Result clusterRun;

  @BeforeAll
  static void runEmbeddedAndOnTheCluster() throws Exception {
    long start = System.nanoTime();
    cluster = StandaloneCluster.start(Files.createDirectories(dir.resolve("cluster")), 2);
    long started = System.nanoTime();
    onCluster = StarterProject.copyTo(dir.resolve("on-cluster"));
    Files.writeString(
        onCluster.resolve("conf/local/spark.yml"),
        "spark.executor.memory: 512m\nspark.executor.cores: 1\nspark.cores.max: 2\n");
    clusterRun =
        JobJar.java(
            onCluster,
            cluster.environment(),
            JobJar.classpath(JobJar.jar().toString(), JobJar.clusterClasspath()),
            "dev.weir.cli.Main",
            "run",
            "--project",
            onCluster.toString(),
            "--spark-master",
            cluster.url());
    long ran = System.nanoTime();

    spark = TestSpark.session();
    embedded = StarterProject.copyTo(dir.resolve("embedded"));
    embeddedRun = weir("run", "--project", embedded.toString());
    long embeddedRan = System.nanoTime();
    System.out.printf(
        "StandaloneClusterRunTest wall times: cluster start %.1f s, run on the cluster (driver"
            + " JVM) %.1f s, embedded run in a warm JVM %.1f s%n",
        (started - start) / 1e9, (ran - started) / 1e9, (embeddedRan - ran) / 1e9);
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void bothRunsSucceed() {
    assertThat(embeddedRun.exitCode()).as(embeddedRun.toString()).isZero();
    assertThat(clusterRun.exitCode()).as(clusterRun.output() + cluster.logs()).isZero();
    assertThat(clusterRun.output()).contains("finished").contains("(10 nodes ran)");
  }

  @Test
  void theDriverRanOnTheClusterAndShippedTheJobJarToExecutorsOnBothWorkers() throws IOException {
    for (int worker = 1; worker <= 2; worker++) {
      List<Path> executorDirs = executorDirs(cluster.workDir(worker));
      assertThat(executorDirs).as("executors of worker %d", worker).isNotEmpty();
      assertThat(executorDirs)
          .as("the job JAR fetched by an executor of worker %d", worker)
          .anySatisfy(
              executor ->
                  assertThat(jarNames(executor)).contains(JobJar.jar().getFileName().toString()));
    }
  }

  @Test
  void dataProcessingTablesEqualTheEmbeddedRunRowByRow() {
    for (String table : Outputs.DELTA_TABLES) {
      List<String> rows = Outputs.deltaRows(spark, onCluster.resolve(table));
      assertThat(rows).as(table).isNotEmpty();
      assertThat(rows).as(table).isEqualTo(Outputs.deltaRows(spark, embedded.resolve(table)));
    }
  }

  @Test
  void dataScienceAndReportingOutputsEqualTheEmbeddedRun() throws IOException {
    for (String table :
        List.of(
            "data/08_reporting/shuttle_passenger_capacity.csv",
            "data/08_reporting/shuttle_prices_by_type.csv")) {
      assertThat(Outputs.csvRows(spark, onCluster.resolve(table)))
          .as(table)
          .isNotEmpty()
          .isEqualTo(Outputs.csvRows(spark, embedded.resolve(table)));
    }
    String metrics = "data/08_reporting/metrics.json";
    Map<String, Object> clusterMetrics = readJson(onCluster.resolve(metrics));
    assertThat(clusterMetrics).containsKeys("r2_score", "mae", "max_error");
    assertThat(clusterMetrics).isEqualTo(readJson(embedded.resolve(metrics)));
  }

  /** The {@code app-*}{@code /<executor id>} folders of a worker's work directory. */
  private static List<Path> executorDirs(Path workDir) throws IOException {
    try (Stream<Path> found = Files.walk(workDir, 2)) {
      return found
          .filter(p -> workDir.relativize(p).getNameCount() == 2 && Files.isDirectory(p))
          .filter(p -> p.getParent().getFileName().toString().startsWith("app-"))
          .toList();
    }
  }

  private static List<String> jarNames(Path executorDir) {
    try (Stream<Path> files = Files.list(executorDir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readJson(Path file) throws IOException {
    return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
  }
}
