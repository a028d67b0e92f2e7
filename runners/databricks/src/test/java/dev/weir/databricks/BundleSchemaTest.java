package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.Main;
import dev.weir.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * What {@code weir bundle} writes is valid against the Databricks CLI's bundle schema ({@link
 * BundleSchema}), for every grouping, on job clusters and serverless.
 */
class BundleSchemaTest {
  @TempDir Path project;

  private final StringWriter err = new StringWriter();

  @ParameterizedTest(name = "--group-by {0} {1} --pipelines {2}")
  @CsvSource({
    "auto, classic, ''",
    "auto, serverless, ''",
    "pipeline, classic, ''",
    "pipeline, serverless, ''",
    "namespace, classic, reporting",
    "namespace, serverless, reporting",
    "node, classic, reporting",
    "node, serverless, reporting"
  })
  void theGeneratedBundleMatchesTheSchema(String groupBy, String compute, String pipelines)
      throws IOException {
    TestProject.create(project);
    List<String> args =
        new ArrayList<>(
            List.of(
                "bundle",
                "--project",
                project.toString(),
                "--bundle-name",
                "tiny",
                "--jar",
                "target/tiny-1.0-job.jar",
                "--target",
                "prod",
                "--remote-project",
                "/Volumes/main/default/tiny",
                "--group-by",
                groupBy));
    if (compute.equals("serverless")) {
      args.add("--serverless");
    }
    if (!pipelines.isEmpty()) {
      args.addAll(List.of("--pipelines", pipelines));
    }
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));

    assertThat(cli.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
    BundleSchema.assertValid(project);
  }

  @Test
  void theSchemaCatchesWhatDatabricksWouldRefuse() throws IOException {
    Path file =
        Files.writeString(
            project.resolve("bad.yml"),
            """
            resources:
              jobs:
                j:
                  tasks:
                    - task_key: a
                      spark_jar_task: {main_class_name: x, parameters: [run]}
                      max_retries: often
                      no_such_setting: 1
            """);

    assertThat(BundleSchema.errors(file))
        .anyMatch(e -> e.contains("max_retries"))
        .anyMatch(e -> e.contains("no_such_setting"));
  }
}
