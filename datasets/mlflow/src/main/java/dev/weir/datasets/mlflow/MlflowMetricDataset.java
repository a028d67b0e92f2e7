package dev.weir.datasets.mlflow;

import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.RunScopedDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One metric of the MLflow run, as kedro-mlflow's {@code MlflowMetricDataset}: a node returns a
 * number and it is logged as metric {@code key}. Catalog entry:
 *
 * <pre>{@code
 * r2_score:
 *   type: mlflow.MlflowMetricDataset
 *   key: r2_score        # default: the dataset name
 *   mode: overwrite      # or append: each save is the next step (0, 1, 2, ...)
 *   step: 0              # overwrite only; default 0
 * }</pre>
 *
 * <p>kedro-mlflow's {@code save_args: {mode: append}} is accepted too. {@link #load()} returns the
 * latest value (greatest step, then latest time, as MLflow shows it) of this run. Outside a Weir
 * run the value is kept in this dataset's memory only, and one warning says it was not tracked.
 *
 * <p>Typed {@code Object} rather than {@code Number} so that a node returning something else gets
 * this dataset's message instead of a bare {@link ClassCastException}.
 */
public final class MlflowMetricDataset implements Dataset<Object>, RunScopedDataset {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowMetricDataset.class);
  private static final Set<String> KEYS = Set.of("key", "mode", "step", "save_args");

  private final String name;
  private final String key;
  private final boolean append;
  private final long step;
  private final List<MlflowTracker.MetricValue> localHistory = new ArrayList<>();
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param name the dataset name, for messages
   * @param key the metric key
   * @param append whether each save is a new step after the last one
   * @param step the step of an overwrite save
   * @throws DatasetException when the key breaks MLflow's rules or the step is negative
   */
  public MlflowMetricDataset(String name, String key, boolean append, long step) {
    if (!MlflowKeys.isValid(key)) {
      throw new DatasetException(
          "Dataset '"
              + name
              + "': metric key '"
              + key
              + "' is refused by MLflow: "
              + MlflowKeys.problem(key)
              + ". Set 'key:' to a valid name.");
    }
    if (step < 0) {
      throw new DatasetException("Dataset '" + name + "': 'step' must be 0 or more, got " + step);
    }
    this.name = name;
    this.key = key;
    this.append = append;
    this.step = step;
  }

  /**
   * @return the metric key
   */
  public String key() {
    return key;
  }

  /**
   * Logs the value to the run in progress.
   *
   * @param data a number (converted with {@link Number#doubleValue()})
   * @throws DatasetException when data is not a number
   */
  @Override
  public synchronized void save(Object data) {
    if (!(data instanceof Number number)) {
      throw new DatasetException(
          "Dataset '"
              + name
              + "' (mlflow.MlflowMetricDataset) takes a number, got "
              + data.getClass().getName()
              + ". Return a double from the node, or use"
              + " mlflow.MlflowMetricsDataset for a map of metrics.");
    }
    double value = number.doubleValue();
    var tracker = ActiveTracker.get();
    List<MlflowTracker.MetricValue> history =
        tracker.map(t -> t.metricHistory(key)).orElse(localHistory);
    long saveStep =
        append
            ? history.stream().mapToLong(MlflowTracker.MetricValue::step).max().orElse(-1) + 1
            : step;
    if (tracker.isPresent()) {
      tracker.get().logMetric(key, value, saveStep);
    } else if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "Metric '{}' of dataset '{}' is not tracked: no MLflow run is in progress (tracking"
              + " is off in mlflow.yml, or the dataset is used outside a Weir run). The value is kept in memory only.",
          key,
          name);
    }
    localHistory.add(new MlflowTracker.MetricValue(value, saveStep, System.currentTimeMillis()));
  }

  /**
   * @return the latest value of this run: greatest step, then latest
   * @throws DatasetException when no value was saved yet
   */
  @Override
  public synchronized Object load() {
    return latest()
        .orElseThrow(
            () ->
                new DatasetException(
                    "Dataset '"
                        + name
                        + "' (mlflow.MlflowMetricDataset, key '"
                        + key
                        + "') has no value yet: a node must save it earlier in the run."));
  }

  private java.util.Optional<Double> latest() {
    List<MlflowTracker.MetricValue> history =
        ActiveTracker.get().map(t -> t.metricHistory(key)).orElse(List.of());
    if (history.isEmpty()) {
      history = localHistory;
    }
    return latestOf(history).map(MlflowTracker.MetricValue::value);
  }

  /** The greatest step, then the latest time; among equals the one recorded last. */
  static java.util.Optional<MlflowTracker.MetricValue> latestOf(
      List<MlflowTracker.MetricValue> history) {
    Comparator<MlflowTracker.MetricValue> order =
        Comparator.comparingLong(MlflowTracker.MetricValue::step)
            .thenComparingLong(MlflowTracker.MetricValue::timestamp);
    MlflowTracker.@Nullable MetricValue best = null;
    for (MlflowTracker.MetricValue v : history) {
      if (best == null || order.compare(v, best) >= 0) {
        best = v;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  @Override
  public synchronized boolean exists() {
    return latest().isPresent();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "mlflow.MlflowMetricDataset");
    d.put("key", key);
    d.put("mode", append ? "append" : "overwrite");
    return java.util.Collections.unmodifiableMap(d);
  }

  /** The {@code mlflow.MlflowMetricDataset} catalog type. */
  public static final class Type implements DatasetType {
    /** For {@link java.util.ServiceLoader}. */
    public Type() {}

    @Override
    public List<String> names() {
      return List.of("mlflow.MlflowMetricDataset", MlflowMetricDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, KEYS);
      String key = spec.string("key");
      String mode = mode(spec);
      long step = 0;
      if (spec.config().get("step") != null) {
        if (mode.equals("append")) {
          throw new DatasetException(
              "Dataset '"
                  + spec.name()
                  + "': 'step' applies to mode overwrite only; append"
                  + " saves each value at the step after the last one. Remove 'step'.");
        }
        step = longValue(spec, "step");
      }
      return new MlflowMetricDataset(
          spec.name(), key == null ? spec.name() : key, mode.equals("append"), step);
    }
  }

  static String mode(DatasetSpec spec) {
    @Nullable Object mode = spec.config().get("mode");
    if (mode == null) {
      mode = spec.map("save_args").get("mode");
    }
    String m = mode == null ? "overwrite" : mode.toString().toLowerCase(Locale.ROOT);
    if (!m.equals("overwrite") && !m.equals("append")) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': mode must be 'overwrite' or 'append', got '"
              + mode
              + "'"
              + (spec.source() == null ? "" : " (in " + spec.source() + ")"));
    }
    return m;
  }

  static long longValue(DatasetSpec spec, String key) {
    Object v = spec.config().get(key);
    try {
      return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
    } catch (NumberFormatException e) {
      throw new DatasetException(
          "Dataset '" + spec.name() + "': '" + key + "' must be a whole number, got '" + v + "'");
    }
  }
}
