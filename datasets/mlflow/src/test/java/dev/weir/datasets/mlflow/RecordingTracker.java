package dev.weir.datasets.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tracker that records calls, as the runners' MLflow run would receive them. */
final class RecordingTracker implements MlflowTracker {
  record Logged(String key, double value, long step) {}

  record Call(Map<String, Double> metrics, long step) {}

  record ArtifactCall(Path file, @Nullable String artifactPath, byte[] content) {}

  final List<Logged> metrics = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();
  final List<ArtifactCall> artifacts = new ArrayList<>();

  @Override
  public String runId() {
    return "0123456789abcdef0123456789abcdef";
  }

  @Override
  public synchronized void logMetric(String key, double value, long step) {
    logMetrics(Map.of(key, value), step);
  }

  @Override
  public synchronized void logMetrics(Map<String, Double> values, long step) {
    calls.add(new Call(Map.copyOf(values), step));
    values.forEach((k, v) -> metrics.add(new Logged(k, v, step)));
  }

  @Override
  public synchronized List<MetricValue> metricHistory(String key) {
    return metrics.stream()
        .filter(m -> m.key().equals(key))
        .map(m -> new MetricValue(m.value(), m.step(), 0))
        .toList();
  }

  @Override
  public synchronized void logArtifact(Path file, @Nullable String artifactPath) {
    try {
      artifacts.add(new ArtifactCall(file, artifactPath, Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
