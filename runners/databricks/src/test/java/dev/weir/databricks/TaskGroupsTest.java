package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskGroupsTest {
  /** a -> (x) -> b -> (y) -> c, and a -> (x, transcoded) -> d. */
  private static final Pipeline DIAMOND =
      Pipeline.of(
          Node.node((Integer in) -> in).inputs("in").output("x@spark").name("a").build(),
          Node.node((Integer x) -> x)
              .inputs("x@spark")
              .output("y")
              .name("b")
              .namespace("ns")
              .build(),
          Node.node((Integer y) -> y)
              .inputs("y")
              .output("z")
              .name("c")
              .namespace("ns.inner")
              .build(),
          Node.node((Integer x) -> x).inputs("x@pandas").output("w").name("d").build());

  @Test
  void byPipelineOneTaskRunsEverything() {
    assertThat(TaskGroups.group("__default__", DIAMOND, GroupBy.PIPELINE, name -> false))
        .containsExactly(new TaskGroup("__default__", java.util.List.of(), java.util.List.of()));
  }

  @Test
  void byNodeOneTaskPerNodeWithDependenciesFromTheGraph() {
    var groups = TaskGroups.group("p", DIAMOND, GroupBy.NODE, name -> true);

    // The pipeline's run order: layers, sorted by node name within a layer.
    assertThat(groups).extracting(TaskGroup::key).containsExactly("a", "d", "ns_b", "ns_inner_c");
    assertThat(groups)
        .extracting(TaskGroup::dependsOn)
        .containsExactly(
            java.util.List.of(),
            java.util.List.of("a"),
            java.util.List.of("a"),
            java.util.List.of("ns_b"));
    assertThat(groups).extracting(TaskGroup::nodes).first().isEqualTo(java.util.List.of("a"));
  }

  @Test
  void byNamespaceTheTopLevelNamespaceIsOneTask() {
    var groups = TaskGroups.group("p", DIAMOND, GroupBy.NAMESPACE, name -> true);

    assertThat(groups).extracting(TaskGroup::key).containsExactly("a", "d", "ns");
    assertThat(groups.get(2).nodes()).containsExactly("ns.b", "ns.inner.c");
    assertThat(groups.get(2).dependsOn()).containsExactly("a");
  }

  @Test
  void aMemoryDatasetCrossingATaskBoundaryIsRefusedNamingItAndBothTasks() {
    assertThatThrownBy(
            () -> TaskGroups.group("p", DIAMOND, GroupBy.NODE, name -> !name.equals("y")))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("Dataset 'y' lives only in memory")
        .hasMessageContaining("task 'ns_b' (node 'ns.b') writes it")
        .hasMessageContaining("task 'ns_inner_c' (node 'ns.inner.c') reads it")
        .hasMessageContaining("--group-by");
  }

  @Test
  void aMemoryDatasetInsideOneTaskIsFine() {
    var groups =
        TaskGroups.group("p", DIAMOND, GroupBy.NAMESPACE, name -> !Set.of("y").contains(name));

    assertThat(groups).extracting(TaskGroup::key).contains("ns");
  }

  @Test
  void namespacesThatFeedEachOtherBothWaysAreACycle() {
    Pipeline loop =
        Pipeline.of(
            Node.node((Integer i) -> i)
                .inputs("in")
                .output("m")
                .name("first")
                .namespace("n1")
                .build(),
            Node.node((Integer m) -> m)
                .inputs("m")
                .output("o")
                .name("middle")
                .namespace("n2")
                .build(),
            Node.node((Integer o) -> o)
                .inputs("o")
                .output("p")
                .name("last")
                .namespace("n1")
                .build());

    assertThatThrownBy(() -> TaskGroups.group("p", loop, GroupBy.NAMESPACE, name -> true))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("n1, n2")
        .hasMessageContaining("cycle");
  }

  @Test
  void taskKeysKeepOnlyLettersDigitsUnderscoreAndDash() {
    assertThat(TaskGroups.taskKey("ns.node-1")).isEqualTo("ns_node-1");
    assertThat(TaskGroups.taskKey("x".repeat(150))).hasSize(100);
  }

  @Test
  void collidingTaskKeysAreRefused() {
    Pipeline clash =
        Pipeline.of(
            Node.node((Integer i) -> i).inputs("in").output("a").name("a.b").build(),
            Node.node((Integer i) -> i).inputs("a").output("c").name("a_b").build());

    assertThatThrownBy(() -> TaskGroups.group("p", clash, GroupBy.NODE, name -> true))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("'a_b'")
        .hasMessageContaining("node a.b")
        .hasMessageContaining("node a_b");
  }

  @Test
  void byDefaultNodesJoinedByAMemoryDatasetShareATask() {
    // y is in memory: b and c run in one task, named after their common namespace ns.
    var groups = TaskGroups.group("p", DIAMOND, GroupBy.AUTO, name -> !name.equals("y"));

    assertThat(groups).extracting(TaskGroup::key).containsExactly("a", "d", "ns");
    assertThat(groups.get(2).nodes()).containsExactly("ns.b", "ns.inner.c");
    assertThat(groups.get(2).dependsOn()).containsExactly("a");
  }

  @Test
  void byDefaultEveryPersistedDatasetMayCrossTasks() {
    assertThat(TaskGroups.group("p", DIAMOND, GroupBy.AUTO, name -> true))
        .isEqualTo(TaskGroups.group("p", DIAMOND, GroupBy.NODE, name -> true));
  }

  @Test
  void byDefaultATaskWithoutACommonNamespaceIsNamedAfterItsNodes() {
    // x (transcoded) is in memory: a, d and ns.b join; y persisted.
    var groups = TaskGroups.group("p", DIAMOND, GroupBy.AUTO, name -> !name.equals("x"));

    assertThat(groups).extracting(TaskGroup::key).containsExactly("a__d__ns_b", "ns_inner_c");
    assertThat(groups.get(0).nodes()).containsExactly("a", "d", "ns.b");
    assertThat(groups.get(1).dependsOn()).containsExactly("a__d__ns_b");
  }

  @Test
  void byDefaultANodeBetweenTwoNodesOfOneTaskJoinsIt() {
    // first -(m, memory)-> last, and first -(p)-> middle -(q)-> last: middle must join, else the
    // task of first and last would wait for middle, which waits for it.
    Pipeline around =
        Pipeline.of(
            Node.node((Integer i) -> java.util.List.of(i, i))
                .inputs("in")
                .outputs("m", "p")
                .name("first")
                .build(),
            Node.node((Integer p) -> p).inputs("p").output("q").name("middle").build(),
            Node.node((Integer m, Integer q) -> m + q)
                .inputs("m", "q")
                .output("r")
                .name("last")
                .build(),
            Node.node((Integer r) -> r).inputs("r").output("s").name("after").build());

    var groups = TaskGroups.group("p", around, GroupBy.AUTO, name -> !name.equals("m"));

    assertThat(groups).extracting(TaskGroup::key).containsExactly("first__middle__last", "after");
    assertThat(groups.get(1).dependsOn()).containsExactly("first__middle__last");
  }
}
