package dev.weir.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.benchmarks.spark.PlainSparkProgram;
import dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingNodes;
import dev.weir.spaceflights.pipelines.datascience.DataScienceNodes;
import dev.weir.spaceflights.pipelines.datascience.LinearRegressionModel;
import dev.weir.spaceflights.pipelines.datascience.ModelOptions;
import dev.weir.spaceflights.pipelines.datascience.TrainTestSplit;
import dev.weir.spaceflights.pipelines.reporting.ChartOptions;
import dev.weir.spaceflights.pipelines.reporting.ReportingNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The starter's {@code __default__} job as one plain Spark program, without Weir: the same reads
 * (two CSV files with header and inferred schema, the Excel sheet with Apache POI), the same node
 * functions of the starter (its {@code DataProcessingNodes}, {@code DataScienceNodes} with Commons
 * Math's OLS, {@code ReportingNodes} with XChart), the same outputs in the same formats: four Delta
 * tables, the model as JSON under a version folder, the metrics JSON, two CSV files and the PNG.
 * The session has the settings Weir's embedded session gets from the starter ({@code local[*]},
 * Delta, UI off, {@code conf/base/spark.yml}). What a plain program naturally does differently: it
 * hands DataFrames from step to step instead of reading saved data back, and it does not log to
 * MLflow.
 *
 * <p>Usage: {@code java -cp <starter class path>:benchmarks/target/classes
 * dev.weir.benchmarks.e2e.PlainSpaceflights <raw dir> <output dir>}, with {@code <raw dir>} holding
 * {@code companies.csv}, {@code reviews.csv} and {@code shuttles.xlsx} (or, for scaled data too big
 * for one sheet, {@code shuttles.csv}, see {@link ScaledSpaceflights}); the outputs go where the
 * starter's catalog puts them under its {@code base_path}. Exit code 0 when every output is
 * written.
 */
public final class PlainSpaceflights {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter KEDRO_VERSION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss.SSS'Z'");
  private static final String PRICES_SQL =
      "SELECT shuttle_type, COUNT(*) AS shuttles, ROUND(AVG(price), 2) AS average_price"
          + " FROM model_input_table WHERE company_rating >= :price_report_min_company_rating"
          + " GROUP BY shuttle_type ORDER BY shuttle_type";

  private PlainSpaceflights() {}

  /**
   * @param args the raw data folder and the output folder
   * @throws IOException when an output file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PlainSpaceflights <raw dir> <output dir>");
      System.exit(2);
    }
    Path raw = Path.of(args[0]);
    Path out = Path.of(args[1]).toAbsolutePath();
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("plain-spaceflights")
            .config("spark.api.mode", "classic")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.warehouse.dir", out.resolve("spark-warehouse").toString())
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            // Delta's SQL parser drops named parameters on Spark 4.1 (UNBOUND_SQL_PARAMETER); Weir
            // sets the same switch on its sessions (dev.weir.sql.DeltaParserWorkaround).
            .config("spark.sql.legacy.parameterSubstitution.constantsOnly", "true")
            .getOrCreate();
    try {
      run(spark, raw, out);
    } finally {
      spark.stop();
    }
  }

  /**
   * @param spark the session
   * @param raw the raw data folder
   * @param out the output folder (the starter's {@code base_path})
   * @throws IOException when an output file cannot be written
   */
  static void run(SparkSession spark, Path raw, Path out) throws IOException {
    // data_processing
    Dataset<Row> companies =
        DataProcessingNodes.preprocessCompanies(csv(spark, raw.resolve("companies.csv")));
    Path xlsx = raw.resolve("shuttles.xlsx");
    Dataset<Row> shuttles =
        DataProcessingNodes.preprocessShuttles(
            Files.exists(xlsx)
                ? PlainSparkProgram.excel(spark, xlsx)
                : csv(spark, raw.resolve("shuttles.csv")));
    Dataset<Row> reviews =
        DataProcessingNodes.preprocessReviews(csv(spark, raw.resolve("reviews.csv")));
    delta(companies, out.resolve("02_intermediate/preprocessed_companies"));
    delta(shuttles, out.resolve("02_intermediate/preprocessed_shuttles"));
    delta(reviews, out.resolve("02_intermediate/preprocessed_reviews"));
    Dataset<Row> modelInput =
        DataProcessingNodes.createModelInputTable(shuttles, companies, reviews);
    delta(modelInput, out.resolve("03_primary/model_input_table"));

    // data_science
    ModelOptions options =
        new ModelOptions(
            0.2,
            3,
            List.of(
                "engines",
                "passenger_capacity",
                "crew",
                "d_check_complete",
                "moon_clearance_complete",
                "iata_approved",
                "company_rating",
                "review_scores_rating"));
    TrainTestSplit split = DataScienceNodes.splitData(modelInput, options);
    LinearRegressionModel model = DataScienceNodes.trainModel(split.xTrain(), split.yTrain());
    String version = KEDRO_VERSION.format(ZonedDateTime.now(ZoneOffset.UTC));
    ObjectNode stored = JSON.createObjectNode();
    stored.put("model_class", model.getClass().getName());
    stored.set("model", JSON.valueToTree(model));
    Path modelFile = out.resolve("06_models/regressor.json/" + version + "/regressor.json");
    Files.createDirectories(modelFile.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(modelFile.toFile(), stored);
    Map<String, Double> metrics =
        DataScienceNodes.evaluateModel(model, split.xTest(), split.yTest());
    Path metricsFile = out.resolve("08_reporting/metrics.json");
    Files.createDirectories(metricsFile.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(metricsFile.toFile(), metrics);

    // reporting
    Dataset<Row> capacity = ReportingNodes.comparePassengerCapacity(shuttles);
    csvOut(capacity, out.resolve("08_reporting/shuttle_passenger_capacity.csv"));
    byte[] png =
        ReportingNodes.plotPassengerCapacity(
            capacity, new ChartOptions("Average passenger capacity by shuttle type", 800, 500));
    Files.write(out.resolve("08_reporting/shuttle_passenger_capacity_plot.png"), png);
    modelInput.createOrReplaceTempView("model_input_table");
    Dataset<Row> prices =
        spark.sql(PRICES_SQL, Map.<String, Object>of("price_report_min_company_rating", 0.9));
    csvOut(prices, out.resolve("08_reporting/shuttle_prices_by_type.csv"));
  }

  private static Dataset<Row> csv(SparkSession spark, Path file) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString());
  }

  private static void delta(Dataset<Row> df, Path path) {
    df.write().format("delta").mode("overwrite").save(path.toString());
  }

  private static void csvOut(Dataset<Row> df, Path path) {
    df.write().option("header", "true").mode("overwrite").csv(path.toString());
  }
}
