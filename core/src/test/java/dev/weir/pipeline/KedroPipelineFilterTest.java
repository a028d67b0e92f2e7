package dev.weir.pipeline;

import static dev.weir.pipeline.Kedro.CONSTANT_OUTPUT;
import static dev.weir.pipeline.Kedro.IDENTITY;
import static dev.weir.pipeline.Kedro.names;
import static dev.weir.pipeline.Kedro.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kedro 1.5.0's tests/pipeline/test_pipeline.py, classes {@code TestPipelineFilter}, {@code
 * TestPipelineFilterHelpers} and {@code TestPipelineRunnerHelpers}: each test states Kedro's
 * expected answer and is named after the Kedro test it comes from.
 */
class KedroPipelineFilterTest {
  private final Pipeline complex = Kedro.complexPipeline();

  private static Pipeline withNamespaces() {
    return Pipeline.of(
        Kedro.namespaced(IDENTITY, "A", "B", "node1", "katie"),
        Kedro.namespaced(IDENTITY, "B", "C", "node2", "lisa"),
        Kedro.namespaced(IDENTITY, "C", "D", "node3", "john"),
        Kedro.namespaced(IDENTITY, "D", "E", "node4", "katie.lisa"),
        Kedro.namespaced(IDENTITY, "E", "F", "node5", "lisa.john"),
        Kedro.namespaced(IDENTITY, "F", "G", "node6", "katie.lisa.john"));
  }

  private static Pipeline withTags() {
    return Pipeline.of(
        node(IDENTITY, "E", null, "node1"),
        node(IDENTITY, "D", "E", "node2", "tag1", "tag2"),
        node(IDENTITY, "C", "D", "node3"),
        node(IDENTITY, "A", "B", "node4", "tag2"),
        node(IDENTITY, "B", "C", "node5"),
        node(CONSTANT_OUTPUT, null, "A", "node6", "tag1"));
  }

  // TestPipelineFilter

  /**
   * Kedro also asserts the result is a new object; a Weir pipeline is immutable, so the same
   * pipeline is returned when nothing is filtered out.
   */
  @Test
  @DisplayName("TestPipelineFilter::test_no_filters")
  void noFilters() {
    assertThat(Set.copyOf(complex.filter(PipelineFilter.NONE).nodes()))
        .isEqualTo(Set.copyOf(complex.nodes()));
  }

  static Stream<Arguments> oneFilter() {
    return Stream.of(
        Arguments.of(PipelineFilter.builder().tags("foo").build(), Set.of("node6", "node7")),
        Arguments.of(
            PipelineFilter.builder().fromNodes("node4").build(),
            Set.of("node1", "node2", "node3", "node4")),
        Arguments.of(
            PipelineFilter.builder().toNodes("node4").build(),
            Set.of("node9", "node8", "node7", "node4")),
        Arguments.of(
            PipelineFilter.builder().nodeNames("node4", "node5").build(), Set.of("node4", "node5")),
        Arguments.of(PipelineFilter.builder().fromInputs("F").build(), Set.of("node1", "node3")),
        Arguments.of(
            PipelineFilter.builder().toOutputs("F").build(),
            Set.of("node4", "node7", "node8", "node9")));
  }

  @ParameterizedTest(name = "TestPipelineFilter::test_one_filter[{0}]")
  @MethodSource
  void oneFilter(PipelineFilter filter, Set<String> expected) {
    assertThat(names(complex.filter(filter))).isEqualTo(expected);
  }

  @Test
  @DisplayName("TestPipelineFilter::test_namespace_filter")
  void namespaceFilter() {
    assertThat(
            names(
                withNamespaces().filter(PipelineFilter.builder().nodeNamespaces("katie").build())))
        .containsExactlyInAnyOrder("katie.node1", "katie.lisa.node4", "katie.lisa.john.node6");
  }

  @Test
  @DisplayName("TestPipelineFilter::test_two_filters")
  void twoFilters() {
    PipelineFilter f = PipelineFilter.builder().fromNodes("node4").toOutputs("M").build();
    assertThat(names(complex.filter(f))).containsExactly("node3", "node4");
  }

  @Test
  @DisplayName("TestPipelineFilter::test_three_filters")
  void threeFilters() {
    PipelineFilter f =
        PipelineFilter.builder().fromNodes("node4").toOutputs("M").nodeNames("node3").build();
    assertThat(names(complex.filter(f))).containsExactly("node3");
  }

  @Test
  @DisplayName("TestPipelineFilter::test_filter_no_nodes")
  void filterNoNodes() {
    PipelineFilter f =
        PipelineFilter.builder()
            .fromNodes("node4")
            .toOutputs("M")
            .nodeNames("node3")
            .toNodes("node4")
            .build();
    PipelineErrors.expect(
        () -> complex.filter(f),
        PipelineException.Kind.EMPTY_FILTER,
        "--from-nodes=node4",
        "--to-nodes=node4",
        "--nodes=node3",
        "--to-outputs=M");
  }

  // TestPipelineFilterHelpers

  static Stream<Arguments> onlyNodesWithTags() {
    return Stream.of(
        Arguments.of(List.of("tag1"), List.of("node2", "node6")),
        Arguments.of(List.of("tag2"), List.of("node2", "node4")),
        Arguments.of(List.of("tag2", "tag1"), List.of("node2", "node4", "node6")),
        Arguments.of(List.of("tag1", "tag2", "tag-missing"), List.of("node2", "node4", "node6")),
        Arguments.of(List.of("tag-missing"), List.of()),
        Arguments.of(List.of(), List.of()));
  }

  @ParameterizedTest(name = "TestPipelineFilterHelpers::test_only_nodes_with_tags[{0}]")
  @MethodSource
  void onlyNodesWithTags(List<String> tags, List<String> expected) {
    assertThat(names(withTags().onlyNodesWithTags(tags.toArray(String[]::new))))
        .containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_from_nodes")
  void fromNodes() {
    assertThat(names(complex.fromNodes("node3", "node2")))
        .containsExactly("node1", "node2", "node3");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_from_nodes_unknown")
  void fromNodesUnknown() {
    PipelineErrors.expect(
        () -> complex.fromNodes("missing_node"),
        PipelineException.Kind.UNKNOWN_NODE,
        "missing_node");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_to_nodes")
  void toNodes() {
    assertThat(names(complex.toNodes("node4", "node6")))
        .containsExactly("node4", "node6", "node7", "node8", "node9");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_to_nodes_unknown")
  void toNodesUnknown() {
    PipelineErrors.expect(
        () -> complex.toNodes("missing_node"), PipelineException.Kind.UNKNOWN_NODE, "missing_node");
  }

  static Stream<List<String>> onlyNodes() {
    return Stream.of(List.of("node2", "node3", "node4", "node8"), List.of("node1"));
  }

  @ParameterizedTest(name = "TestPipelineFilterHelpers::test_only_nodes[{0}]")
  @MethodSource
  void onlyNodes(List<String> target) {
    assertThat(names(complex.onlyNodes(target.toArray(String[]::new))))
        .containsExactlyInAnyOrderElementsOf(target);
  }

  static Stream<Arguments> onlyNodesUnknown() {
    return Stream.of(
        Arguments.of(List.of("node2", "node3", "node4", "NaN"), List.of("NaN")),
        Arguments.of(List.of("invalid"), List.of("invalid")));
  }

  @ParameterizedTest(name = "TestPipelineFilterHelpers::test_only_nodes_unknown[{0}]")
  @MethodSource
  void onlyNodesUnknown(List<String> target, List<String> unknown) {
    PipelineErrors.expect(
        () -> complex.onlyNodes(target.toArray(String[]::new)),
        PipelineException.Kind.UNKNOWN_NODE,
        unknown.toArray(String[]::new));
  }

  /** Kedro suggests the namespaced node whose name ends with {@code .node1}; so does Weir. */
  @ParameterizedTest(name = "TestPipelineFilterHelpers::test_only_nodes_with_namespacing[{0}]")
  @ValueSource(strings = {"node1", "node2", "node3", "node4", "node5", "node6"})
  void onlyNodesWithNamespacing(String name) {
    Pipeline p = withNamespaces();
    assertThatThrownBy(() -> p.onlyNodes(name))
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.names()).containsExactly(name);
              assertThat(e.getMessage())
                  .startsWith("Pipeline does not contain nodes named '" + name + "';")
                  .containsPattern("Did you mean: [\\w.]*\\." + name + "\\b");
            });
  }

  @ParameterizedTest(
      name = "TestPipelineFilterHelpers::test_only_nodes_with_namespacing_multiple_args[{0}, {1}]")
  @MethodSource
  void onlyNodesWithNamespacingMultipleArgs(String first, String second) {
    assertThatThrownBy(() -> withNamespaces().onlyNodes(first, second))
        .hasMessageContainingAll("." + first, "." + second, "Did you mean:");
  }

  static Stream<Arguments> onlyNodesWithNamespacingMultipleArgs() {
    return Stream.of(
        Arguments.of("node1", "node2"),
        Arguments.of("node3", "node4"),
        Arguments.of("node5", "node6"));
  }

  @ParameterizedTest(
      name =
          "TestPipelineFilterHelpers::test_only_nodes_with_namespacing_and_invalid_args[{0}, {1}]")
  @MethodSource
  void onlyNodesWithNamespacingAndInvalidArgs(String first, String second) {
    assertThatThrownBy(() -> withNamespaces().onlyNodes(first, second))
        .hasMessageMatching("Pipeline does not contain nodes named .*\\. Did you mean: .*\\?");
  }

  static Stream<Arguments> onlyNodesWithNamespacingAndInvalidArgs() {
    return Stream.of(Arguments.of("node1", "invalid_node"), Arguments.of("invalid_node", "node2"));
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_from_inputs")
  void fromInputs() {
    assertThat(names(complex.fromInputs("F", "H"))).containsExactly("node1", "node2", "node3");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_from_inputs_unknown")
  void fromInputsUnknown() {
    PipelineErrors.expect(
        () -> complex.fromInputs("Z", "W", "E", "C"),
        PipelineException.Kind.UNKNOWN_DATASET,
        "W",
        "Z");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_to_outputs")
  void toOutputs() {
    assertThat(names(complex.toOutputs("F", "H")))
        .containsExactly("node4", "node7", "node8", "node9");
  }

  @Test
  @DisplayName("TestPipelineFilterHelpers::test_to_outputs_unknown")
  void toOutputsUnknown() {
    PipelineErrors.expect(
        () -> complex.toOutputs("Z", "W", "E", "C"),
        PipelineException.Kind.UNKNOWN_DATASET,
        "W",
        "Z");
  }

  static Stream<Arguments> onlyNodesWithNamespace() {
    return Stream.of(
        Arguments.of("katie", List.of("katie", "katie.lisa", "katie.lisa.john")),
        Arguments.of("lisa", List.of("lisa", "lisa.john")),
        Arguments.of("john", List.of("john")),
        Arguments.of("katie.lisa", List.of("katie.lisa", "katie.lisa.john")),
        Arguments.of("katie.lisa.john", List.of("katie.lisa.john")));
  }

  @ParameterizedTest(name = "TestPipelineFilterHelpers::test_only_nodes_with_namespace[{0}]")
  @MethodSource
  void onlyNodesWithNamespace(String namespace, List<String> expected) {
    assertThat(
            withNamespaces().onlyNodesWithNamespaces(namespace).nodes().stream()
                .map(Node::namespace)
                .toList())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(
      name = "TestPipelineFilterHelpers::test_only_nodes_with_namespace_unknown[{0}]")
  @ValueSource(strings = {"katie", ""})
  void onlyNodesWithNamespaceUnknown(String namespace) {
    Node.Builder b = Kedro.builder(IDENTITY, "A", "B");
    if (!namespace.isEmpty()) {
      b.namespace(namespace);
    }
    Pipeline p = Pipeline.of(b.build());
    PipelineErrors.expect(
        () -> p.onlyNodesWithNamespaces("non_existent"),
        PipelineException.Kind.UNKNOWN_NAMESPACE,
        "non_existent");
  }

  // TestPipelineRunnerHelpers

  @Test
  @DisplayName("TestPipelineRunnerHelpers::test_only_nodes_with_inputs")
  void onlyNodesWithInputs() {
    assertThat(names(complex.onlyNodesWithInputs("H"))).containsExactly("node1", "node2");
  }

  @Test
  @DisplayName("TestPipelineRunnerHelpers::test_only_nodes_with_inputs_unknown")
  void onlyNodesWithInputsUnknown() {
    PipelineErrors.expect(
        () -> complex.onlyNodesWithInputs("Z", "W", "E", "C"),
        PipelineException.Kind.UNKNOWN_DATASET,
        "W",
        "Z");
  }

  @Test
  @DisplayName("TestPipelineRunnerHelpers::test_only_nodes_with_outputs")
  void onlyNodesWithOutputs() {
    assertThat(names(complex.onlyNodesWithOutputs("F", "H"))).containsExactly("node4");
  }

  @Test
  @DisplayName("TestPipelineRunnerHelpers::test_only_nodes_with_outputs_unknown")
  void onlyNodesWithOutputsUnknown() {
    PipelineErrors.expect(
        () -> complex.onlyNodesWithOutputs("Z", "W", "E", "C"),
        PipelineException.Kind.UNKNOWN_DATASET,
        "W",
        "Z");
  }

  // kedro.pipeline docs: Pipeline.group_nodes_by

  @Test
  @DisplayName("kedro.pipeline docs: group_nodes_by('namespace') and group_nodes_by(None)")
  void groupNodesBy() {
    Pipeline p = withNamespaces().plus(Pipeline.of(node(IDENTITY, "G", "H", "free_node")));

    List<GroupedNodes> byNamespace = p.groupNodesBy("namespace");
    assertThat(byNamespace.stream().map(GroupedNodes::name))
        .containsExactly("katie", "lisa", "john", "free_node");
    GroupedNodes katie = byNamespace.get(0);
    assertThat(katie.type()).isEqualTo(GroupedNodes.Type.NAMESPACE);
    assertThat(katie.nodes())
        .containsExactly("katie.node1", "katie.lisa.node4", "katie.lisa.john.node6");
    assertThat(katie.dependencies()).containsExactly("john", "lisa");
    assertThat(byNamespace.get(3).type()).isEqualTo(GroupedNodes.Type.NODES);
    assertThat(byNamespace.get(3).dependencies()).containsExactly("katie");

    List<GroupedNodes> none = p.groupNodesBy("none");
    assertThat(none).hasSize(7);
    assertThat(none.get(1).dependencies()).containsExactly("katie.node1");
    PipelineErrors.expect(
        () -> p.groupNodesBy("tags"), PipelineException.Kind.UNSUPPORTED_GROUPING, "tags");
  }
}
