package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.config.SafeYaml;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code __default__} on the real spaceflights data, twice, through {@link Session} (what
 * {@code weir run} calls) on a copy of the project's {@code conf/} and the raw data ({@link
 * RawDataFolder}) in a temporary directory. Expectations come from the raw files read without Spark
 * ({@link RawSpaceflightsData}) and from the parameter files, never from the code under test.
 * Outputs are read back with plain Spark, Jackson and ImageIO.
 */
class SpaceflightsEndToEndTest {
  private static final Path PROJECT = Paths.get("").toAbsolutePath();
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path project;

  private static RawSpaceflightsData raw;
  private static RunResult firstRun;
  private static Map<String, Double> firstMetrics;
  private static RunResult secondRun;

  @BeforeAll
  static void runTheDefaultPipelineTwice() throws IOException {
    copy(PROJECT.resolve("conf"), project.resolve("conf"));
    raw = RawSpaceflightsData.read(RawDataFolder.copyTo(project.resolve("data/01_raw")));

    firstRun = session().run().orThrow();
    firstMetrics = metrics();
    secondRun = session().run().orThrow();
  }

  private static Session session() {
    return Session.builder().projectPath(project).sparkSession(TestSpark.session()).build();
  }

  @Test
  void bothRunsSucceedAndRunEveryNode() {
    Set<String> nodes =
        Set.of(
            "preprocess_companies_node",
            "preprocess_shuttles_node",
            "preprocess_reviews_node",
            "create_model_input_table_node",
            "split_data_node",
            "train_model_node",
            "evaluate_model_node",
            "compare_passenger_capacity_node",
            "plot_passenger_capacity_node",
            "shuttle_prices_by_type_node");
    for (RunResult run : List.of(firstRun, secondRun)) {
      assertThat(run.status()).isEqualTo(RunResult.Status.SUCCESS);
      assertThat(run.nodeSeconds().keySet()).containsExactlyInAnyOrderElementsOf(nodes);
    }
    assertThat(secondRun.runId()).isNotEqualTo(firstRun.runId());
  }

  @Test
  void modelInputTableHasTheIndependentlyCountedRowsAndColumns() {
    Dataset<Row> table =
        spark().read().format("delta").load(path("data/03_primary/model_input_table"));

    long expected = raw.expectedModelInputRows();
    assertThat(expected).isBetween(1L, (long) raw.shuttles().size() - 1);
    assertThat(table.count()).isEqualTo(expected);
    assertThat(new TreeSet<>(Arrays.asList(table.columns())))
        .isEqualTo(raw.expectedModelInputColumns());
    // Overwritten, not appended, by the second run.
    assertThat(
            spark()
                .sql("DESCRIBE HISTORY delta.`" + path("data/03_primary/model_input_table") + "`")
                .count())
        .isEqualTo(2);
  }

  /**
   * The catalog's expectations (conf/base/catalog.yml) on the real data: every run checks them, the
   * {@code drop} on {@code preprocessed_companies} removes the companies without a rating (counted
   * here from the raw CSV), and the model input is unchanged by it (see {@link
   * #modelInputTableHasTheIndependentlyCountedRowsAndColumns}).
   */
  @Test
  void expectationsAreCheckedOnEveryRunAndTheDropRemovesTheUnratedCompanies() {
    long companies = raw.companies().size();
    long unrated = raw.companies().stream().filter(c -> c.get("company_rating").isEmpty()).count();
    assertThat(unrated).isBetween(1L, companies - 1);
    for (RunResult run : List.of(firstRun, secondRun)) {
      assertThat(run.expectations())
          .extracting(
              r ->
                  r.dataset()
                      + "."
                      + r.expectation().name()
                      + " "
                      + r.action()
                      + " on "
                      + r.checkedOn()
                      + ": "
                      + r.violations()
                      + "/"
                      + r.rowsChecked())
          .containsExactlyInAnyOrder(
              "companies.known_id warn on load: 0/" + companies,
              "preprocessed_companies.rated drop on save: " + unrated + "/" + companies,
              "preprocessed_shuttles.positive_price fail on save: 0/" + raw.shuttles().size(),
              "preprocessed_shuttles.known_company warn on save: 0/" + raw.shuttles().size(),
              "model_input_table.rating_in_range fail on save: 0/" + raw.expectedModelInputRows(),
              "model_input_table.company_rating_in_range fail on save: 0/"
                  + raw.expectedModelInputRows());
    }
    assertThat(
            spark()
                .read()
                .format("delta")
                .load(path("data/02_intermediate/preprocessed_companies"))
                .count())
        .isEqualTo(companies - unrated);
  }

  @Test
  void metricsAreSavedAndTheSameOnBothRuns() throws IOException {
    Map<String, Double> metrics = metrics();

    assertThat(metrics).containsOnlyKeys("r2_score", "mae", "max_error");
    assertThat(metrics.get("r2_score")).isStrictlyBetween(0.0, 1.0);
    assertThat(metrics.get("mae")).isPositive();
    assertThat(metrics.get("max_error")).isGreaterThanOrEqualTo(metrics.get("mae"));
    // Same data and random_state: the same split, the same model, the same scores.
    assertThat(metrics).isEqualTo(firstMetrics);
  }

  @Test
  void metricsAndChartReachTheLocalMlflowStore() throws Exception {
    Map<String, Double> metrics = metrics();
    // mlflow.db in MLflow's schema, read as MLflow reads a run: runs joined with latest_metrics.
    List<String[]> runs = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("mlflow.db"));
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT runs.status, runs.artifact_uri, latest_metrics.value FROM runs"
                    + " JOIN latest_metrics ON latest_metrics.run_uuid = runs.run_uuid"
                    + " AND latest_metrics.key = 'r2_score' ORDER BY runs.start_time");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        runs.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    assertThat(runs).as("one MLflow run per Weir run").hasSize(2);
    for (String[] run : runs) {
      assertThat(run[0]).isEqualTo("FINISHED");
      assertThat(Double.parseDouble(run[2])).isEqualTo(metrics.get("r2_score"));
      Path chart =
          Path.of(URI.create(run[1])).resolve("charts/shuttle_passenger_capacity_plot.png");
      assertThat(chart).exists();
      assertThat(chart.toRealPath().startsWith(project.toRealPath().resolve("mlartifacts")))
          .isTrue();
      assertThat(Arrays.copyOf(Files.readAllBytes(chart), 8)).isEqualTo(PNG_SIGNATURE);
    }
    assertThat(project.resolve("mlruns")).doesNotExist();
  }

  @Test
  void regressorHasOneVersionPerRunWithACoefficientPerFeature() throws IOException {
    Path versions = project.resolve("data/06_models/regressor.json");
    List<String> saved;
    try (Stream<Path> dirs = Files.list(versions)) {
      saved = dirs.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(saved).containsExactly(firstRun.runId(), secondRun.runId());

    List<String> features = modelFeatures();
    for (String version : saved) {
      Path file = versions.resolve(version).resolve("regressor.json");
      assertThat(file).isRegularFile();
      JsonNode model = JSON.readTree(file.toFile()).path("model");
      List<String> names = new ArrayList<>();
      model.path("features").forEach(n -> names.add(n.asText()));
      assertThat(names).isEqualTo(features);
      assertThat(model.path("coefficients").size()).isEqualTo(features.size());
      model.path("coefficients").forEach(c -> assertThat(c.isNumber()).isTrue());
      assertThat(model.path("intercept").isNumber()).isTrue();
    }
  }

  @Test
  void passengerCapacityTableHasOneRowPerShuttleType() {
    Dataset<Row> table =
        spark()
            .read()
            .option("header", "true")
            .csv(path("data/08_reporting/shuttle_passenger_capacity.csv"));

    List<String> types =
        table.select("shuttle_type").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(new TreeSet<>(types)).isEqualTo(raw.shuttleTypes());
    assertThat(types).hasSize(raw.shuttleTypes().size());
  }

  /**
   * The SQL node's output, against the same aggregation written with the DataFrame API over the
   * model input table (itself checked against the raw files above), with the threshold read from
   * {@code parameters_reporting.yml}.
   */
  @Test
  void shuttlePricesByTypeMatchTheDataFrameComputationForTheConfiguredRating() throws IOException {
    double minRating =
        ((Number)
                Objects.requireNonNull(
                    parameters("parameters_reporting.yml", "price_report")
                        .get("min_company_rating")))
            .doubleValue();
    Dataset<Row> expected =
        spark()
            .read()
            .format("delta")
            .load(path("data/03_primary/model_input_table"))
            .where(org.apache.spark.sql.functions.col("company_rating").geq(minRating))
            .groupBy("shuttle_type")
            .agg(
                org.apache.spark.sql.functions.count("*").as("shuttles"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .round(org.apache.spark.sql.functions.avg("price"), 2)
                    .as("average_price"))
            .orderBy("shuttle_type");
    Dataset<Row> written =
        spark()
            .read()
            .option("header", "true")
            .schema("shuttle_type STRING, shuttles BIGINT, average_price DOUBLE")
            .csv(path("data/08_reporting/shuttle_prices_by_type.csv"))
            .orderBy("shuttle_type");

    List<Row> rows = written.collectAsList();
    assertThat(rows).isNotEmpty().isEqualTo(expected.collectAsList());
    long allShuttles =
        spark().read().format("delta").load(path("data/03_primary/model_input_table")).count();
    assertThat(rows.stream().mapToLong(r -> r.getLong(1)).sum())
        .as("the rating threshold filtered some shuttles out")
        .isLessThan(allShuttles);
  }

  @Test
  void chartIsAPngOfTheConfiguredSize() throws IOException {
    byte[] png =
        Files.readAllBytes(
            project.resolve("data/08_reporting/shuttle_passenger_capacity_plot.png"));

    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png));
    Map<String, Object> chart = parameters("parameters_reporting.yml", "passenger_capacity_chart");
    assertThat(image.getWidth()).isEqualTo(chart.get("width"));
    assertThat(image.getHeight()).isEqualTo(chart.get("height"));
  }

  private static Map<String, Double> metrics() throws IOException {
    JsonNode node = JSON.readTree(project.resolve("data/08_reporting/metrics.json").toFile());
    return JSON.convertValue(
        node, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Double>>() {});
  }

  @SuppressWarnings("unchecked")
  private static List<String> modelFeatures() throws IOException {
    return (List<String>)
        Objects.requireNonNull(
            parameters("parameters_data_science.yml", "model_options").get("features"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parameters(String file, String key) throws IOException {
    try (InputStream in = Files.newInputStream(project.resolve("conf/base").resolve(file))) {
      Map<String, Object> all = SafeYaml.newYaml().load(in);
      return (Map<String, Object>) Objects.requireNonNull(all.get(key), key);
    }
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static String path(String relative) {
    return project.resolve(relative).toString();
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
