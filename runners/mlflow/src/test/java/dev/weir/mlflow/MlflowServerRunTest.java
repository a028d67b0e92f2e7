package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.session.RunOptions;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;

/**
 * Whole runs through the {@link Session} (which finds {@link MlflowHook} with {@link
 * java.util.ServiceLoader}) against {@link MlflowTestServer}, a loopback stand-in for an MLflow
 * tracking server whose contract comes from the MLflow client's own request classes.
 */
class MlflowServerRunTest {
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

  private RunResult run(String mlflowYml, boolean fail, RunOptions options) {
    SpaceflightsLikeProject.create(project, mlflowYml);
    Session session =
        Session.builder()
            .projectPath(project)
            .pipelineRegistry(SpaceflightsLikeProject.pipelines(fail))
            .build();
    RunResult result = session.run(options);
    lastSummary = session.summaryLines(result);
    return result;
  }

  private List<String> lastSummary = List.of();

  private String yml(String extra) {
    return "tracking_uri: "
        + server.uri()
        + "\nexperiment: spaceflights\n"
        + (extra.contains("timeout_seconds") ? "" : "timeout_seconds: 5\n")
        + extra;
  }

  private static Map<String, Double> lastValues(MlflowTestServer.RunState run) {
    return run.metrics.stream()
        .collect(Collectors.toMap(Service.Metric::getKey, Service.Metric::getValue, (a, b) -> b));
  }

  @Test
  void aSpaceflightsLikeRunReachesTheServer() {
    RunResult result = run(yml(""), false, RunOptions.defaults());

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(server.experiments).containsOnlyKeys("spaceflights");
    MlflowTestServer.RunState run = server.onlyRun();
    String runId = run.info.getRunId();
    assertThat(run.info.getRunName()).isEqualTo("__default__");
    assertThat(run.info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(run.info.getEndTime()).isGreaterThanOrEqualTo(run.info.getStartTime());
    assertThat(run.info.getUserId()).isEqualTo(System.getProperty("user.name"));

    assertThat(run.params)
        .isEqualTo(
            Map.of(
                "model_options.test_size", "0.2",
                "model_options.random_state", "3",
                "model_options.features", "[\"engines\",\"passenger_capacity\"]",
                "learning_rate", "0.1"));
    assertThat(run.tags)
        .containsEntry("weir.run_id", result.runId())
        .containsEntry("weir.env", "local")
        .containsEntry("weir.pipelines", "__default__")
        .containsEntry("weir.runner", "sequential")
        .containsEntry("mlflow.runName", "__default__")
        .containsEntry("mlflow.source.type", "LOCAL")
        .containsEntry("mlflow.source.name", project.toAbsolutePath().normalize().toString())
        .containsEntry("mlflow.user", System.getProperty("user.name"));

    Map<String, Double> metrics = lastValues(run);
    assertThat(metrics)
        .containsEntry("r2_score", 0.87)
        .containsEntry("mae", 1234.5)
        .containsEntry("max_error", 9876.0);
    assertThat(metrics.keySet())
        .contains(
            "node_duration.split_data",
            "node_duration.train_model",
            "node_duration.score",
            "node_duration.evaluate_model",
            "node_duration.report");
    assertThat(metrics.get("node_duration.train_model")).isGreaterThanOrEqualTo(0.0);

    assertThat(server.artifacts).containsOnlyKeys("1/" + runId + "/artifacts/reports/report.txt");
    assertThat(
            new String(
                server.artifacts.get("1/" + runId + "/artifacts/reports/report.txt"),
                StandardCharsets.UTF_8))
        .isEqualTo("report of regressor(0.1)");

    // Every request was one the server understood, in as few batches as the limits allow.
    assertThat(server.requests("runs/log-batch")).hasSize(server.batches.size());
    assertThat(server.batches).hasSize(2);
    assertThat(server.requests("runs/update")).hasSize(1);
    assertThat(Files.exists(project.resolve("mlflow.db")))
        .as("nothing in the local store")
        .isFalse();
    assertThat(lastSummary)
        .contains("MLflow run at " + server.uri() + "/#/experiments/1/runs/" + runId);
    assertThat(lastSummary)
        .filteredOn(l -> l.startsWith("Metrics:"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("r2_score=0.8700", "mae=1234.5000", "max_error=9876.0000")
        .doesNotContain("node_duration");
  }

  @Test
  void anExistingExperimentIsReusedAndRunNameAndTagsComeFromTheFile() {
    run(
        yml("run_name: nightly\ntags:\n  team: pricing\n"),
        false,
        RunOptions.defaults().withRunner("parallel", 2));
    run(yml("run_name: nightly\n"), false, RunOptions.defaults().withPipelines("training"));
    assertThat(server.experiments).containsOnlyKeys("spaceflights");
    assertThat(server.requests("experiments/create")).hasSize(1);
    assertThat(server.runs.values())
        .hasSize(2)
        .allMatch(r -> r.info.getRunName().equals("nightly"));
    List<MlflowTestServer.RunState> runs = List.copyOf(server.runs.values());
    assertThat(runs.get(0).tags)
        .containsEntry("team", "pricing")
        .containsEntry("weir.runner", "parallel");
    assertThat(runs.get(1).tags).containsEntry("weir.pipelines", "training");
  }

  @Test
  void aFailingNodeEndsTheRunFailed() {
    RunResult result = run(yml(""), true, RunOptions.defaults());

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    MlflowTestServer.RunState run = server.onlyRun();
    assertThat(run.info.getStatus()).isEqualTo(Service.RunStatus.FAILED);
    assertThat(run.params).containsEntry("learning_rate", "0.1");
    assertThat(lastValues(run))
        .containsKey("node_duration.split_data")
        .doesNotContainKey("r2_score");
  }

  /**
   * A catalog entry that cannot be created is found by the runner after {@code beforePipelineRun}
   * and before the first node: the run stops with a configuration error and leaves no MLflow run
   * (kedro-mlflow would leave a FAILED one).
   */
  @Test
  void aConfigurationErrorBeforeTheFirstNodeCreatesNoMlflowRun() throws Exception {
    SpaceflightsLikeProject.create(project, yml(""));
    SpaceflightsLikeProject.write(
        project.resolve("conf/base/catalog_models.yml"), "regressor:\n  type: text.TextDataset\n");
    Session session =
        Session.builder()
            .projectPath(project)
            .pipelineRegistry(SpaceflightsLikeProject.pipelines(false))
            .build();

    assertThatThrownBy(() -> session.run(RunOptions.defaults()))
        .isInstanceOf(dev.weir.WeirException.class)
        .hasMessageContaining("regressor");
    assertThat(server.runs).as("no MLflow run for a run that ran no node").isEmpty();

    Files.delete(project.resolve("conf/base/catalog_models.yml"));
    RunResult fixed = session.run(RunOptions.defaults());
    assertThat(fixed.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
  }

  @Test
  void longAndNestedParametersFollowTheStrategy() {
    SpaceflightsLikeProject.create(project, "");
    String longText = "x".repeat(7000);
    Session session =
        Session.builder()
            .projectPath(project)
            .runtimeParams(Map.of("model_options", Map.of("test_size", 0.3, "notes", longText)))
            .pipelineRegistry(SpaceflightsLikeProject.pipelines(false))
            .build();
    SpaceflightsLikeProject.write(
        project.resolve("conf/base/mlflow.yml"), yml("params:\n  long_value_strategy: tag\n"));
    session.run(RunOptions.defaults());

    MlflowTestServer.RunState run = server.onlyRun();
    assertThat(run.params)
        .containsEntry("model_options.test_size", "0.3")
        .doesNotContainKey("model_options.notes");
    assertThat(run.tags).containsEntry("model_options.notes", longText);
  }

  @Test
  void theFailStrategyStopsTheRunBeforeAnyNode() {
    SpaceflightsLikeProject.create(project, yml("params:\n  long_value_strategy: fail\n"));
    Session session =
        Session.builder()
            .projectPath(project)
            .runtimeParams(Map.of("learning_rate", "9".repeat(6001)))
            .pipelineRegistry(SpaceflightsLikeProject.pipelines(false))
            .build();
    assertThatThrownBy(() -> session.run(RunOptions.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'learning_rate'")
        .hasMessageContaining("long_value_strategy");
    assertThat(server.runs).isEmpty();
    assertThat(project.resolve("data/08_reporting/report.txt")).doesNotExist();
  }

  @Test
  void aMistakeInMlflowYmlFailsTheRunBeforeAnyNode() {
    assertThatThrownBy(
            () -> run("trackin_uri: " + server.uri() + "\n", false, RunOptions.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean: tracking_uri?");
    assertThat(server.requests).isEmpty();
    assertThat(project.resolve("data/08_reporting/report.txt")).doesNotExist();
  }

  @Test
  void unflattenedParametersAreJson() {
    run(yml("params:\n  flatten: false\n"), false, RunOptions.defaults());
    assertThat(server.onlyRun().params.get("model_options"))
        .isEqualTo(
            "{\"test_size\":0.2,\"random_state\":3,\"features\":[\"engines\",\"passenger_capacity\"]}");
  }

  @Test
  void aTokenFromCredentialsIsSentAndNeverLogged() throws Exception {
    SpaceflightsLikeProject.write(
        project.resolve("conf/local/credentials.yml"), "mlflow_server:\n  token: tok-SECRET-1\n");
    try (LogCapture logs = new LogCapture()) {
      run(yml("credentials: mlflow_server\n"), false, RunOptions.defaults());
      assertThat(server.requests)
          .isNotEmpty()
          .allMatch(r -> r.authorization().equals("Bearer tok-SECRET-1"));
      assertThat(server.onlyRun().tags.values()).noneMatch(v -> v.contains("tok-SECRET-1"));
      assertThat(logs.warnings()).noneMatch(w -> w.contains("tok-SECRET-1"));
    }
  }

  @Test
  void aUsernameAndPasswordFromCredentialsAreSentAsBasicAuthAndNeverLogged() throws Exception {
    SpaceflightsLikeProject.write(
        project.resolve("conf/local/credentials.yml"),
        "mlflow_server:\n  username: ada\n  password: pw-SECRET-2\n");
    String expected =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "ada:pw-SECRET-2".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (LogCapture logs = new LogCapture()) {
      run(yml("credentials: mlflow_server\n"), false, RunOptions.defaults());
      assertThat(server.requests).isNotEmpty().allMatch(r -> r.authorization().equals(expected));
      assertThat(server.onlyRun().tags.values()).noneMatch(v -> v.contains("pw-SECRET-2"));
      assertThat(logs.warnings()).noneMatch(w -> w.contains("pw-SECRET-2"));
    }
  }

  /**
   * {@code databricks://<profile>}: the MLflow client's own {@code
   * DatabricksConfigHostCredsProvider} reads the profile from {@code ~/.databrickscfg} (it resolves
   * {@code ~} from the {@code user.home} system property, set here to a temporary folder), then
   * speaks the same REST API to the profile's host, here the loopback server.
   */
  @Test
  void aDatabricksProfileUriUsesTheProfilesHostAndToken(@TempDir Path home) throws Exception {
    Files.writeString(
        home.resolve(".databrickscfg"),
        "[weirtest]\nhost = " + server.uri() + "\ntoken = dapi-SECRET-3\n");
    String userHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    RunResult result;
    try (LogCapture logs = new LogCapture()) {
      result =
          run(
              "tracking_uri: databricks://weirtest\nexperiment: /Shared/spaceflights\n"
                  + "timeout_seconds: 5\n",
              false,
              RunOptions.defaults());
      assertThat(logs.warnings()).noneMatch(w -> w.contains("dapi-SECRET-3"));
    } finally {
      System.setProperty("user.home", userHome);
    }
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(server.requests)
        .isNotEmpty()
        .allMatch(r -> r.authorization().equals("Bearer dapi-SECRET-3"));
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(String.join("\n", lastSummary)).contains("#mlflow/experiments/");
  }

  @Test
  void aDisabledPipelineIsNotTracked() {
    run(
        yml("disable_for_pipelines: [training]\n"),
        false,
        RunOptions.defaults().withPipelines("training"));
    assertThat(server.requests).isEmpty();
    run(yml("enabled: false\n"), false, RunOptions.defaults());
    assertThat(server.requests).isEmpty();
  }

  @Test
  void aServerThatDoesNotAnswerCostsOneTimeoutAndTheLocalStoreGetsEverything() throws Exception {
    server.hang();
    RunResult result;
    try (LogCapture logs = new LogCapture()) {
      result = run(yml("timeout_seconds: 1\n"), false, RunOptions.defaults());
      assertThat(logs.warnings()).hasSize(1);
      assertThat(logs.warnings().get(0))
          .contains(server.uri())
          .contains("no answer within 1 s")
          .contains("did not receive 4 param(s)")
          .contains("1 artifact(s)")
          .contains("sqlite:///" + project.resolve("mlflow.db"))
          .contains("mlflow ui --backend-store-uri sqlite:///" + project.resolve("mlflow.db"));
    }
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    // One request reached the server, then it was dropped for the rest of the run.
    assertThat(server.requests).hasSize(1);
    // The bound is one timeout (1 s) plus the run itself; far below a hanging server's forever.
    assertThat(result.durationSeconds()).isLessThan(30);

    MlflowDb.Run local = localRun();
    assertThat(local.status()).isEqualTo("FINISHED");
    assertThat(local.params())
        .containsEntry("learning_rate", "0.1")
        .containsEntry("model_options.test_size", "0.2");
    assertThat(local.tags())
        .containsEntry("weir.run_id", result.runId())
        .containsEntry("weir.mlflow.unreachable_server", server.uri());
    assertThat(local.latestMetrics())
        .containsEntry("r2_score", 0.87)
        .containsKey("node_duration.report");
    assertThat(
            project.resolve(
                "mlartifacts/"
                    + local.experimentId()
                    + "/"
                    + local.runId()
                    + "/artifacts/reports/report.txt"))
        .hasContent("report of regressor(0.1)");
    assertThat(lastSummary)
        .contains(
            "MLflow run at sqlite:///"
                + project.resolve("mlflow.db")
                + ", experiment "
                + local.experimentId()
                + ", run "
                + local.runId())
        .contains(
            "See MLflow runs with: mlflow ui --backend-store-uri sqlite:///"
                + project.resolve("mlflow.db"));
  }

  /**
   * The first run of a new experiment looks it up with experiments/search, which answers an empty
   * list (no 404 the Java client would retry three times, warning "404 (Rate limit exceeded)" each
   * time), then creates it; nothing is logged at WARN by Weir or by the client.
   */
  @Test
  void aNewExperimentIsFoundWithSearchAndNoRetryNoiseIsLogged() throws Exception {
    try (LogCapture weir = new LogCapture();
        LogCapture client = new LogCapture("org.mlflow")) {
      run(yml(""), false, RunOptions.defaults());
      assertThat(weir.warnings()).isEmpty();
      assertThat(client.warnings()).isEmpty();
    }
    assertThat(server.requests("experiments/get-by-name")).isEmpty();
    assertThat(server.requests("experiments/search")).hasSize(1);
    assertThat(server.requests("experiments/create")).hasSize(1);
  }

  /** A failing server: the client's own retry warnings stay out of the default log level. */
  @Test
  void theClientsRetryWarningsAreNotShown() throws Exception {
    server.failWith(503);
    try (LogCapture client = new LogCapture("org.mlflow")) {
      run(yml(""), false, RunOptions.defaults());
      assertThat(client.warnings()).isEmpty();
    }
    assertThat(server.requests).hasSize(3);
  }

  /**
   * An experiment of that name exists on the server but is deleted: one warning at the start says
   * so plainly with the fix, without retries, and the run is logged locally.
   */
  @Test
  void aDeletedExperimentIsNamedPlainlyAndTheRunIsLoggedLocally() throws Exception {
    server.experiments.put("spaceflights", "7");
    server.deleteExperiment("spaceflights");
    RunResult result;
    try (LogCapture logs = new LogCapture()) {
      result = run(yml(""), false, RunOptions.defaults());
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("'spaceflights'")
          .contains("exists")
          .contains("but is deleted")
          .contains("mlflow experiments restore --experiment-id 7")
          .contains("mlflow.yml")
          .contains("logged locally");
    }
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(server.requests).hasSize(1);
    assertThat(server.runs).isEmpty();
    assertThat(localRun().status()).isEqualTo("FINISHED");
  }

  @Test
  void aFailingServerSendsTheRunToTheLocalStore() throws Exception {
    server.failWith(503);
    RunResult result = run(yml(""), false, RunOptions.defaults());
    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    // The client tried its three attempts once; no further calls after the failure.
    assertThat(server.requests).hasSize(3);
    MlflowDb.Run local = localRun();
    assertThat(local.params()).containsEntry("learning_rate", "0.1");
    assertThat(local.status()).isEqualTo("FINISHED");
  }

  @Test
  void withoutATrackingUriTheRunGoesToTheProjectsMlflowDb() throws Exception {
    run("experiment: spaceflights\n", false, RunOptions.defaults());
    assertThat(server.requests).isEmpty();
    MlflowDb.Run local = localRun();
    try (MlflowDb db = new MlflowDb(project.resolve("mlflow.db"))) {
      assertThat(db.experiments()).containsEntry(local.experimentId(), "spaceflights (active)");
    }
    assertThat(local.latestMetrics()).containsEntry("mae", 1234.5);
    assertThat(local.tags()).containsEntry("mlflow.source.type", "LOCAL");
    assertThat(project.resolve("mlruns")).doesNotExist();
    assertThat(lastSummary)
        .contains(
            "See MLflow runs with: mlflow ui --backend-store-uri sqlite:///"
                + project.resolve("mlflow.db"));
  }

  @Test
  void anExplicitSqliteUriNamesTheFileAndTheSummarysCommandOpensIt() throws Exception {
    run(
        "tracking_uri: sqlite:///tracking/runs.db\nexperiment: spaceflights\n",
        false,
        RunOptions.defaults());
    Path db = project.resolve("tracking/runs.db");
    assertThat(project.resolve("mlflow.db")).doesNotExist();
    try (MlflowDb read = new MlflowDb(db)) {
      assertThat(read.onlyRun().status()).isEqualTo("FINISHED");
      assertThat(read.scalar("SELECT version_num FROM alembic_version")).isEqualTo("f5a4f2784254");
    }
    assertThat(project.resolve("tracking/mlartifacts")).isDirectory();
    assertThat(lastSummary)
        .contains("See MLflow runs with: mlflow ui --backend-store-uri sqlite:///" + db);
  }

  @Test
  void anExplicitFileUriKeepsMlflow2sFileStore() throws Exception {
    run("tracking_uri: file:./mlruns\nexperiment: spaceflights\n", false, RunOptions.defaults());
    assertThat(project.resolve("mlflow.db")).doesNotExist();
    try (Stream<Path> files = Files.walk(project.resolve("mlruns"), 2)) {
      assertThat(files.filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}")).toList())
          .hasSize(1);
    }
    assertThat(lastSummary)
        .contains(
            "See MLflow runs with: MLFLOW_ALLOW_FILE_STORE=true mlflow ui --backend-store-uri "
                + LocalFileStore.fileUri(project.resolve("mlruns")));
  }

  private MlflowDb.Run localRun() throws Exception {
    try (MlflowDb db = new MlflowDb(project.resolve("mlflow.db"))) {
      return db.onlyRun();
    }
  }
}
