package dev.weir.spaceflights.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spaceflights.TestSpark;
import dev.weir.spaceflights.databricks.JobJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built job JAR run as a Databricks JAR task would run it: {@code dev.weir.cli.Main} called by
 * a driver ({@link DatabricksDriver}) whose Spark session is already active, with {@code
 * DATABRICKS_RUNTIME_VERSION} set, on a classpath of the JAR plus what a cluster provides (Spark,
 * Delta, Hadoop, Scala; nothing of Weir or the project besides the JAR). The working directory has
 * the raw data but no {@code conf/}: the configuration comes from the JAR's resources, or from
 * {@code --conf-source}.
 */
@Tag(JobJar.TAG)
class PackagedJobTest {
  private static final Map<String, String> ON_DATABRICKS =
      Map.of("DATABRICKS_RUNTIME_VERSION", "18.0");

  @TempDir static Path dir;

  private static Path project;
  private static Result success;
  private static Result failure;

  @BeforeAll
  static void runTheJarAsAJarTask() throws Exception {
    project = Files.createDirectories(dir.resolve("driver"));
    StarterProject.copyTo(dir.resolve("copy"));
    Files.move(dir.resolve("copy/data"), project.resolve("data"));
    String classpath =
        JobJar.classpath(JobJar.jar().toString(), testClasses(), JobJar.clusterClasspath());

    success =
        JobJar.java(
            project,
            ON_DATABRICKS,
            classpath,
            DatabricksDriver.class.getName(),
            "run",
            "--pipelines",
            "data_processing");

    Path brokenConf = dir.resolve("copy/conf");
    Files.writeString(
        brokenConf.resolve("base/catalog.yml"),
        "companies:\n  type: spark.NoSuchDataset\n  filepath: data/01_raw/companies.csv\n");
    failure =
        JobJar.java(
            project,
            ON_DATABRICKS,
            classpath,
            DatabricksDriver.class.getName(),
            "run",
            "--pipelines",
            "data_processing",
            "--conf-source",
            brokenConf.toString());
  }

  @Test
  void aSuccessfulRunReturnsFromMainWithoutExitingTheDriver() {
    assertThat(success.output()).contains(DatabricksDriver.SUCCEEDED).contains("finished");
    // The run summary reaches the driver's log, as the Jobs UI shows it.
    assertThat(success.output())
        .contains("Saved outputs:")
        .contains("  preprocessed_reviews -> spark.DeltaTableDataset at ")
        .contains("  model_input_table -> spark.DeltaTableDataset at ");
    assertThat(success.exitCode()).as(success.output()).isZero();
  }

  @Test
  void theRunUsesTheClustersActiveSessionAndTheConfigurationInsideTheJar() {
    SparkSession spark = TestSpark.session();
    for (String table : Outputs.DELTA_TABLES) {
      assertThat(Outputs.lastCommitMetadata(spark, project.resolve(table)))
          .as(table)
          .isEqualTo(DatabricksDriver.COMMIT_MARKER);
    }
    Dataset<Row> modelInput =
        spark
            .read()
            .format("delta")
            .load(project.resolve("data/03_primary/model_input_table").toString());
    assertThat(modelInput.count()).isPositive();
    assertThat(modelInput.columns()).contains("shuttle_id", "company_id", "price");
    assertThat(project.resolve("conf")).doesNotExist();
  }

  @Test
  void aFailedRunThrowsOutOfMainWithTheErrorTheJobsUiShows() {
    assertThat(failure.exitCode()).isEqualTo(1);
    assertThat(lastLine(failure.output(), DatabricksDriver.FAILED))
        .startsWith(DatabricksDriver.FAILED + "weir exited with code 2: Error: ")
        .contains("spark.NoSuchDataset");
  }

  private static String lastLine(String output, String prefix) {
    List<String> lines = output.lines().filter(l -> l.startsWith(prefix)).toList();
    assertThat(lines).as(output).isNotEmpty();
    return lines.get(lines.size() - 1);
  }

  private static String testClasses() throws Exception {
    return Path.of(
            DatabricksDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
