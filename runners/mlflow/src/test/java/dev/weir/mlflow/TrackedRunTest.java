package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.mlflow.ActiveTracker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/** {@link TrackedRun} against {@link MlflowTestServer} and the local store, without a pipeline. */
class TrackedRunTest {
  @TempDir Path dir;
  private MlflowTestServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new MlflowTestServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private TrackedRun start(Map<String, String> tags, Map<String, String> params) {
    RestStore store =
        new RestStore(new BasicMlflowHostCreds(server.uri()), Duration.ofSeconds(5), server.uri());
    return TrackedRun.start(
        store, () -> new LocalFileStore(dir.resolve("mlruns")), "exp", "run", "me", tags, params);
  }

  @Test
  void twoHundredFiftyParamsGoInThreeBatchesTheServerAccepts() {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < 250; i++) {
      params.put("p" + i, "v" + i);
    }
    TrackedRun run = start(Map.of("weir.env", "local"), params);
    for (int i = 0; i < 2500; i++) {
      run.logMetric("m" + (i % 10), i, i / 10);
    }
    run.end(Service.RunStatus.FINISHED);

    List<Service.LogBatch> batches = server.batches;
    assertThat(batches.subList(0, 3))
        .extracting(Service.LogBatch::getParamsCount)
        .containsExactly(100, 100, 50);
    assertThat(batches).allSatisfy(b -> assertThat(b.getMetricsCount()).isLessThanOrEqualTo(1000));
    assertThat(batches)
        .allSatisfy(
            b -> assertThat(b.getParamsCount() + b.getTagsCount()).isLessThanOrEqualTo(100));
    MlflowTestServer.RunState state = server.onlyRun();
    assertThat(state.params).hasSize(250).containsEntry("p249", "v249");
    assertThat(state.metrics).hasSize(2500);
    assertThat(state.info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(dir.resolve("mlruns")).doesNotExist();
  }

  @Test
  void nanMetricsReachTheServerAsNan() {
    TrackedRun run = start(Map.of(), Map.of());
    run.logMetric("score", Double.NaN, 0);
    assertThat(run.metricHistory("score")).hasSize(1);
    run.end(Service.RunStatus.FINISHED);
    assertThat(server.onlyRun().metrics)
        .singleElement()
        .satisfies(m -> assertThat(m.getValue()).isNaN());
  }

  @Test
  void theRunIsTheActiveTrackerUntilItEnds() {
    TrackedRun run = start(Map.of(), Map.of());
    assertThat(ActiveTracker.get()).containsSame(run);
    assertThat(run.runId()).isEqualTo(server.onlyRun().info.getRunId());
    run.end(Service.RunStatus.FINISHED);
    assertThat(ActiveTracker.get()).isEmpty();
    run.logMetric("after_end", 1, 0);
    run.end(Service.RunStatus.FAILED);
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(server.onlyRun().metrics).isEmpty();
  }

  @Test
  void keysMlflowRefusesAreRefusedAtOnce() {
    TrackedRun run = start(Map.of(), Map.of());
    assertThatThrownBy(() -> run.logMetric("bad(key)", 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad(key)");
    run.end(Service.RunStatus.FINISHED);
  }

  @Test
  void artifactsTheServerDoesNotProxyAreReportedNotUploaded() throws Exception {
    server.artifactRoot = "s3://bucket/";
    Path file = Files.writeString(dir.resolve("chart.txt"), "c");
    try (LogCapture logs = new LogCapture()) {
      TrackedRun run = start(Map.of(), Map.of("a", "1"));
      run.logArtifact(file, "charts");
      run.end(Service.RunStatus.FINISHED);
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("1 artifact(s) were not uploaded")
          .contains("chart.txt");
    }
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
    assertThat(server.artifacts).isEmpty();
    assertThat(dir.resolve("mlruns")).doesNotExist();
  }

  @Test
  void aServerFailingMidRunGetsNoMoreCallsAndTheLocalStoreGetsTheWholeRun() throws Exception {
    Path file = Files.writeString(dir.resolve("model.txt"), "weights");
    TrackedRun run = start(Map.of("t", "1"), Map.of("p", "1"));
    run.logArtifact(file, null);
    run.logMetric("loss", 0.5, 0);
    server.failWith(500);
    run.end(Service.RunStatus.FINISHED);
    int requestsAfterFailure = server.requests.size();
    run.logMetric("late", 1, 0);
    assertThat(server.requests).hasSize(requestsAfterFailure);

    Path mlruns = dir.resolve("mlruns");
    Path runDir = run.location().map(Path::of).orElseThrow();
    assertThat(runDir.startsWith(mlruns)).isTrue();
    assertThat(Files.readString(runDir.resolve("params/p"))).isEqualTo("1");
    assertThat(Files.readString(runDir.resolve("tags/t"))).isEqualTo("1");
    assertThat(Files.readString(runDir.resolve("metrics/loss"))).matches("\\d+ 0\\.5 0\n");
    assertThat(Files.readString(runDir.resolve("artifacts/model.txt"))).isEqualTo("weights");
    assertThat(Files.readString(runDir.resolve("meta.yaml"))).contains("status: 3\n");
  }

  /**
   * The server refuses a batch part-way (here every attempt at one log-batch call): the rest goes
   * to the local store, and the server's run is not left RUNNING but ended with the run's status
   * and a tag that says where the complete run is.
   */
  @Test
  void aServerRefusingPartWayHasItsRunEndedWithTheRunsStatus() throws Exception {
    TrackedRun run = start(Map.of("t", "1"), Map.of("p", "1"));
    server.failRequests("runs/log-batch", 400, 3);
    for (int i = 0; i < Batches.MAX_METRICS; i++) {
      run.logMetric("m" + (i % 5), i, i);
    }
    run.logMetric("after", 1, 0);
    try (LogCapture logs = new LogCapture()) {
      run.end(Service.RunStatus.FAILED);
      assertThat(logs.warnings())
          .singleElement()
          .asString()
          .contains("was ended FAILED with what it received")
          .doesNotContain("stays RUNNING");
    }
    MlflowTestServer.RunState state = server.onlyRun();
    assertThat(state.info.getStatus()).isEqualTo(Service.RunStatus.FAILED);
    assertThat(state.params).containsEntry("p", "1");
    assertThat(state.tags.get("weir.mlflow.incomplete"))
        .contains("Logging to this server failed part-way")
        .contains("the complete run is at");
    assertThat(run.location().orElseThrow()).contains("mlruns");
  }

  @Test
  void keysJavaTakesButMlflowRefusesAreRefusedAtOnce() {
    TrackedRun run = start(Map.of(), Map.of());
    for (String key : List.of("cafe\u0301", "a\u200Db", "..foo", "...")) {
      assertThatThrownBy(() -> run.logMetric(key, 1, 0))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
    run.end(Service.RunStatus.FINISHED);
    assertThat(server.onlyRun().info.getStatus()).isEqualTo(Service.RunStatus.FINISHED);
  }

  /** SIGTERM to a JVM with a run in progress: the shutdown hook ends the run KILLED. */
  @Test
  void aTerminatedJvmEndsTheRunKilled() throws Exception {
    Path mlruns = dir.resolve("mlruns");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledRunMain.class.getName(),
                mlruns.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String runDir = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("STARTED ")) {
          runDir = line.substring("STARTED ".length());
          break;
        }
      }
      assertThat(runDir).as("the child started a run").isNotNull();
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String meta = Files.readString(Path.of(runDir).resolve("meta.yaml"));
      assertThat(meta).contains("status: 5\n").doesNotContain("end_time: null");
      assertThat(Files.readString(Path.of(runDir).resolve("metrics/progress")))
          .matches("\\d+ 0\\.5 0\n");
    } finally {
      child.destroyForcibly();
    }
  }
}
