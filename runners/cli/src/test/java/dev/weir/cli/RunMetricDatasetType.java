package dev.weir.cli;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.RunScopedDataset;
import java.util.List;
import java.util.Map;

/**
 * {@code test.RunMetricDataset}: a value kept for the run in progress only, as an MLflow metric
 * dataset keeps its metric in the active MLflow run. Like it, {@link Dataset#exists()} answers for
 * the run in progress, so before a run it is always {@code false}. Registered in test {@code
 * META-INF/services/dev.weir.io.DatasetType}.
 */
public final class RunMetricDatasetType implements DatasetType {

  @Override
  public List<String> names() {
    return List.of("test.RunMetricDataset");
  }

  @Override
  public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
    return new RunMetric();
  }

  /** The dataset: what was saved in this JVM's run, never found before it. */
  static final class RunMetric implements Dataset<Object>, RunScopedDataset {
    private Object value = "";
    private boolean saved;

    @Override
    public synchronized Object load() {
      return value;
    }

    @Override
    public synchronized void save(Object data) {
      value = data;
      saved = true;
    }

    @Override
    public synchronized boolean exists() {
      return saved;
    }

    @Override
    public void release() {}

    @Override
    public Map<String, Object> describe() {
      return Map.of("type", "test.RunMetricDataset");
    }
  }
}
