package dev.weir.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestSpark;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SparkRunSupportTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.session();
  }

  static Stream<Runner> runners() {
    return Stream.of(new SequentialRunner(), new ParallelRunner(2));
  }

  @ParameterizedTest
  @MethodSource("runners")
  void aDataFrameReadByTwoNodesIsPersistedDuringTheRunAndUnpersistedAfter(Runner runner) {
    List<Dataset<Row>> made = new CopyOnWriteArrayList<>();
    List<StorageLevel> seenByReaders = new CopyOnWriteArrayList<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node(
                    () -> {
                      Dataset<Row> df = spark.range(50).toDF("id");
                      made.add(df);
                      return df;
                    })
                .output("shared_df")
                .name("make")
                .build(),
            Node.node((Dataset<Row> df) -> observe(df, seenByReaders))
                .inputs("shared_df")
                .output("count_a")
                .name("read_a")
                .build(),
            Node.node((Dataset<Row> df) -> observe(df, seenByReaders))
                .inputs("shared_df")
                .output("count_b")
                .name("read_b")
                .build());

    var result = runner.run(pipeline, DataCatalog.of(new HashMap<>()), HookManager.empty(), "r");

    assertThat(result.freeOutputs()).containsEntry("count_a", 50L).containsEntry("count_b", 50L);
    assertThat(seenByReaders)
        .hasSize(2)
        .allSatisfy(level -> assertThat(level.useMemory()).isTrue());
    assertThat(made).hasSize(1);
    assertThat(made.get(0).storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void aDataFrameReadByOneNodeIsNotPersisted() {
    List<StorageLevel> seen = new CopyOnWriteArrayList<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node(() -> spark.range(5).toDF("id")).output("single_df").name("make").build(),
            Node.node((Dataset<Row> df) -> observe(df, seen))
                .inputs("single_df")
                .output("count")
                .name("read")
                .build());

    new SequentialRunner().run(pipeline, DataCatalog.of(new HashMap<>()), HookManager.empty(), "r");

    assertThat(seen).containsExactly(StorageLevel.NONE());
  }

  private static long observe(Dataset<Row> df, List<StorageLevel> seen) {
    seen.add(df.storageLevel());
    return df.count();
  }

  @Test
  void theParallelRunnerPutsEachNodeInItsOwnSchedulerPool() {
    Map<String, String> pools = new ConcurrentHashMap<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> pool(pools, "first", x))
                .inputs("x")
                .output("a")
                .name("first")
                .build(),
            Node.node((Integer x) -> pool(pools, "second", x))
                .inputs("x")
                .output("b")
                .name("second")
                .build());
    DataCatalog catalog = DataCatalog.of(new HashMap<>());
    catalog.addFeedDict(Map.of("x", 1), true);

    new ParallelRunner(2).run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(pools).containsEntry("first", "first").containsEntry("second", "second");
  }

  @Test
  void theSequentialRunnerLeavesTheSchedulerPoolAlone() {
    Map<String, String> pools = new ConcurrentHashMap<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> pool(pools, "only", x))
                .inputs("x")
                .output("a")
                .name("only")
                .build());
    DataCatalog catalog = DataCatalog.of(new HashMap<>());
    catalog.addFeedDict(Map.of("x", 1), true);

    new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(pools).containsEntry("only", "(none)");
  }

  private static Integer pool(Map<String, String> pools, String node, Integer x) {
    String pool = spark.sparkContext().getLocalProperty("spark.scheduler.pool");
    pools.put(node, pool == null ? "(none)" : pool);
    return x;
  }

  @Test
  void dataFramesAreRecognisedByClassName() {
    assertThat(SparkRunSupport.isDataFrame(spark.range(1).toDF())).isTrue();
    assertThat(SparkRunSupport.isDataFrame("text")).isFalse();
  }
}
