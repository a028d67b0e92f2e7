package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.RunRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LostRuns}: runs left RUNNING by a Weir process that was killed with SIGKILL. */
class LostRunsTest {
  @TempDir Path dir;

  private SqliteStore store() {
    return new SqliteStore(
        dir.resolve("mlflow.db"), dir.resolve("mlartifacts"), Duration.ofSeconds(5));
  }

  private static List<KeyValue> tags(Map<String, String> tags) {
    List<KeyValue> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(new KeyValue(k, v)));
    return out;
  }

  @Test
  void aRunWhoseJvmWasKilledWithSigkillIsMarkedFailedByTheNextRun() throws Exception {
    Path db = dir.resolve("mlflow.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KilledRunMain.class.getName(),
                db.toString(),
                "sqlite")
            .redirectErrorStream(true)
            .start();
    String runId = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("RUN_ID ")) {
          runId = line.substring("RUN_ID ".length());
          break;
        }
      }
      assertThat(runId).as("the child started a run").isNotNull();
      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    try (MlflowDb read = new MlflowDb(db)) {
      assertThat(read.run(runId).status()).isEqualTo("RUNNING");
    }

    SqliteStore store = store();
    // A run of this (live) JVM and one of another machine stay RUNNING.
    RunRef mine = store.createRun("exp", "mine", "me", 1L);
    store.logBatch(mine, List.of(), List.of(), tags(WeirProcess.tags()));
    RunRef elsewhere = store.createRun("exp", "elsewhere", "me", 1L);
    store.logBatch(
        elsewhere,
        List.of(),
        List.of(),
        tags(Map.of(WeirProcess.HOST_TAG, "another-host", WeirProcess.PID_TAG, "1")));

    store.createRun("exp", "next", "me", 2L);

    assertThat(store.lostRuns()).containsExactly(runId);
    try (MlflowDb read = new MlflowDb(db)) {
      MlflowDb.Run lost = read.run(runId);
      assertThat(lost.status()).isEqualTo("FAILED");
      assertThat(lost.endTime()).isNotNull();
      assertThat(lost.tags().get(LostRuns.LOST_TAG))
          .contains("killed with SIGKILL")
          .contains("marked FAILED by the next Weir run");
      assertThat(lost.latestMetrics()).containsEntry("progress", 0.5);
      assertThat(read.run(mine.runId()).status()).isEqualTo("RUNNING");
      assertThat(read.run(elsewhere.runId()).status()).isEqualTo("RUNNING");
    }
  }

  @Test
  void aReusedProcessIdWithAnotherStartTimeIsNotThatProcess() {
    String pid = String.valueOf(ProcessHandle.current().pid());
    String start = WeirProcess.tags().get(WeirProcess.START_TAG);
    assertThat(WeirProcess.isAlive(pid, start)).isTrue();
    assertThat(WeirProcess.isAlive(pid, null)).isTrue();
    assertThat(WeirProcess.isAlive(pid, String.valueOf(Long.parseLong(start) - 3_600_000)))
        .isFalse();
    assertThat(WeirProcess.isAlive(String.valueOf(Long.MAX_VALUE), null)).isFalse();
  }
}
