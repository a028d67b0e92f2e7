package dev.weir.datasets.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetTypeRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowMetricsDatasetTest {
  @TempDir Path project;
  private final RecordingTracker tracker = new RecordingTracker();

  @AfterEach
  void clearTracker() {
    ActiveTracker.clear(tracker);
  }

  @SuppressWarnings("unchecked")
  private Dataset<Map<String, Object>> create(Map<String, Object> config) {
    return (Dataset<Map<String, Object>>)
        DatasetTypeRegistry.loadInstalled()
            .get("mlflow.MlflowMetricsDataset")
            .create(
                new DatasetSpec("metrics", "mlflow.MlflowMetricsDataset", config, Map.of(), null),
                DatasetContext.of(project));
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void aMapOfNumbersIsLoggedInOneCallAtStepZero() {
    ActiveTracker.set(tracker);
    Dataset<Map<String, Object>> ds = create(Map.of());
    ds.save(ordered("r2_score", 0.9, "mae", 1200L, "max_error", 5));
    assertThat(tracker.calls)
        .containsExactly(
            new RecordingTracker.Call(Map.of("r2_score", 0.9, "mae", 1200.0, "max_error", 5.0), 0));
    assertThat(ds.load()).isEqualTo(Map.of("r2_score", 0.9, "mae", 1200.0, "max_error", 5.0));
  }

  @Test
  void aPrefixGoesBeforeEveryKey() {
    ActiveTracker.set(tracker);
    create(Map.of("prefix", "model")).save(ordered("r2_score", 0.9));
    assertThat(tracker.metrics)
        .containsExactly(new RecordingTracker.Logged("model.r2_score", 0.9, 0));
  }

  @Test
  void kedroMlflowValueAndStepShapesAreLoggedAtTheirSteps() {
    ActiveTracker.set(tracker);
    create(Map.of())
        .save(
            ordered(
                "loss", List.of(Map.of("value", 0.5, "step", 1), Map.of("value", 0.25, "step", 2)),
                "acc", Map.of("value", 0.8, "step", 2)));
    assertThat(tracker.metrics)
        .containsExactlyInAnyOrder(
            new RecordingTracker.Logged("loss", 0.5, 1),
            new RecordingTracker.Logged("loss", 0.25, 2),
            new RecordingTracker.Logged("acc", 0.8, 2));
    assertThat(tracker.calls).extracting(RecordingTracker.Call::step).containsExactly(1L, 2L);
  }

  @Test
  void appendPutsPlainNumbersAfterTheLastStep() {
    ActiveTracker.set(tracker);
    Dataset<Map<String, Object>> ds = create(Map.of("mode", "append"));
    ds.save(ordered("loss", 0.5));
    ds.save(ordered("loss", 0.4));
    assertThat(tracker.metrics).extracting(RecordingTracker.Logged::step).containsExactly(0L, 1L);
  }

  @Test
  void nanIsPassedOnAsMlflowKeepsIt() {
    ActiveTracker.set(tracker);
    create(Map.of()).save(ordered("r2_score", Double.NaN));
    assertThat(tracker.metrics.get(0).value()).isNaN();
  }

  @Test
  void aBadShapeOrKeyNamesTheMetric() {
    ActiveTracker.set(tracker);
    Dataset<Map<String, Object>> ds = create(Map.of());
    assertThatThrownBy(() -> ds.save(ordered("r2_score", "high")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'r2_score'")
        .hasMessageContaining("{value: <number>, step: <whole number>}");
    assertThatThrownBy(() -> ds.save(ordered("mae(%)", 1)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'mae(%)'");
    assertThat(tracker.metrics).isEmpty();
  }

  @Test
  void withoutARunValuesAreKeptInMemory() {
    Dataset<Map<String, Object>> ds = create(Map.of());
    assertThat(ds.exists()).isFalse();
    ds.save(ordered("r2_score", 0.9));
    assertThat(ds.load()).isEqualTo(Map.of("r2_score", 0.9));
    assertThatThrownBy(() -> create(Map.of()).load())
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no values yet");
  }
}
