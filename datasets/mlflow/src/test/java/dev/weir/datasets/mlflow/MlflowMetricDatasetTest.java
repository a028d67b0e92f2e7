package dev.weir.datasets.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetTypeRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowMetricDatasetTest {
  @TempDir Path project;
  private final RecordingTracker tracker = new RecordingTracker();

  @AfterEach
  void clearTracker() {
    ActiveTracker.clear(tracker);
  }

  @SuppressWarnings("unchecked")
  private Dataset<Object> create(Map<String, Object> config) {
    return (Dataset<Object>)
        DatasetTypeRegistry.loadInstalled()
            .get("mlflow.MlflowMetricDataset")
            .create(
                new DatasetSpec(
                    "r2_score", "mlflow.MlflowMetricDataset", config, Map.of(), "catalog.yml"),
                DatasetContext.of(project));
  }

  @Test
  void overwriteLogsEverySaveAtTheSameStepUnderTheDatasetName() {
    ActiveTracker.set(tracker);
    Dataset<Object> ds = create(Map.of());
    ds.save(0.5);
    ds.save(0.75f);
    assertThat(tracker.metrics)
        .containsExactly(
            new RecordingTracker.Logged("r2_score", 0.5, 0),
            new RecordingTracker.Logged("r2_score", 0.75, 0));
    assertThat(((Number) ds.load()).doubleValue()).isEqualTo(0.75);
  }

  @Test
  void overwriteUsesTheConfiguredKeyAndStep() {
    ActiveTracker.set(tracker);
    Dataset<Object> ds = create(Map.of("key", "model/r2", "step", 4));
    ds.save(1);
    assertThat(tracker.metrics).containsExactly(new RecordingTracker.Logged("model/r2", 1.0, 4));
  }

  @Test
  void appendLogsEachSaveAtTheNextStep() {
    ActiveTracker.set(tracker);
    Dataset<Object> ds = create(Map.of("mode", "append"));
    ds.save(1.0);
    ds.save(2.0);
    ds.save(3.0);
    assertThat(tracker.metrics)
        .extracting(RecordingTracker.Logged::step)
        .containsExactly(0L, 1L, 2L);
    assertThat(((Number) ds.load()).doubleValue()).isEqualTo(3.0);
  }

  @Test
  void kedroMlflowSaveArgsModeIsAccepted() {
    ActiveTracker.set(tracker);
    Dataset<Object> ds = create(Map.of("save_args", Map.of("mode", "append")));
    ds.save(1.0);
    ds.save(1.0);
    assertThat(tracker.metrics).extracting(RecordingTracker.Logged::step).containsExactly(0L, 1L);
  }

  @Test
  void appendContinuesAfterTheRunsLastStepForThatKey() {
    tracker.logMetric("r2_score", 9.0, 6);
    ActiveTracker.set(tracker);
    create(Map.of("mode", "append")).save(1.0);
    assertThat(tracker.metrics.get(1)).isEqualTo(new RecordingTracker.Logged("r2_score", 1.0, 7));
  }

  @Test
  void withoutARunTheValueIsKeptInMemoryAndLoads() {
    Dataset<Object> ds = create(Map.of("mode", "append"));
    assertThat(ds.exists()).isFalse();
    ds.save(0.1);
    ds.save(0.2);
    assertThat(ds.exists()).isTrue();
    assertThat(((Number) ds.load()).doubleValue()).isEqualTo(0.2);
    assertThat(tracker.metrics).isEmpty();
  }

  @Test
  void loadBeforeAnySaveSaysSo() {
    assertThatThrownBy(() -> create(Map.of()).load())
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("r2_score")
        .hasMessageContaining("no value yet");
  }

  @Test
  void rejectsAKeyMlflowRefuses() {
    assertThatThrownBy(() -> create(Map.of("key", "r2(%)")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("r2(%)")
        .hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> create(Map.of("key", "a/../b")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("normal relative path");
  }

  @Test
  void rejectsUnknownKeysNamingTheClosest() {
    assertThatThrownBy(() -> create(Map.of("mdoe", "append")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'mdoe'")
        .hasMessageContaining("Did you mean: mode?")
        .hasMessageContaining("catalog.yml");
  }

  @Test
  void rejectsAnUnknownModeAndAStepWithAppend() {
    assertThatThrownBy(() -> create(Map.of("mode", "replace")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'overwrite' or 'append'");
    assertThatThrownBy(() -> create(Map.of("mode", "append", "step", 3)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("overwrite only");
  }

  @Test
  void rejectsANonNumber() {
    Dataset<Object> ds = create(Map.of());
    assertThatThrownBy(() -> ds.save("0.5"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("takes a number")
        .hasMessageContaining("MlflowMetricsDataset");
  }

  @Test
  void theFullClassNameResolvesToo() {
    assertThat(DatasetTypeRegistry.loadInstalled().find(MlflowMetricDataset.class.getName()))
        .isPresent();
  }
}
