package dev.weir.datasets.mlflow;

import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.RunScopedDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several metrics of the MLflow run at once, as kedro-mlflow's {@code MlflowMetricsDataset}. A node
 * returns a map from metric name to a number, or to kedro-mlflow's {@code {value: 0.9, step: 1}} or
 * a list of those:
 *
 * <pre>{@code
 * metrics:
 *   type: mlflow.MlflowMetricsDataset
 *   prefix: model      # optional: logged as model.r2_score, ...
 *   mode: overwrite    # or append: plain numbers go to the step after the metric's last one
 * }</pre>
 *
 * <p>The map saved is sent to the tracker in one call, so it lands in one batch. {@link #load()}
 * returns the latest value of each metric this dataset saved, keys without the prefix. Outside a
 * Weir run the values are kept in memory only, and one warning says they were not tracked.
 */
public final class MlflowMetricsDataset implements Dataset<Map<String, Object>>, RunScopedDataset {
  private static final Logger LOG = LoggerFactory.getLogger(MlflowMetricsDataset.class);
  private static final Set<String> KEYS = Set.of("prefix", "mode", "save_args");

  private final String name;
  private final @Nullable String prefix;
  private final boolean append;
  private final Map<String, List<MlflowTracker.MetricValue>> local = new LinkedHashMap<>();
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param name the dataset name, for messages
   * @param prefix put before every key with a {@code .}, or {@code null}
   * @param append whether plain numbers go to the step after the metric's last one (else step 0)
   * @throws DatasetException when the prefix breaks MLflow's key rules
   */
  public MlflowMetricsDataset(String name, @Nullable String prefix, boolean append) {
    if (prefix != null && !MlflowKeys.isValid(prefix)) {
      throw new DatasetException(
          "Dataset '"
              + name
              + "': prefix '"
              + prefix
              + "' is refused by MLflow: "
              + MlflowKeys.problem(prefix));
    }
    this.name = name;
    this.prefix = prefix;
    this.append = append;
  }

  /**
   * Logs every metric of the map.
   *
   * @param data metric name to a number, to {@code {value, step}}, or to a list of those
   * @throws DatasetException on a value of another shape or a key MLflow refuses (the key named)
   */
  @Override
  public synchronized void save(Map<String, Object> data) {
    var tracker = ActiveTracker.get();
    Map<Long, Map<String, Double>> byStep = new LinkedHashMap<>();
    Map<String, List<MlflowTracker.MetricValue>> saved = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      String key = prefix == null ? e.getKey() : prefix + "." + e.getKey();
      if (!MlflowKeys.isValid(key)) {
        throw new DatasetException(
            "Dataset '"
                + name
                + "': metric key '"
                + key
                + "' is refused by MLflow: "
                + MlflowKeys.problem(key)
                + ". Rename it in the node's output map.");
      }
      long defaultStep = 0;
      if (append) {
        List<MlflowTracker.MetricValue> history =
            tracker
                .map(t -> t.metricHistory(key))
                .orElse(local.getOrDefault(e.getKey(), List.of()));
        defaultStep =
            history.stream().mapToLong(MlflowTracker.MetricValue::step).max().orElse(-1) + 1;
      }
      for (MlflowTracker.MetricValue v : values(e.getKey(), e.getValue(), defaultStep, now)) {
        byStep.computeIfAbsent(v.step(), s -> new LinkedHashMap<>()).put(key, v.value());
        saved.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v);
      }
    }
    if (tracker.isPresent()) {
      byStep.forEach((step, metrics) -> tracker.get().logMetrics(metrics, step));
    } else if (warned.compareAndSet(false, true)) {
      LOG.warn(
          "Metrics {} of dataset '{}' are not tracked: no MLflow run is in progress (tracking"
              + " is off in mlflow.yml, or the dataset is used outside a Weir run). The values are kept in memory only.",
          saved.keySet(),
          name);
    }
    saved.forEach((k, v) -> local.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
  }

  private List<MlflowTracker.MetricValue> values(
      String key, @Nullable Object value, long defaultStep, long now) {
    if (value instanceof Number n) {
      return List.of(new MlflowTracker.MetricValue(n.doubleValue(), defaultStep, now));
    }
    if (value instanceof Map<?, ?> m && m.get("value") instanceof Number n) {
      Object step = m.get("step");
      if (step != null && !(step instanceof Number)) {
        throw shape(key, value);
      }
      long s = step == null ? defaultStep : ((Number) step).longValue();
      return List.of(new MlflowTracker.MetricValue(n.doubleValue(), s, now));
    }
    if (value instanceof List<?> list) {
      List<MlflowTracker.MetricValue> out = new ArrayList<>();
      long next = defaultStep;
      for (Object item : list) {
        if (item instanceof List<?>) {
          throw shape(key, value);
        }
        MlflowTracker.MetricValue v = values(key, item, next, now).get(0);
        out.add(v);
        next = v.step() + 1;
      }
      return out;
    }
    throw shape(key, value);
  }

  private DatasetException shape(String key, @Nullable Object value) {
    return new DatasetException(
        "Dataset '"
            + name
            + "' (mlflow.MlflowMetricsDataset): metric '"
            + key
            + "' must be a"
            + " number, {value: <number>, step: <whole number>} or a list of those; got "
            + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
  }

  /**
   * @return the latest value of each metric this dataset saved, keys as saved (without prefix)
   * @throws DatasetException when nothing was saved yet
   */
  @Override
  public synchronized Map<String, Object> load() {
    if (local.isEmpty()) {
      throw new DatasetException(
          "Dataset '"
              + name
              + "' (mlflow.MlflowMetricsDataset) has no values yet: a node must"
              + " save it earlier in the run.");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    local.forEach(
        (k, history) ->
            MlflowMetricDataset.latestOf(history).ifPresent(v -> out.put(k, v.value())));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public synchronized boolean exists() {
    return !local.isEmpty();
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("type", "mlflow.MlflowMetricsDataset");
    if (prefix != null) {
      d.put("prefix", prefix);
    }
    d.put("mode", append ? "append" : "overwrite");
    return Collections.unmodifiableMap(d);
  }

  /** The {@code mlflow.MlflowMetricsDataset} catalog type. */
  public static final class Type implements DatasetType {
    /** For {@link java.util.ServiceLoader}. */
    public Type() {}

    @Override
    public List<String> names() {
      return List.of("mlflow.MlflowMetricsDataset", MlflowMetricsDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      Specs.requireKnownKeys(spec, KEYS);
      return new MlflowMetricsDataset(
          spec.name(), spec.string("prefix"), MlflowMetricDataset.mode(spec).equals("append"));
    }
  }
}
