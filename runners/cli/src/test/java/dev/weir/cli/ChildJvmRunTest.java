package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.testing.TestProject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir run} in a child JVM through {@link Main#main}, with the logging the command line
 * configures: what a user sees on the terminal, and what SIGTERM does to a run.
 */
class ChildJvmRunTest {
  @TempDir Path dir;

  @BeforeEach
  void createProject() {
    TestProject.create(dir);
  }

  @Test
  void sigtermPrintsTheSummaryAndTheResumeCommand() throws Exception {
    ChildJvm child = ChildJvm.start(dir, "run", "--pipelines", "slow", "--project", dir.toString());
    try {
      assertThat(child.awaitErr("Running node: wait_for_signal", 60))
          .as("the slow node started: %s", child.err())
          .isTrue();

      child.terminate();
      int exit = child.waitFor(60);

      assertThat(exit).as(child.err()).isEqualTo(143);
      assertThat(child.out())
          .containsPattern("Run \\S+ was interrupted in [0-9.]+ s \\(1 nodes ran\\)")
          .contains("staged -> test.TextFileDataset at " + dir.resolve("data/staged.txt"));
      assertThat(child.err())
          .contains("Run interrupted (SIGTERM or Ctrl-C) while running wait_for_signal")
          .contains("weir run --from-nodes wait_for_signal")
          .doesNotContain("\tat ");
    } finally {
      child.kill();
    }
  }

  @Test
  void sparkExecutorLogsAndStackTracesShowOnlyWithVerbose() throws Exception {
    TestProject.write(
        dir.resolve("conf/base/catalog_spark.yml"),
        """
        companies:
          type: spark.SparkDataset
          filepath: data/companies.csv
          file_format: csv
          load_args:
            header: true
            inferSchema: true
        ratings:
          type: spark.DeltaTableDataset
          filepath: data/ratings
          write_mode: overwrite
        """);
    TestProject.write(dir.resolve("data/companies.csv"), "id,company_rating\n1,0.9\n2,abc\n");

    ChildJvm quiet =
        ChildJvm.start(dir, "run", "--pipelines", "spark_udf", "--project", dir.toString());
    int quietExit = quiet.waitFor(180);
    String quietErr = quiet.err();
    ChildJvm verbose =
        ChildJvm.start(
            dir, "run", "--pipelines", "spark_udf", "--project", dir.toString(), "--verbose");
    int verboseExit = verbose.waitFor(180);

    assertThat(quietExit).as(quietErr).isEqualTo(1);
    assertThat(quietErr)
        .contains("Node 'parse_ratings' failed")
        .contains("Root cause: java.lang.IllegalArgumentException: rating 'abc' is not a number")
        .doesNotContain("\tat ")
        .doesNotContain("Exception in task")
        .doesNotContain("Using incubator modules")
        .doesNotContain("NativeCodeLoader");
    assertThat(verboseExit).isEqualTo(1);
    assertThat(verbose.err())
        .as("--verbose brings Spark's logs and the stack traces back")
        .contains("Exception in task")
        .contains("\tat ");
  }
}
