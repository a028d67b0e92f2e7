package dev.weir.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.hooks.DatasetLoadedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.MemoryDataset;
import dev.weir.node.Node;
import dev.weir.params.ParameterBindingException;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.RecordingHook;
import dev.weir.testing.StoredDataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RunnerTest {

  static Stream<Runner> runners() {
    return Stream.of(new SequentialRunner(), new ParallelRunner(4));
  }

  private static DataCatalog catalog(Map<String, Dataset<?>> datasets) {
    return DataCatalog.of(new HashMap<>(datasets));
  }

  private static MemoryDataset<Object> memory(Object value) {
    return new MemoryDataset<>(value, "assign");
  }

  /** A dataset whose first load takes {@code millis}, as a load that starts Spark does. */
  private static Dataset<Object> slowFirstLoad(long millis, boolean reportsItsStartUp) {
    return new Dataset<>() {
      @Override
      public Object load() {
        long start = System.nanoTime();
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (reportsItsStartUp) {
          ExcludedTime.add(System.nanoTime() - start);
        }
        return 1;
      }

      @Override
      public void save(Object data) {}

      @Override
      public boolean exists() {
        return true;
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of("type", "slow");
      }
    };
  }

  /**
   * Spark's start-up, done inside a node's first load, is reported by the session through {@link
   * ExcludedTime} and left out of that node's duration; other slow loads are the node's own.
   */
  @ParameterizedTest
  @MethodSource("runners")
  void aNodesDurationLeavesOutTheStartUpItsLoadReported(Runner runner) {
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> x).inputs("started").output("a").name("first").build(),
            Node.node((Integer x) -> x).inputs("slow").output("b").name("second").build());
    DataCatalog catalog =
        catalog(Map.of("started", slowFirstLoad(400, true), "slow", slowFirstLoad(400, false)));

    RunnerResult result = runner.run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(result.nodeSeconds().get("first")).isLessThan(0.3);
    assertThat(result.nodeSeconds().get("second")).isGreaterThanOrEqualTo(0.4);
  }

  @Test
  void sequentialRunnerRunsNodesInTopologicalOrder() {
    List<String> ran = new CopyOnWriteArrayList<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer d) -> record(ran, "d", d))
                .inputs("c")
                .output("out")
                .name("d")
                .build(),
            Node.node((Integer a) -> record(ran, "b", a))
                .inputs("a")
                .output("b_out")
                .name("b")
                .build(),
            Node.node((Integer b, Integer a) -> record(ran, "c", b + a))
                .inputs("b_out", "a")
                .output("c")
                .name("c")
                .build(),
            Node.node((Integer x) -> record(ran, "a", x))
                .inputs("x")
                .output("a")
                .name("a")
                .build());
    DataCatalog catalog = catalog(Map.of("x", memory(1)));

    RunnerResult result = new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(ran).containsExactly("a", "b", "c", "d");
    assertThat(ran).containsExactlyElementsOf(pipeline.nodes().stream().map(Node::name).toList());
    assertThat(result.freeOutputs()).containsEntry("out", 2);
    assertThat(result.nodeSeconds()).containsOnlyKeys("a", "b", "c", "d");
  }

  private static Integer record(List<String> ran, String name, Integer value) {
    ran.add(name);
    return value;
  }

  @Test
  void parallelRunnerRunsIndependentNodesConcurrently() {
    // Each node waits until both are inside their functions: they only finish if they overlap.
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> awaitOther(bothRunning, 30, x))
                .inputs("x")
                .output("left")
                .name("left")
                .build(),
            Node.node((Integer x) -> awaitOther(bothRunning, 30, x + 1))
                .inputs("x")
                .output("right")
                .name("right")
                .build());

    RunnerResult result =
        new ParallelRunner(2)
            .run(pipeline, catalog(Map.of("x", memory(1))), HookManager.empty(), "r");

    assertThat(result.freeOutputs()).containsEntry("left", 1).containsEntry("right", 2);
  }

  @Test
  void oneWorkerCannotOverlapSoTheBarrierBreaks() {
    // The negative control of the test above: with one thread the barrier times out.
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> awaitOther(bothRunning, 1, x))
                .inputs("x")
                .output("left")
                .name("left")
                .build(),
            Node.node((Integer x) -> awaitOther(bothRunning, 1, x))
                .inputs("x")
                .output("right")
                .name("right")
                .build());

    assertThatThrownBy(
            () ->
                new ParallelRunner(1)
                    .run(pipeline, catalog(Map.of("x", memory(1))), HookManager.empty(), "r"))
        .isInstanceOf(NodeFailedException.class);
  }

  private static Integer awaitOther(CyclicBarrier barrier, int seconds, Integer value)
      throws Exception {
    barrier.await(seconds, TimeUnit.SECONDS);
    return value;
  }

  @Test
  void parallelRunnerDefaultsToAtMostOneThreadPerNode() {
    assertThat(new ParallelRunner().workers(1)).isEqualTo(1);
    assertThat(new ParallelRunner(3).workers(10)).isEqualTo(3);
    assertThat(new ParallelRunner(8).workers(2)).isEqualTo(2);
    assertThatThrownBy(() -> new ParallelRunner(0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--max-workers");
  }

  @ParameterizedTest
  @MethodSource("runners")
  void hooksFireInKedrosOrderForEveryNode(Runner runner) {
    RecordingHook hook = new RecordingHook();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer a, Integer factor) -> a * factor)
                .inputs("a", "params:factor")
                .output("b")
                .name("first")
                .build(),
            Node.node((Integer b) -> b + 1).inputs("b").output("c").name("second").build());
    DataCatalog catalog = catalog(Map.of("a", memory(2)));
    catalog.addParameters(Map.of("factor", 5));

    RunnerResult result = runner.run(pipeline, catalog, HookManager.of(hook), "run-1");

    assertThat(result.freeOutputs()).containsEntry("c", 11);
    assertThat(hook.forNode("first"))
        .containsExactly(
            "beforeDatasetLoaded:a",
            "afterDatasetLoaded:a",
            "beforeDatasetLoaded:params:factor",
            "afterDatasetLoaded:params:factor",
            "beforeNodeRun",
            "afterNodeRun",
            "beforeDatasetSaved:b",
            "afterDatasetSaved:b");
    assertThat(hook.forNode("second"))
        .containsExactly(
            "beforeDatasetLoaded:b",
            "afterDatasetLoaded:b",
            "beforeNodeRun",
            "afterNodeRun",
            "beforeDatasetSaved:c",
            "afterDatasetSaved:c");
    assertThat(hook.asyncFlags()).containsOnly(runner instanceof ParallelRunner);
  }

  @ParameterizedTest
  @MethodSource("runners")
  void aFailingNodeGetsOnNodeErrorAndNothingIsSaved(Runner runner) {
    RecordingHook hook = new RecordingHook();
    Pipeline pipeline =
        Pipeline.of(
            Node.node(
                    (Integer a) -> {
                      throw new IllegalStateException("boom");
                    })
                .inputs("a")
                .output("b")
                .name("broken")
                .build());

    assertThatThrownBy(
            () -> runner.run(pipeline, catalog(Map.of("a", memory(1))), HookManager.of(hook), "r"))
        .isInstanceOf(NodeFailedException.class)
        .hasMessageContaining("Node 'broken' failed")
        .hasMessageContaining("IllegalStateException: boom")
        .hasMessageContaining("inputs: a")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(hook.forNode("broken"))
        .containsExactly(
            "beforeDatasetLoaded:a", "afterDatasetLoaded:a", "beforeNodeRun", "onNodeError");
  }

  @Test
  void beforeNodeRunCanReplaceInputs() {
    dev.weir.hooks.Hook replacing =
        new dev.weir.hooks.Hook() {
          @Override
          public Map<String, Object> beforeNodeRun(NodeRunEvent event) {
            boolean a = event.isAsync();
            return Map.of("a", 10);
          }
        };
    Pipeline pipeline =
        Pipeline.of(Node.node((Integer a) -> a + 1).inputs("a").output("b").name("n").build());

    RunnerResult result =
        new SequentialRunner()
            .run(pipeline, catalog(Map.of("a", memory(1))), HookManager.of(replacing), "r");

    assertThat(result.freeOutputs()).containsEntry("b", 11);
  }

  @Test
  void aThrowingHookFailsTheNodeAndNamesTheHook() {
    dev.weir.hooks.Hook failing =
        new dev.weir.hooks.Hook() {
          @Override
          public void afterDatasetLoaded(DatasetLoadedEvent event) {
            throw new IllegalArgumentException("hook bug");
          }
        };
    Pipeline pipeline =
        Pipeline.of(Node.node((Integer a) -> a + 1).inputs("a").output("b").name("n").build());

    assertThatThrownBy(
            () ->
                new SequentialRunner()
                    .run(pipeline, catalog(Map.of("a", memory(1))), HookManager.of(failing), "r"))
        .isInstanceOf(NodeFailedException.class)
        .cause()
        .isInstanceOf(HookException.class)
        .hasMessageContaining("afterDatasetLoaded")
        .hasMessageContaining("hook bug");
  }

  @Test
  void memoryDataIsReleasedAfterItsLastConsumer() {
    List<Boolean> sharedExistsWhenLastReaderRan = new ArrayList<>();
    List<Boolean> firstExistsAtTheEnd = new ArrayList<>();
    DataCatalog[] holder = new DataCatalog[1];
    StoredDataset stored = new StoredDataset(null);
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer x) -> x + 1).inputs("x").output("shared").name("n1").build(),
            Node.node((Integer s) -> s * 2).inputs("shared").output("twice").name("n2").build(),
            Node.node(
                    (Integer s, Integer t) -> {
                      sharedExistsWhenLastReaderRan.add(holder[0].exists("shared"));
                      return s + t;
                    })
                .inputs("shared", "twice")
                .output("sum")
                .name("n3")
                .build(),
            Node.node(
                    (Integer sum) -> {
                      firstExistsAtTheEnd.add(holder[0].exists("shared"));
                      firstExistsAtTheEnd.add(holder[0].exists("twice"));
                      return sum;
                    })
                .inputs("sum")
                .output("stored")
                .name("n4")
                .build());
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("x", memory(1));
    datasets.put("stored", stored);
    holder[0] = catalog(datasets);

    new SequentialRunner().run(pipeline, holder[0], HookManager.empty(), "r");

    assertThat(sharedExistsWhenLastReaderRan).containsExactly(true);
    assertThat(firstExistsAtTheEnd).containsExactly(false, false);
    assertThat(holder[0].exists("sum")).isFalse();
    assertThat(holder[0].exists("x")).as("free inputs are kept").isTrue();
    assertThat(stored.value()).isEqualTo(6);
    assertThat(stored.releases()).as("free outputs are not released").isZero();
  }

  @Test
  void outputsNotInTheCatalogBecomeMemoryDatasets() {
    Pipeline pipeline =
        Pipeline.of(Node.node((Integer a) -> a + 1).inputs("a").output("fresh").name("n").build());
    DataCatalog catalog = catalog(Map.of("a", memory(1)));

    new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(catalog.contains("fresh")).isTrue();
    assertThat(catalog.isMemory("fresh")).isTrue();
    assertThat(catalog.load("fresh")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("runners")
  void missingFreeInputsAreAllNamedBeforeAnythingRuns(Runner runner) {
    List<String> ran = new CopyOnWriteArrayList<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer a) -> record(ran, "n1", a))
                .inputs("a")
                .output("b")
                .name("n1")
                .build(),
            Node.node((Integer b, Integer c, Integer d) -> b)
                .inputs("b", "companies_raw", "params:missing")
                .output("e")
                .name("n2")
                .build());

    assertThatThrownBy(
            () -> runner.run(pipeline, catalog(Map.of("a", memory(1))), HookManager.empty(), "r"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("companies_raw")
        .hasMessageContaining("params:missing")
        .hasMessageContaining("catalog");
    assertThat(ran).isEmpty();
  }

  /** Parameters a node declares as a record. */
  public record Options(double testSize, int randomState) {}

  static Integer useOptions(Integer data, Options options) {
    return data + options.randomState();
  }

  @ParameterizedTest
  @MethodSource("runners")
  void parametersAreBoundForEveryNodeBeforeAnyNodeRuns(Runner runner) {
    List<String> ran = new CopyOnWriteArrayList<>();
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer a) -> record(ran, "first", a))
                .inputs("a")
                .output("b")
                .name("first")
                .build(),
            Node.node(RunnerTest::useOptions)
                .inputs("b", "params:options")
                .output("c")
                .name("second")
                .build());
    DataCatalog catalog = catalog(Map.of("a", memory(1)));
    catalog.addParameters(Map.of("options", Map.of("test_size", "not a number")));

    assertThatThrownBy(() -> runner.run(pipeline, catalog, HookManager.empty(), "r"))
        .isInstanceOf(ParameterBindingException.class)
        .hasMessageContaining("second")
        .hasMessageContaining("params:options");
    assertThat(ran).as("no node ran").isEmpty();
  }

  @Test
  void boundParametersReachTheNodeAsRecords() {
    Pipeline pipeline =
        Pipeline.of(
            Node.node(RunnerTest::useOptions)
                .inputs("a", "params:options")
                .output("c")
                .name("uses_options")
                .build());
    DataCatalog catalog = catalog(Map.of("a", memory(1)));
    catalog.addParameters(Map.of("options", Map.of("test_size", 0.2, "random_state", 3)));

    RunnerResult result = new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "r");

    assertThat(result.freeOutputs()).containsEntry("c", 4);
  }

  @Test
  void parallelFailureLetsRunningNodesFinishAndStartsNothingElse() {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch failureReported = new CountDownLatch(1);
    dev.weir.hooks.Hook signal =
        new dev.weir.hooks.Hook() {
          @Override
          public void onNodeError(NodeErrorEvent event) {
            failureReported.countDown();
          }
        };
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Pipeline pipeline =
        Pipeline.of(
            Node.node(
                    (Integer x) -> {
                      slowStarted.await(30, TimeUnit.SECONDS);
                      throw new IllegalStateException("fast failure");
                    })
                .inputs("x")
                .output("failed_out")
                .name("fails")
                .build(),
            Node.node(
                    (Integer x) -> {
                      slowStarted.countDown();
                      failureReported.await(30, TimeUnit.SECONDS);
                      ran.add("slow");
                      return x;
                    })
                .inputs("x")
                .output("slow_out")
                .name("slow")
                .build(),
            Node.node((Integer s) -> record(ran, "after_slow", s))
                .inputs("slow_out")
                .output("end")
                .name("after_slow")
                .build());
    StoredDataset slowOut = new StoredDataset(null);
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("x", memory(1));
    datasets.put("slow_out", slowOut);

    assertThatThrownBy(
            () ->
                new ParallelRunner(2).run(pipeline, catalog(datasets), HookManager.of(signal), "r"))
        .isInstanceOf(NodeFailedException.class)
        .hasMessageContaining("Node 'fails' failed");
    assertThat(ran).containsExactly("slow");
    assertThat(slowOut.value()).as("the running node finished and saved").isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("runners")
  void theResumeHintGoesBackToTheNearestPersistedInputs(Runner runner) {
    // raw -> n1 -> persisted -> n2 -> mem1 -> n3 (fails) -> mem2 -> n4 -> out
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer r) -> r).inputs("raw").output("persisted").name("n1").build(),
            Node.node((Integer p) -> p).inputs("persisted").output("mem1").name("n2").build(),
            Node.node(
                    (Integer m) -> {
                      throw new IllegalStateException("broken n3");
                    })
                .inputs("mem1")
                .output("mem2")
                .name("n3")
                .build(),
            Node.node((Integer m) -> m).inputs("mem2").output("out").name("n4").build());
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("raw", new StoredDataset(1));
    datasets.put("persisted", new StoredDataset(null));

    assertThatThrownBy(() -> runner.run(pipeline, catalog(datasets), HookManager.empty(), "r"))
        .isInstanceOfSatisfying(
            NodeFailedException.class,
            e -> {
              assertThat(e.nodeName()).isEqualTo("n3");
              assertThat(e.resumeFromNodes()).containsExactly("n2");
              assertThat(e.resumeCommand()).hasValue("weir run --from-nodes n2");
              assertThat(e.nodesNotRun()).isEqualTo(2);
              assertThat(e.completedNodeSeconds()).containsOnlyKeys("n1", "n2");
            })
        .hasMessageContaining("weir run --from-nodes n2")
        .hasMessageContaining("inputs: mem1");
  }

  @Test
  void theResumeHintStartsAtTheFailedNodeWhenItsInputsArePersisted() {
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer r) -> r).inputs("raw").output("persisted").name("n1").build(),
            Node.node(
                    (Integer p) -> {
                      throw new IllegalStateException("broken");
                    })
                .inputs("persisted")
                .output("out")
                .name("n2")
                .build());
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("raw", new StoredDataset(1));
    datasets.put("persisted", new StoredDataset(null));

    assertThatThrownBy(
            () -> new SequentialRunner().run(pipeline, catalog(datasets), HookManager.empty(), "r"))
        .isInstanceOfSatisfying(
            NodeFailedException.class, e -> assertThat(e.resumeFromNodes()).containsExactly("n2"));
  }

  @Test
  void noResumeCommandWhenNoNodeFinished() {
    Pipeline pipeline =
        Pipeline.of(
            Node.node(
                    (Integer a) -> {
                      throw new IllegalStateException("first fails");
                    })
                .inputs("a")
                .output("b")
                .name("first")
                .build());

    assertThatThrownBy(
            () ->
                new SequentialRunner()
                    .run(pipeline, catalog(Map.of("a", memory(1))), HookManager.empty(), "r"))
        .isInstanceOfSatisfying(
            NodeFailedException.class, e -> assertThat(e.resumeCommand()).isEmpty())
        .hasMessageContaining("No node finished");
  }

  @Test
  void onlyMissingOutputsKeepsWhatProducesMissingPersistedOutputs() {
    // raw -> n1 -> p1 (exists) -> n2 -> mem -> n3 -> p2 (missing); raw -> n4 -> p3 (exists)
    Pipeline pipeline =
        Pipeline.of(
            Node.node((Integer r) -> r).inputs("raw").output("p1").name("n1").build(),
            Node.node((Integer p) -> p).inputs("p1").output("mem").name("n2").build(),
            Node.node((Integer m) -> m).inputs("mem").output("p2").name("n3").build(),
            Node.node((Integer r) -> r).inputs("raw").output("p3").name("n4").build());
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("raw", new StoredDataset(1));
    datasets.put("p1", new StoredDataset(1));
    datasets.put("p2", new StoredDataset(null));
    datasets.put("p3", new StoredDataset(1));

    Pipeline kept = MissingOutputs.filter(pipeline, catalog(datasets));

    assertThat(kept.nodes()).extracting(Node::name).containsExactly("n2", "n3");
  }

  @Test
  void onlyMissingOutputsKeepsNothingWhenEverythingExists() {
    Pipeline pipeline =
        Pipeline.of(Node.node((Integer r) -> r).inputs("raw").output("p1").name("n1").build());
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put("raw", new StoredDataset(1));
    datasets.put("p1", new StoredDataset(1));

    assertThat(MissingOutputs.filter(pipeline, catalog(datasets)).nodes()).isEmpty();
  }

  @Test
  void runnerNamesResolve() {
    assertThat(Runner.named("sequential", null)).isInstanceOf(SequentialRunner.class);
    assertThat(Runner.named("Parallel", 2)).isInstanceOf(ParallelRunner.class);
    assertThatThrownBy(() -> Runner.named("async", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--runner sequential");
  }
}
