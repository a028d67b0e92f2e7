package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.Metric;
import dev.weir.mlflow.TrackingStore.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.RunStatus;

/** The layout and file contents of MLflow's Python {@code FileStore} (MLflow 2.x). */
class LocalFileStoreTest {
  @TempDir Path dir;

  private static List<String> listing(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(s -> !s.isEmpty())
          .sorted()
          .toList();
    }
  }

  @Test
  void writesMlflowsFileStoreLayout() throws Exception {
    Path root = dir.resolve("mlruns");
    LocalFileStore store = new LocalFileStore(root);
    RunRef run = store.createRun("spaceflights", "__default__", "alice", 1700000000000L);
    store.logBatch(
        run,
        List.of(
            new Metric("r2_score", 0.5, 1700000000100L, 0),
            new Metric("loss", 1e-5, 1700000000200L, 3)),
        List.of(new KeyValue("model_options.test_size", "0.2")),
        List.of(new KeyValue("weir.env", "local")));
    Path artifact = dir.resolve("chart.png");
    Files.write(artifact, new byte[] {7, 8});
    store.logArtifact(run, artifact, "charts");
    store.endRun(run, RunStatus.FINISHED, 1700000000900L);

    String exp = run.experimentId();
    String id = run.runId();
    assertThat(exp).matches("[1-9][0-9]{17}");
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(listing(root))
        .containsExactly(
            ".trash",
            "0",
            "0/meta.yaml",
            exp,
            exp + "/" + id,
            exp + "/" + id + "/artifacts",
            exp + "/" + id + "/artifacts/charts",
            exp + "/" + id + "/artifacts/charts/chart.png",
            exp + "/" + id + "/meta.yaml",
            exp + "/" + id + "/metrics",
            exp + "/" + id + "/metrics/loss",
            exp + "/" + id + "/metrics/r2_score",
            exp + "/" + id + "/params",
            exp + "/" + id + "/params/model_options.test_size",
            exp + "/" + id + "/tags",
            exp + "/" + id + "/tags/mlflow.runName",
            exp + "/" + id + "/tags/weir.env",
            exp + "/meta.yaml");

    String rootUri = "file://" + root.toAbsolutePath();
    String defaultMeta = Files.readString(root.resolve("0/meta.yaml"));
    assertThat(defaultMeta)
        .matches(
            "artifact_location: "
                + rootUri
                + "/0\n"
                + "creation_time: \\d+\n"
                + "experiment_id: '0'\n"
                + "last_update_time: \\d+\n"
                + "lifecycle_stage: active\n"
                + "name: Default\n");
    assertThat(Files.readString(root.resolve(exp + "/meta.yaml")))
        .matches(
            "artifact_location: "
                + rootUri
                + "/"
                + exp
                + "\n"
                + "creation_time: \\d+\n"
                + "experiment_id: '"
                + exp
                + "'\n"
                + "last_update_time: \\d+\n"
                + "lifecycle_stage: active\n"
                + "name: spaceflights\n");
    Path runDir = root.resolve(exp).resolve(id);
    assertThat(Files.readString(runDir.resolve("meta.yaml")))
        .isEqualTo(
            "artifact_uri: "
                + rootUri
                + "/"
                + exp
                + "/"
                + id
                + "/artifacts\n"
                + "end_time: 1700000000900\n"
                + "entry_point_name: ''\n"
                + "experiment_id: '"
                + exp
                + "'\n"
                + "lifecycle_stage: active\n"
                + "run_id: "
                + id
                + "\n"
                + "run_name: __default__\n"
                + "run_uuid: "
                + id
                + "\n"
                + "source_name: ''\n"
                + "source_type: 4\n"
                + "source_version: ''\n"
                + "start_time: 1700000000000\n"
                + "status: 3\n"
                + "tags: []\n"
                + "user_id: alice\n");
    assertThat(Files.readString(runDir.resolve("metrics/r2_score")))
        .isEqualTo("1700000000100 0.5 0\n");
    assertThat(Files.readString(runDir.resolve("metrics/loss")))
        .isEqualTo("1700000000200 1e-05 3\n");
    assertThat(Files.readString(runDir.resolve("params/model_options.test_size"))).isEqualTo("0.2");
    assertThat(Files.readString(runDir.resolve("tags/mlflow.runName"))).isEqualTo("__default__");
    assertThat(Files.readString(runDir.resolve("tags/weir.env"))).isEqualTo("local");
    assertThat(Files.readAllBytes(runDir.resolve("artifacts/charts/chart.png")))
        .containsExactly(7, 8);
  }

  @Test
  void aRunningRunHasStatusOneAndANullDeletedTime() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    RunRef run = store.createRun("e", "r", "u", 5L);
    String meta = Files.readString(store.runDir(run).resolve("meta.yaml"));
    assertThat(meta)
        .contains("deleted_time: null\n")
        .contains("end_time: null\n")
        .contains("status: 1\n");
    store.endRun(run, RunStatus.KILLED, 9L);
    assertThat(Files.readString(store.runDir(run).resolve("meta.yaml")))
        .doesNotContain("deleted_time")
        .contains("status: 5\n")
        .contains("end_time: 9\n");
  }

  @Test
  void reusesAnExperimentByNameAndAppendsMetricLines() throws Exception {
    LocalFileStore store = new LocalFileStore(dir.resolve("mlruns"));
    RunRef a = store.createRun("exp", "a", "u", 1L);
    RunRef b = new LocalFileStore(dir.resolve("mlruns")).createRun("exp", "b", "u", 2L);
    assertThat(b.experimentId()).isEqualTo(a.experimentId());
    assertThat(store.createRun("Default", "c", "u", 3L).experimentId()).isEqualTo("0");
    store.logBatch(
        a, List.of(new Metric("m", 1, 10, 0), new Metric("m", 2, 11, 1)), List.of(), List.of());
    store.logBatch(a, List.of(new Metric("m", Double.NaN, 12, 2)), List.of(), List.of());
    assertThat(Files.readString(store.runDir(a).resolve("metrics/m")))
        .isEqualTo("10 1.0 0\n11 2.0 1\n12 nan 2\n");
  }

  @Test
  void paramsAreWriteOnceAndSlashKeysAreFolders() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    RunRef run = store.createRun("e", "r", "u", 1L);
    store.logBatch(run, List.of(), List.of(new KeyValue("model/alpha", "1")), List.of());
    store.logBatch(run, List.of(), List.of(new KeyValue("model/alpha", "1")), List.of());
    assertThat(Files.readString(store.runDir(run).resolve("params/model/alpha"))).isEqualTo("1");
    assertThatThrownBy(
            () ->
                store.logBatch(
                    run, List.of(), List.of(new KeyValue("model/alpha", "2")), List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("write-once");
  }

  @Test
  void metaYamlReadsBackAsTheSameMap() {
    LocalFileStore store = new LocalFileStore(dir);
    RunRef run = store.createRun("e", "r: with colon", "u", 1L);
    Map<String, Object> meta = LocalFileStore.readYaml(store.runDir(run).resolve("meta.yaml"));
    assertThat(meta)
        .containsEntry("run_name", "r: with colon")
        .containsEntry("experiment_id", run.experimentId());
    assertThat(meta.get("tags")).isEqualTo(List.of());
  }

  @Test
  void pathsAreFileUrisAsPythonWritesThem() {
    assertThat(LocalFileStore.fileUri(Path.of("/tmp/a b/mlruns")))
        .isEqualTo("file:///tmp/a%20b/mlruns");
  }
}
