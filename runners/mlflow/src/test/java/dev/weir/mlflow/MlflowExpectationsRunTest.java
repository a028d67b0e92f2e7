package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.io.ExpectationResult;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import dev.weir.testing.TestSpark;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;

/**
 * A run through the {@link Session} whose node's output, a Delta table, has catalog expectations:
 * {@link MlflowHook} logs {@code expectations.<dataset>.<name>.violations} to {@link
 * MlflowTestServer} (a loopback stand-in for an MLflow tracking server whose contract comes from
 * the MLflow client's own request classes), also when a {@code fail} expectation stops the run.
 */
class MlflowExpectationsRunTest {
  @TempDir Path project;
  private MlflowTestServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MlflowTestServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private RunResult run(String expectations) {
    SpaceflightsLikeProject.write(
        project.resolve("conf/base/mlflow.yml"),
        "tracking_uri: " + server.uri() + "\nexperiment: spaceflights\ntimeout_seconds: 5\n");
    SpaceflightsLikeProject.write(
        project.resolve("conf/base/catalog.yml"),
        "shuttles:\n  type: spark.DeltaTableDataset\n  filepath: data/shuttles\n  expectations:\n"
            + expectations);
    SpaceflightsLikeProject.write(project.resolve("conf/local/.keep"), "");
    Pipeline pipeline =
        Pipeline.of(
            Node.node(
                    () -> {
                      Dataset<Row> df =
                          TestSpark.session()
                              .sql(
                                  "SELECT * FROM VALUES (1, -1.0D), (2, 5.0D),"
                                      + " (3, CAST(NULL AS DOUBLE)) AS t(id, price)");
                      return df;
                    })
                .output("shuttles")
                .name("preprocess_shuttles")
                .build());
    PipelineRegistry registry = () -> Map.of(PipelineRegistry.DEFAULT, pipeline);
    return Session.builder()
        .projectPath(project)
        .sparkSession(TestSpark.session())
        .pipelineRegistry(registry)
        .build()
        .run();
  }

  private Map<String, Double> metrics() {
    return server.onlyRun().metrics.stream()
        .collect(Collectors.toMap(Service.Metric::getKey, Service.Metric::getValue, (a, b) -> b));
  }

  @Test
  void violationsAreLoggedPerDatasetAndExpectation() {
    RunResult result =
        run(
            "    positive: {expr: \"price > 0\", on_violation: drop}\n"
                + "    known_id: \"id IS NOT NULL\"\n");

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(result.expectations())
        .extracting(r -> r.expectation().name() + ":" + r.violations() + "/" + r.rowsChecked())
        .containsExactly("positive:2/3", "known_id:0/3");
    assertThat(metrics())
        .containsEntry("expectations.shuttles.positive.violations", 2.0)
        .containsEntry("expectations.shuttles.known_id.violations", 0.0);
  }

  @Test
  void aFailExpectationIsLoggedAndTheRunFails() {
    RunResult result = run("    positive: {expr: \"price > 0\", on_violation: fail}\n");

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(String.valueOf(result.error().getMessage()))
        .contains("Dataset 'shuttles'")
        .contains("expectation 'positive'")
        .contains("2 of 3 rows");
    assertThat(result.expectations()).singleElement().matches(ExpectationResult::failed);
    assertThat(metrics()).containsEntry("expectations.shuttles.positive.violations", 2.0);
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FAILED);
    assertThat(project.resolve("data/shuttles")).doesNotExist();
  }
}
