package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunLifeCycleState;
import com.databricks.sdk.service.jobs.RunOutput;
import com.databricks.sdk.service.jobs.RunResultState;
import com.databricks.sdk.service.jobs.RunState;
import com.databricks.sdk.service.jobs.RunTask;
import com.databricks.sdk.service.jobs.SubmitRun;
import com.databricks.sdk.service.jobs.SubmitTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir databricks submit} against {@link FakeDatabricks}, a loopback stand-in for the
 * Databricks REST API (which cannot run here) speaking the SDK's own request and response classes.
 */
class SubmitCommandTest {
  private static final String PAGE = "https://example.cloud.databricks.com/#job/7/run/42";

  @TempDir Path dir;

  private Path jar;

  // Started by submit(...) or by the test itself before any use; closed after each test.
  @SuppressWarnings("NullAway.Init")
  private FakeDatabricks databricks;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void buildAJar() throws IOException {
    jar = Files.write(dir.resolve("spaceflights-1.0-job.jar"), new byte[] {'P', 'K', 3, 4, 1, 2});
  }

  @AfterEach
  void stop() {
    if (databricks != null) {
      databricks.close();
    }
  }

  private int submit(List<Run> runs, @Nullable RunOutput output, String... extra)
      throws IOException {
    databricks = new FakeDatabricks(runs, output);
    return execute(extra);
  }

  private int execute(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--pipelines", "data_processing",
                "--volume", "/Volumes/main/default/jars",
                "--jar", jar.toString()));
    args.addAll(List.of(extra));
    FakeDatabricks server = databricks;
    CommandLine cli = new CommandLine(new SubmitCommand(profile -> server.client()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args.toArray(String[]::new));
  }

  private static Run run(RunLifeCycleState state, @Nullable RunResultState result) {
    RunState runState = new RunState().setLifeCycleState(state).setResultState(result);
    return new Run()
        .setRunId(FakeDatabricks.RUN_ID)
        .setRunPageUrl(PAGE)
        .setState(runState)
        .setTasks(
            List.of(
                new RunTask()
                    .setTaskKey("weir")
                    .setRunId(FakeDatabricks.TASK_RUN_ID)
                    .setState(new RunState().setLifeCycleState(state).setResultState(result))));
  }

  @Test
  void aSuccessfulRunUploadsSubmitsPollsAndExitsZero() throws IOException {
    int code =
        submit(
            List.of(
                run(RunLifeCycleState.PENDING, null),
                run(RunLifeCycleState.RUNNING, null),
                run(RunLifeCycleState.TERMINATED, RunResultState.SUCCESS)),
            null,
            "--cluster-id",
            "0101-abc");

    assertThat(code).as(err.toString()).isZero();
    assertThat(databricks.uploads)
        .containsEntry("/Volumes/main/default/jars/spaceflights-1.0-job.jar", 6L);
    SubmitRun request = databricks.submitted.get(0);
    SubmitTask task = request.getTasks().iterator().next();
    assertThat(task.getExistingClusterId()).isEqualTo("0101-abc");
    assertThat(task.getSparkJarTask().getMainClassName()).isEqualTo("dev.weir.cli.Main");
    assertThat(task.getSparkJarTask().getParameters())
        .containsExactly("run", "--pipelines", "data_processing", "--env", "prod");
    assertThat(task.getLibraries().iterator().next().getJar())
        .isEqualTo("/Volumes/main/default/jars/spaceflights-1.0-job.jar");
    assertThat(out.toString())
        .contains("Run 42: PENDING", "Run 42: RUNNING", "Run 42: TERMINATED")
        .contains("Run page: " + PAGE)
        .contains("SUCCESS");
    // Every API call carries the token; the SDK's host discovery (/.well-known/) is anonymous.
    for (int i = 0; i < databricks.requests.size(); i++) {
      if (databricks.requests.get(i).contains(" /api/")) {
        assertThat(databricks.authorizations.get(i)).isEqualTo("Bearer " + FakeDatabricks.TOKEN);
      }
    }
    assertThat(out.toString() + err).doesNotContain(FakeDatabricks.TOKEN);
  }

  @Test
  void aFailedRunPrintsTheTasksErrorFromGetOutputAndExitsOne() throws IOException {
    RunOutput output =
        new RunOutput()
            .setError("DatabricksJobException: weir exited with code 1: Error: node 'x' failed")
            .setErrorTrace(
                "dev.weir.databricks.DatabricksJobException: ...\n\tat dev.weir.cli.Main");
    int code =
        submit(
            List.of(
                run(RunLifeCycleState.RUNNING, null),
                run(RunLifeCycleState.TERMINATED, RunResultState.FAILED)),
            output,
            "--new-cluster",
            "m5d.large");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("run 42 ended TERMINATED / FAILED")
        .contains("weir: DatabricksJobException: weir exited with code 1: Error: node 'x' failed")
        .contains("at dev.weir.cli.Main");
    assertThat(databricks.requests)
        .anyMatch(r -> r.matches("GET /api/2\\.\\d/jobs/runs/get-output\\?run_id=43"));
    SubmitTask task = databricks.submitted.get(0).getTasks().iterator().next();
    assertThat(task.getNewCluster().getSparkVersion()).isEqualTo("18.0.x-scala2.13");
    assertThat(task.getNewCluster().getNodeTypeId()).isEqualTo("m5d.large");
  }

  @Test
  void aRunThatDoesNotFinishInTimeStopsWaitingAndExitsOne() throws IOException {
    int code =
        submit(
            List.of(run(RunLifeCycleState.RUNNING, null)), null, "--serverless", "--timeout", "1");

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("run 42 did not finish within 1 s (last state RUNNING)")
        .contains(PAGE);
  }

  @Test
  void a429IsRetriedByTheSdk() throws IOException {
    databricks =
        new FakeDatabricks(
            List.of(run(RunLifeCycleState.TERMINATED, RunResultState.SUCCESS)), null);
    databricks.throttleNextSubmit();

    int code = execute("--serverless");

    assertThat(code).as(err.toString()).isZero();
    assertThat(databricks.requests.stream().filter(r -> r.contains("/jobs/runs/submit")))
        .hasSize(2);
    SubmitRun request = databricks.submitted.get(0);
    assertThat(request.getEnvironments().iterator().next().getSpec().getJavaDependencies())
        .containsExactly("/Volumes/main/default/jars/spaceflights-1.0-job.jar");
    assertThat(request.getTasks().iterator().next().getEnvironmentKey()).isEqualTo("default");
  }

  @Test
  void aPathOutsideUnityCatalogVolumesIsAUsageError() throws IOException {
    databricks = new FakeDatabricks(List.of(run(RunLifeCycleState.PENDING, null)), null);
    CommandLine cli = new CommandLine(new SubmitCommand(profile -> databricks.client()));
    cli.setErr(new PrintWriter(err, true));

    int code = cli.execute("--volume", "dbfs:/jars", "--jar", jar.toString(), "--serverless");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not a Unity Catalog volume path");
    assertThat(databricks.requests).isEmpty();
  }

  @Test
  void aCatalogWithRelativePathsIsRefusedBeforeAnythingIsUploaded() throws IOException {
    Path project = dev.weir.testing.TestProject.create(dir.resolve("tiny"));
    databricks = new FakeDatabricks(List.of(run(RunLifeCycleState.PENDING, null)), null);

    int code = execute("--serverless", "--project", project.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("environment 'prod'")
        .contains("raw (data/raw.txt)")
        .contains("conf/prod/globals.yml")
        .contains("--remote-project");
    assertThat(databricks.requests).isEmpty();
  }
}
