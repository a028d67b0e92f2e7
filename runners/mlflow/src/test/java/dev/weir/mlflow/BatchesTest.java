package dev.weir.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.mlflow.TrackingStore.KeyValue;
import dev.weir.mlflow.TrackingStore.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {
  private static List<KeyValue> kv(int n, String prefix, int valueLength) {
    return IntStream.range(0, n)
        .mapToObj(i -> new KeyValue(prefix + i, "v".repeat(valueLength)))
        .toList();
  }

  @Test
  void twoHundredFiftyParamsMakeThreeBatches() {
    List<Batches.Batch> batches = Batches.split(List.of(), kv(250, "p", 3), List.of());
    assertThat(batches).extracting(b -> b.params().size()).containsExactly(100, 100, 50);
  }

  @Test
  void paramsAndTagsShareTheHundred() {
    List<Batches.Batch> batches = Batches.split(List.of(), kv(60, "p", 1), kv(60, "t", 1));
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0).params().size() + batches.get(0).tags().size()).isEqualTo(100);
    assertThat(batches.get(1).params().size() + batches.get(1).tags().size()).isEqualTo(20);
  }

  @Test
  void metricsGoAThousandAtATimeAndEntitiesStayUnderAThousand() {
    List<Metric> metrics = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      metrics.add(new Metric("node_duration.n" + i, i, 1, 0));
    }
    List<Batches.Batch> batches = Batches.split(metrics, kv(50, "p", 1), List.of());
    for (Batches.Batch b : batches) {
      assertThat(b.metrics().size()).isLessThanOrEqualTo(1000);
      assertThat(b.metrics().size() + b.params().size() + b.tags().size())
          .isLessThanOrEqualTo(1000);
    }
    assertThat(batches.stream().mapToInt(b -> b.metrics().size()).sum()).isEqualTo(2500);
    assertThat(batches.stream().mapToInt(b -> b.params().size()).sum()).isEqualTo(50);
    assertThat(batches).hasSize(3);
  }

  @Test
  void requestsStayUnderOneMegabyte() {
    // 100 tags of 8,000 escaped characters would be ~4.8 MB in JSON: split by size, not count.
    List<KeyValue> tags =
        kv(100, "t", 0).stream().map(t -> new KeyValue(t.key(), "<".repeat(8000))).toList();
    List<Batches.Batch> batches = Batches.split(List.of(), List.of(), tags);
    assertThat(batches.size()).isGreaterThan(1);
    for (Batches.Batch b : batches) {
      int bytes =
          b.tags().stream()
              .mapToInt(t -> 32 + Batches.jsonSize(t.key()) + Batches.jsonSize(t.value()))
              .sum();
      assertThat(bytes).isLessThan(1_000_000);
    }
    assertThat(batches.stream().mapToInt(b -> b.tags().size()).sum()).isEqualTo(100);
  }

  @Test
  void nothingToSendMakesNoBatch() {
    assertThat(Batches.split(List.of(), List.of(), List.of())).isEmpty();
  }
}
