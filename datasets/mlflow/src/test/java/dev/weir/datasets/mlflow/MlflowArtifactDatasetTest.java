package dev.weir.datasets.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetTypeRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowArtifactDatasetTest {
  @TempDir Path project;
  private final RecordingTracker tracker = new RecordingTracker();

  @AfterEach
  void clearTracker() {
    ActiveTracker.clear(tracker);
  }

  @SuppressWarnings("unchecked")
  private Dataset<Object> create(Map<String, Object> config, DatasetContext context) {
    return (Dataset<Object>)
        DatasetTypeRegistry.loadInstalled()
            .get("mlflow.MlflowArtifactDataset")
            .create(
                new DatasetSpec(
                    "report", "mlflow.MlflowArtifactDataset", config, Map.of(), "catalog.yml"),
                context);
  }

  @Test
  void savesThroughTheWrappedDatasetThenLogsTheFile() throws Exception {
    ActiveTracker.set(tracker);
    Dataset<Object> ds =
        create(
            Map.of(
                "artifact_path",
                "reports",
                "dataset",
                Map.of("type", "text.TextDataset", "filepath", "data/08_reporting/report.txt")),
            DatasetContext.of(project));
    ds.save("hello");
    Path file = project.resolve("data/08_reporting/report.txt");
    assertThat(Files.readString(file)).isEqualTo("hello");
    assertThat(tracker.artifacts).hasSize(1);
    assertThat(tracker.artifacts.get(0).file()).isEqualTo(file);
    assertThat(tracker.artifacts.get(0).artifactPath()).isEqualTo("reports");
    assertThat(new String(tracker.artifacts.get(0).content(), StandardCharsets.UTF_8))
        .isEqualTo("hello");
    assertThat(ds.load()).isEqualTo("hello");
    assertThat(ds.exists()).isTrue();
  }

  @Test
  void aVersionedFileLogsTheVersionJustSaved() throws Exception {
    ActiveTracker.set(tracker);
    DatasetContext context =
        DatasetContext.builder(project).saveVersion("2024-01-31T12.30.45.123Z").build();
    Dataset<Object> ds =
        create(
            Map.of(
                "dataset",
                Map.of(
                    "type",
                    "binary.BinaryDataset",
                    "filepath",
                    "data/chart.png",
                    "versioned",
                    true)),
            context);
    ds.save(new byte[] {1, 2, 3});
    assertThat(tracker.artifacts).hasSize(1);
    assertThat(tracker.artifacts.get(0).file())
        .isEqualTo(project.resolve("data/chart.png/2024-01-31T12.30.45.123Z/chart.png"));
    assertThat(tracker.artifacts.get(0).artifactPath()).isNull();
    assertThat(tracker.artifacts.get(0).content()).containsExactly(1, 2, 3);
  }

  @Test
  void withoutARunTheFileIsStillSaved() throws Exception {
    Dataset<Object> ds =
        create(
            Map.of("dataset", Map.of("type", "text.TextDataset", "filepath", "out.txt")),
            DatasetContext.of(project));
    ds.save("kept");
    assertThat(Files.readString(project.resolve("out.txt"))).isEqualTo("kept");
    assertThat(tracker.artifacts).isEmpty();
  }

  @Test
  void theWrappedEntryMustNameATypeAndAFile() {
    DatasetContext context = DatasetContext.of(project);
    assertThatThrownBy(() -> create(Map.of(), context))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("needs 'dataset:'")
        .hasMessageContaining("catalog.yml");
    assertThatThrownBy(() -> create(Map.of("dataset", Map.of("type", "MemoryDataset")), context))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no 'filepath'");
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        "dataset",
                        Map.of(
                            "type", "text.TextDataset", "filepath", "a.txt", "credentials", "x")),
                    context))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("put 'credentials:' on the mlflow.MlflowArtifactDataset");
    assertThatThrownBy(
            () ->
                create(
                    Map.of(
                        "artifact_path",
                        "../up",
                        "dataset",
                        Map.of("type", "text.TextDataset", "filepath", "a.txt")),
                    context))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("artifact_path");
  }

  @Test
  void describeShowsTheWrappedDataset() {
    Dataset<Object> ds =
        create(
            Map.of("dataset", Map.of("type", "text.TextDataset", "filepath", "out.txt")),
            DatasetContext.of(project));
    assertThat(ds.describe())
        .containsEntry("type", "mlflow.MlflowArtifactDataset")
        .containsKey("dataset");
    assertThat(MlflowArtifactDataset.isRemote("s3://bucket/a.png")).isTrue();
    assertThat(MlflowArtifactDataset.isRemote("dbfs:/a.png")).isTrue();
    assertThat(MlflowArtifactDataset.isRemote("/tmp/a.png")).isFalse();
    assertThat(MlflowArtifactDataset.isRemote("file:/tmp/a.png")).isFalse();
  }
}
