package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Catalog expectations on the embedded classic session, plus what only a classic session can show:
 * the number of Spark jobs, counted per job group with the {@code SparkStatusTracker}.
 */
class ClassicExpectationsTest extends ExpectationsContract {
  @Override
  SparkSession spark() {
    return SharedSpark.classic();
  }

  private org.apache.spark.sql.Dataset<Row> numbers() {
    return spark().range(0, 10_000, 1, 2).selectExpr("id", "id % 7 AS price", "id % 3 AS rating");
  }

  private static Map<String, Object> expectations(int n) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("positive", Map.of("expr", "price > 0", "on_violation", "drop"));
    all.put("rated", "rating BETWEEN 0 AND 1");
    all.put("small", Map.of("expr", "id < 100000", "on_violation", "fail"));
    Map<String, Object> some = new LinkedHashMap<>();
    all.entrySet().stream().limit(n).forEach(e -> some.put(e.getKey(), e.getValue()));
    return some;
  }

  /** The jobs Spark ran for {@code body}, counted once the status tracker has seen them all. */
  private int jobs(String group, Runnable body) throws InterruptedException {
    SparkContext sc = spark().sparkContext();
    sc.setJobGroup(group, group, false);
    try {
      body.run();
    } finally {
      sc.clearJobGroup();
    }
    int seen = -1;
    int stable = 0;
    for (int i = 0; i < 50 && stable < 3; i++) {
      Thread.sleep(100);
      int now = sc.statusTracker().getJobIdsForGroup(group).length;
      stable = now == seen ? stable + 1 : 0;
      seen = now;
    }
    return seen;
  }

  @Test
  void oneAggregationChecksEveryExpectation() throws InterruptedException {
    var ctx = context();
    SparkExpectations one =
        SparkExpectations.of(
            new DatasetSpec(
                "t",
                "spark.DeltaTableDataset",
                Map.of("expectations", expectations(1)),
                Map.of(),
                null));
    SparkExpectations three =
        SparkExpectations.of(
            new DatasetSpec(
                "t",
                "spark.DeltaTableDataset",
                Map.of("expectations", expectations(3)),
                Map.of(),
                null));
    int checkOne = jobs("check-one", () -> one.check(numbers(), "save", ctx));
    int checkThree = jobs("check-three", () -> three.check(numbers(), "save", ctx));
    assertThat(checkOne).isPositive();
    assertThat(checkThree).isEqualTo(checkOne);

    var plain = create(new DeltaTableDataset.Type(), "plain", Map.of("filepath", "data/plain"));
    var checked =
        create(new DeltaTableDataset.Type(), "checked", delta("checked", expectations(3)));
    int savePlain = jobs("save-plain", () -> plain.save(numbers()));
    int saveChecked = jobs("save-checked", () -> checked.save(numbers()));
    assertThat(saveChecked - savePlain).isEqualTo(checkThree);
    assertThat(reported)
        .filteredOn(r -> r.dataset().equals("checked"))
        .extracting(r -> r.expectation().name() + "=" + r.violations())
        .containsExactly("positive=1429", "rated=3333", "small=0");
  }
}
