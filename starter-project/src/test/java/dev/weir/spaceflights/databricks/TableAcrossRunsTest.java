package dev.weir.spaceflights.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.spaceflights.databricks.JobJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table written by one run is read by the next, each run in its own JVM with its own embedded
 * Spark session (whose catalog is in memory, so nothing but the warehouse directory survives the
 * first run): {@code model_input_table} is made a {@code spark.SparkTableDataset} by a {@code
 * conf/local/catalog.yml} override, {@code weir run --pipelines data_processing} writes it, and a
 * second {@code weir run --pipelines data_science} in a new JVM trains on it.
 *
 * <p>Tagged {@code job-jar} for the JVM flags that execution passes ({@code weir.jvmFlags}); it
 * uses the test class path, not the job JAR.
 */
@Tag(JobJar.TAG)
class TableAcrossRunsTest {
  @TempDir Path dir;

  @Test
  void aTableWrittenInOneRunIsReadInTheNext() throws Exception {
    Path project = StarterProject.copyTo(dir.resolve("project"));
    Files.writeString(
        project.resolve("conf/local/catalog.yml"),
        "model_input_table:\n  type: spark.SparkTableDataset\n  table: model_input_table\n");
    Result first = weirRun(project, "data_processing");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("model_input_table -> spark.SparkTableDataset");
    assertThat(project.resolve("spark-warehouse/model_input_table/_delta_log")).isDirectory();
    assertThat(project.resolve("data/03_primary/model_input_table")).doesNotExist();

    Result second = weirRun(project, "data_science");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).contains("finished").contains("(3 nodes ran)");
    assertThat(project.resolve("data/08_reporting/metrics.json")).isRegularFile();
  }

  /** {@code weir run --pipelines <pipeline>} in a new JVM on the test class path. */
  private static Result weirRun(Path project, String pipeline) throws Exception {
    return JobJar.java(
        project,
        Map.of(),
        System.getProperty("java.class.path"),
        "dev.weir.cli.Main",
        "run",
        "--pipelines",
        pipeline,
        "--project",
        project.toString());
  }
}
