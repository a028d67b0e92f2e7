package dev.weir.mlflow;

import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits records into {@code runs/log-batch} requests that MLflow's server accepts
 * (mlflow/utils/validation.py {@code _validate_batch_log_limits}, {@code
 * MAX_BATCH_LOG_REQUEST_SIZE}): at most 1,000 metrics, 100 params and tags together, 1,000
 * entities, and under 1 MB of request body. The MLflow Java client sends whatever it is given in
 * one request.
 */
final class Batches {
  static final int MAX_METRICS = 1000;
  static final int MAX_PARAMS_AND_TAGS = 100;
  static final int MAX_ENTITIES = 1000;

  /** 1 MB minus room for the run id and the JSON envelope. */
  static final int MAX_BYTES = 1_000_000 - 4_096;

  private Batches() {}

  /**
   * One request's worth of records.
   *
   * @param metrics metrics
   * @param params params
   * @param tags tags
   */
  record Batch(List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    Batch {
      metrics = List.copyOf(metrics);
      params = List.copyOf(params);
      tags = List.copyOf(tags);
    }
  }

  /**
   * @return batches in order: params first, then tags, then metrics; empty when there is nothing
   */
  static List<Batch> split(List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {
    return split(metrics, params, tags, MAX_BYTES);
  }

  static List<Batch> split(
      List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags, int maxBytes) {
    List<Batch> out = new ArrayList<>();
    Builder b = new Builder();
    for (KeyValue p : params) {
      int size = 32 + jsonSize(p.key()) + jsonSize(p.value());
      if (!b.fits(0, 1, size, maxBytes)) {
        out.add(b.build());
        b = new Builder();
      }
      b.params.add(p);
      b.bytes += size;
    }
    for (KeyValue t : tags) {
      int size = 32 + jsonSize(t.key()) + jsonSize(t.value());
      if (!b.fits(0, 1, size, maxBytes)) {
        out.add(b.build());
        b = new Builder();
      }
      b.tags.add(t);
      b.bytes += size;
    }
    for (Metric m : metrics) {
      int size = 96 + jsonSize(m.key());
      if (!b.fits(1, 0, size, maxBytes)) {
        out.add(b.build());
        b = new Builder();
      }
      b.metrics.add(m);
      b.bytes += size;
    }
    if (!b.isEmpty()) {
      out.add(b.build());
    }
    return out;
  }

  /**
   * An upper bound of a string's size in the client's JSON: protobuf's JsonFormat escapes quotes,
   * backslashes, control characters, HTML-sensitive and non-ASCII characters as {@code \}{@code
   * uXXXX} (6 bytes).
   */
  static int jsonSize(String s) {
    int n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += (c < 0x20 || c > 0x7e || "\"\\<>&='".indexOf(c) >= 0) ? 6 : 1;
    }
    return n;
  }

  private static final class Builder {
    final List<Metric> metrics = new ArrayList<>();
    final List<KeyValue> params = new ArrayList<>();
    final List<KeyValue> tags = new ArrayList<>();
    int bytes;

    boolean fits(int addMetrics, int addParamsOrTags, int size, int maxBytes) {
      int m = metrics.size() + addMetrics;
      int pt = params.size() + tags.size() + addParamsOrTags;
      return isEmpty()
          || (m <= MAX_METRICS
              && pt <= MAX_PARAMS_AND_TAGS
              && m + pt <= MAX_ENTITIES
              && bytes + size <= maxBytes);
    }

    boolean isEmpty() {
      return metrics.isEmpty() && params.isEmpty() && tags.isEmpty();
    }

    Batch build() {
      return new Batch(metrics, params, tags);
    }
  }
}
