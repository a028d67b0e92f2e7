package dev.weir.spaceflights.databricks;

import static dev.weir.spaceflights.databricks.StarterProject.weir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.databricks.ClassicSparkRequiredException;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import dev.weir.spaceflights.TestSpark;
import dev.weir.spaceflights.databricks.StarterProject.Outcome;
import dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spaceflights project, unchanged, run over Spark Connect with {@code weir run --spark-remote
 * sc://...} against a real Spark Connect server (started from the Maven jars in a child JVM on
 * loopback, see {@link LoopbackConnectServer}), and compared with the same run on the classic
 * session of this JVM.
 *
 * <p>The whole {@code __default__} pipeline runs over Connect: {@code data_processing} is DataFrame
 * code; {@code data_science} and {@code reporting} collect small tables to the client, as Kedro's
 * PySpark starter hands them to pandas, and {@code reporting} has a SQL node. Their outputs must
 * equal the classic run's: the Delta tables row by row (sorted), the capacity and price tables, the
 * metrics, the model and the chart.
 *
 * <p>The classic session exists before the Connect run on purpose: an explicit {@code
 * --spark-remote} must win over a session found in the JVM, and the Delta commits' {@code
 * userMetadata} (set by the server only) proves the tables were written through the server.
 */
class SparkConnectRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the run summary names the MLflow run ({@code MlflowHook#summaryLines}). */
  private static final String MLFLOW_RUN_AT = "MLflow run at ";

  @TempDir static Path dir;

  private static LoopbackConnectServer server;
  private static SparkSession classicSpark;
  private static Path classic;
  private static Path connect;
  private static Outcome classicRun;
  private static Outcome connectRun;

  @BeforeAll
  static void runTheProjectClassicAndOverConnect() throws Exception {
    server = LoopbackConnectServer.start(Files.createDirectories(dir.resolve("server")));
    classicSpark = TestSpark.session();
    classic = StarterProject.copyTo(dir.resolve("classic"));
    connect = StarterProject.copyTo(dir.resolve("connect"));
    classicRun = weir("run", "--project", classic.toString());
    connectRun = weir("run", "--project", connect.toString(), "--spark-remote", server.url());
    SparkSession.setActiveSession(classicSpark);
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void bothRunsSucceed() {
    assertThat(classicRun.exitCode()).as(classicRun.toString()).isZero();
    assertThat(connectRun.exitCode()).as(connectRun.toString()).isZero();
    assertThat(connectRun.out()).contains("finished").contains("(10 nodes ran)");
  }

  @Test
  void bothRunsEndWithTheSummaryAUserSees() throws IOException {
    assertRunSummary(classicRun, classic);
    assertRunSummary(connectRun, connect);
  }

  /**
   * The lines {@code weir run} prints after the run: where each output went, the scores logged to
   * MLflow (equal to the metrics file's) and the MLflow run's folder in the project's store.
   */
  private static void assertRunSummary(Outcome run, Path project) throws IOException {
    List<String> lines = run.out().lines().toList();
    assertThat(lines).as(run.toString()).contains("Saved outputs:");
    List<String> saved =
        lines.stream()
            .dropWhile(l -> !l.equals("Saved outputs:"))
            .skip(1)
            .takeWhile(l -> l.startsWith("  "))
            .toList();
    assertThat(saved)
        .as(run.toString())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  model_input_table -> spark.DeltaTableDataset at ")
                    .contains("data/03_primary/model_input_table"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  preprocessed_reviews -> spark.DeltaTableDataset at ")
                    .contains("data/02_intermediate/preprocessed_reviews"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "  shuttle_passenger_capacity_plot -> mlflow.MlflowArtifactDataset at ")
                    .contains("data/08_reporting/shuttle_passenger_capacity_plot.png"));

    // The catalog's expectations; the drop's count is non-zero on the real data.
    assertThat(lines)
        .as(run.toString())
        .contains("Expectations (on_violation: warn keeps, drop removes, fail stops the save):")
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "  preprocessed_companies\\.rated \\[drop\\]: [1-9][\\d,]* of [\\d,]+"
                            + " rows violated company_rating IS NOT NULL \\(dropped\\)"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "  model_input_table\\.rating_in_range \\[fail\\]: 0 of [\\d,]+ rows"
                            + " violated review_scores_rating BETWEEN 0 AND 100"));

    String metricsLine = onlyLineStartingWith(lines, "Metrics: ", run);
    Matcher r2 = Pattern.compile(" r2_score=(\\S+)").matcher(metricsLine);
    assertThat(r2.find()).as(metricsLine).isTrue();
    double fileR2 =
        ((Number) readJson(project.resolve("data/08_reporting/metrics.json")).get("r2_score"))
            .doubleValue();
    // The summary rounds to four decimals.
    assertThat(Double.parseDouble(r2.group(1))).isCloseTo(fileR2, within(1e-4));

    // sqlite:///<project>/mlflow.db, experiment <id>, run <id>: the project's local MLflow store.
    String mlflowRun =
        onlyLineStartingWith(lines, MLFLOW_RUN_AT, run).substring(MLFLOW_RUN_AT.length());
    assertThat(mlflowRun).startsWith("sqlite:///").matches(".*, experiment \\d+, run [0-9a-f]{32}");
    Path db =
        Path.of(mlflowRun.substring("sqlite:///".length(), mlflowRun.indexOf(", experiment ")));
    assertThat(db).isRegularFile();
    assertThat(db.toRealPath()).isEqualTo(project.toRealPath().resolve("mlflow.db"));
    assertThat(lines)
        .contains("See MLflow runs with: mlflow ui --backend-store-uri sqlite:///" + db);
  }

  private static String onlyLineStartingWith(List<String> lines, String prefix, Outcome run) {
    List<String> found = lines.stream().filter(l -> l.startsWith(prefix)).toList();
    assertThat(found).as(run.toString()).hasSize(1);
    return found.get(0);
  }

  @Test
  void theConnectRunWroteThroughTheServerAndTheClassicRunDidNot() {
    for (String table : Outputs.DELTA_TABLES) {
      assertThat(Outputs.lastCommitMetadata(classicSpark, connect.resolve(table)))
          .as(table)
          .isEqualTo(LoopbackConnectServer.COMMIT_MARKER);
      assertThat(Outputs.lastCommitMetadata(classicSpark, classic.resolve(table)))
          .as(table)
          .isNull();
    }
  }

  @Test
  void dataProcessingTablesEqualTheClassicRunRowByRow() {
    for (String table : Outputs.DELTA_TABLES) {
      var overConnect = Outputs.deltaRows(classicSpark, connect.resolve(table));
      assertThat(overConnect).as(table).isNotEmpty();
      assertThat(overConnect)
          .as(table)
          .isEqualTo(Outputs.deltaRows(classicSpark, classic.resolve(table)));
    }
  }

  @Test
  void dataScienceAndReportingOutputsEqualTheClassicRun() throws IOException {
    for (String table :
        List.of(
            "data/08_reporting/shuttle_passenger_capacity.csv",
            "data/08_reporting/shuttle_prices_by_type.csv")) {
      assertThat(Outputs.csvRows(classicSpark, connect.resolve(table)))
          .as(table)
          .isNotEmpty()
          .isEqualTo(Outputs.csvRows(classicSpark, classic.resolve(table)));
    }

    String metrics = "data/08_reporting/metrics.json";
    Map<String, Object> connectMetrics = readJson(connect.resolve(metrics));
    assertThat(connectMetrics).containsKeys("r2_score", "mae", "max_error");
    assertThat(connectMetrics).isEqualTo(readJson(classic.resolve(metrics)));

    assertThat(onlyModelVersion(connect)).isEqualTo(onlyModelVersion(classic));

    String chart = "data/08_reporting/shuttle_passenger_capacity_plot.png";
    assertThat(Files.readAllBytes(connect.resolve(chart)))
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G')
        .isEqualTo(Files.readAllBytes(classic.resolve(chart)));
  }

  @Test
  void aNodeThatNeedsClassicSparkStopsTheRunBeforeAnythingIsComputed() {
    Pipeline pipeline =
        Pipeline.of(
            Node.node(DataProcessingNodes::preprocessCompanies)
                .inputs("companies")
                .output("preprocessed_companies")
                .name("preprocess_companies_node")
                .build(),
            Node.node((Dataset<Row> companies) -> companies.javaRDD().count())
                .inputs("preprocessed_companies")
                .output("company_count")
                .name("count_with_rdd_node")
                .tags("requires_classic_spark.rdd")
                .build());
    Path project = dir.resolve("refused");
    copyQuietly(project);
    Session overConnect =
        Session.builder()
            .projectPath(project)
            .sparkRemote(server.url())
            .pipelineRegistry(registry(pipeline))
            .build();

    assertThatThrownBy(overConnect::run)
        .isInstanceOf(ClassicSparkRequiredException.class)
        .hasMessageContaining("node 'count_with_rdd_node'")
        .hasMessageContaining("RDDs")
        .hasMessageContaining("Nothing was computed");
    assertThat(project.resolve("data/02_intermediate/preprocessed_companies")).doesNotExist();

    RunResult onClassic =
        Session.builder()
            .projectPath(project)
            .sparkSession(classicSpark)
            .pipelineRegistry(registry(pipeline))
            .build()
            .run()
            .orThrow();
    assertThat(onClassic.nodeSeconds()).containsKey("count_with_rdd_node");
  }

  private static PipelineRegistry registry(Pipeline pipeline) {
    return () -> Map.of(PipelineRegistry.DEFAULT, pipeline);
  }

  private static void copyQuietly(Path project) {
    try {
      StarterProject.copyTo(project);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, Object> readJson(Path file) throws IOException {
    return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
  }

  private static String onlyModelVersion(Path project) throws IOException {
    Path versions = project.resolve("data/06_models/regressor.json");
    try (var listing = Files.list(versions)) {
      Path version = listing.findFirst().orElseThrow();
      return Files.readString(version.resolve("regressor.json"));
    }
  }
}
