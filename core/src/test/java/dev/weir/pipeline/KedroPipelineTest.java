package dev.weir.pipeline;

import static dev.weir.pipeline.Kedro.BICONCAT;
import static dev.weir.pipeline.Kedro.CONSTANT_OUTPUT;
import static dev.weir.pipeline.Kedro.IDENTITY;
import static dev.weir.pipeline.Kedro.names;
import static dev.weir.pipeline.Kedro.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import dev.weir.node.NodeException;
import dev.weir.node.Transcoding;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kedro 1.5.0's tests/pipeline/test_pipeline.py, case by case: each test states Kedro's expected
 * answer and is named after the Kedro test it comes from. Written from Kedro's assertions, not its
 * code.
 *
 * <p>Not applicable, because Java's types rule the mistake out at compile time: {@code
 * test_bad_combine_node}, {@code test_bad_combine_int}, {@code test_invalid_remove}, {@code
 * test_invalid_intersection}, {@code test_invalid_union} (a {@code TypeError} for {@code p + node},
 * {@code 1 + p}, {@code p - "str"}...). Not applicable, because Weir has no {@code confirms=}:
 * {@code test_duplicate_node_confirms}, {@code test_node_unique_confirms}. Not applicable: {@code
 * test_pipeline_name_is_deprecated} (a deprecated Python keyword).
 */
class KedroPipelineTest {

  static Stream<Kedro.Fixture> inputData() {
    return Kedro.inputData().stream();
  }

  // TestTranscodeHelpers

  @Test
  @DisplayName("TestTranscodeHelpers::test_split_no_transcode_part / test_split_with_transcode")
  void transcodeSplit() {
    assertThat(Transcoding.strip("abc")).isEqualTo("abc");
    assertThat(Transcoding.suffix("abc")).isEmpty();
    assertThat(Transcoding.strip("abc@def")).isEqualTo("abc");
    assertThat(Transcoding.suffix("abc@def")).isEqualTo("def");
  }

  @Test
  @DisplayName("TestTranscodeHelpers::test_split_too_many_parts")
  void transcodeSplitTooManyParts() {
    assertThatThrownBy(() -> Transcoding.strip("abc@def@ghi"))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> assertThat(e.kind()).isEqualTo(NodeException.Kind.TRANSCODING));
  }

  @Test
  @DisplayName("TestTranscodeHelpers::test_get_transcode_compatible_name")
  void transcodeCompatibleName() {
    assertThat(Transcoding.strip("abc@def")).isEqualTo("abc");
  }

  // TestValidPipeline

  @Test
  @DisplayName("TestValidPipeline::test_nodes")
  void nodes() {
    List<Node> nodes = Kedro.strNodeInputsList().nodes();
    assertThat(new HashSet<>(Pipeline.of(nodes).nodes())).isEqualTo(new HashSet<>(nodes));
  }

  @ParameterizedTest(name = "TestValidPipeline::test_grouped_nodes[{0}]")
  @MethodSource("inputData")
  void groupedNodes(Kedro.Fixture fixture) {
    Pipeline pipeline = Pipeline.of(fixture.nodes());

    List<List<Node>> grouped = pipeline.groupedNodes();

    assertThat(pipeline.nodes()).isEqualTo(grouped.stream().flatMap(List::stream).toList());
    assertThat(grouped.stream().map(Set::copyOf).toList()).isEqualTo(fixture.expected());
  }

  @ParameterizedTest(name = "TestValidPipeline::test_free_input[{0}]")
  @MethodSource("inputData")
  void freeInput(Kedro.Fixture fixture) {
    assertThat(Pipeline.of(fixture.nodes()).inputs()).isEqualTo(fixture.freeInputs());
  }

  @ParameterizedTest(name = "TestValidPipeline::test_outputs[{0}]")
  @MethodSource("inputData")
  void outputs(Kedro.Fixture fixture) {
    assertThat(Pipeline.of(fixture.nodes()).outputs()).isEqualTo(fixture.outputs());
  }

  @Test
  @DisplayName("TestValidPipeline::test_empty_case")
  void emptyCase() {
    assertThat(Pipeline.of(List.of()).nodes()).isEmpty();
    assertThat(Pipeline.modular(Pipeline.empty()).build().nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestValidPipeline::test_initialized_with_tags")
  void initializedWithTags() {
    Pipeline pipeline =
        Pipeline.modular(
                Pipeline.of(
                    Kedro.builder(IDENTITY, "A", "B").tags("node1", "p1").build(),
                    node(IDENTITY, "B", "C")))
            .tags("p1", "p2")
            .build();

    assertThat(pipeline.groupedNodes().get(0).get(0).tags()).containsExactly("node1", "p1", "p2");
    assertThat(pipeline.groupedNodes().get(1).get(0).tags()).containsExactly("p1", "p2");
  }

  @Test
  @DisplayName("TestValidPipeline::test_node_dependencies")
  void nodeDependencies() {
    Map<String, Set<String>> actual = new LinkedHashMap<>();
    Kedro.complexPipeline()
        .nodeDependencies()
        .forEach(
            (child, parents) -> {
              Set<String> names = new TreeSet<>();
              parents.forEach(p -> names.add(p.name()));
              actual.put(child.name(), names);
            });

    assertThat(actual)
        .isEqualTo(
            Map.of(
                "node1", Set.of("node2", "node3", "node4"),
                "node2", Set.of("node4"),
                "node3", Set.of("node4"),
                "node4", Set.of("node7"),
                "node5", Set.of("node6"),
                "node6", Set.of("node7"),
                "node7", Set.of("node8"),
                "node8", Set.of("node9"),
                "node9", Set.of()));
  }

  // TestInvalidPipeline

  @Test
  @DisplayName("TestInvalidPipeline::test_circle_case")
  void circleCase() {
    PipelineErrors.expect(
        () ->
            Pipeline.of(
                node(IDENTITY, "A", "B", "node1"),
                node(IDENTITY, "B", "C", "node2"),
                node(IDENTITY, "C", "A", "node3")),
        PipelineException.Kind.CYCLE,
        "node1",
        "node2",
        "node3");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_unique_outputs")
  void uniqueOutputs() {
    PipelineErrors.expect(
        () ->
            Pipeline.of(
                node(IDENTITY, "A", List.of("B", "C"), "node1"),
                node(IDENTITY, "C", List.of("D", "E", "F"), "node2"),
                node(IDENTITY, "B", Kedro.map("out1", "D", "out2", "E"), "node3"),
                node(IDENTITY, "D", List.of("E"), "node4")),
        PipelineException.Kind.DUPLICATE_OUTPUT,
        "D",
        "E");
  }

  /** Java has no {@code None}: a null array or list is an error naming the argument. */
  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  @Test
  @DisplayName("TestInvalidPipeline::test_none_case")
  void noneCase() {
    PipelineErrors.expect(
        () -> Pipeline.of((Node[]) null), PipelineException.Kind.NULL_ARGUMENT, "nodes");
    PipelineErrors.expect(
        () -> Pipeline.of((List<Node>) null), PipelineException.Kind.NULL_ARGUMENT, "nodes");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_duplicate_free_nodes")
  void duplicateFreeNodes() {
    PipelineErrors.expect(
        () ->
            Pipeline.of(
                node(IDENTITY, "in1", "out1", "same_name"),
                node(IDENTITY, "in2", "out2", "same_name")),
        PipelineException.Kind.DUPLICATE_NODE,
        "same_name");
    Pipeline pipeline = Pipeline.of(node(IDENTITY, "in1", "out1", "same_name"));
    Node another = node(IDENTITY, "in2", "out2", "same_name");
    PipelineErrors.expect(
        () -> Pipeline.of(pipeline, Pipeline.of(another)),
        PipelineException.Kind.DUPLICATE_NODE,
        "same_name");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_duplicate_nodes_in_pipelines")
  void duplicateNodesInPipelines() {
    Pipeline pipeline =
        Pipeline.of(
            node(BICONCAT, List.of("input", "input1"), List.of("output", "output1"), "node"));
    PipelineErrors.expect(
        () -> Pipeline.of(pipeline, pipeline), PipelineException.Kind.DUPLICATE_NODE, "node");
    Node another = node(IDENTITY, "in1", "out1", "node");
    PipelineErrors.expect(
        () -> Pipeline.of(Pipeline.of(another), pipeline),
        PipelineException.Kind.DUPLICATE_NODE,
        "node");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_conflicting_names")
  void conflictingNames() {
    Pipeline p1 = Pipeline.of(node(BICONCAT, List.of("input", "input1"), List.of("output1"), "a"));
    Pipeline p2 = Pipeline.of(node(BICONCAT, List.of("input", "input1"), List.of("output2"), "a"));
    PipelineErrors.expect(() -> p1.plus(p2), PipelineException.Kind.DUPLICATE_NODE, "a");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_conflicting_outputs")
  void conflictingOutputs() {
    Pipeline p1 =
        Pipeline.of(node(BICONCAT, List.of("input", "input1"), List.of("output", "output1"), "a"));
    Pipeline p2 =
        Pipeline.of(node(BICONCAT, List.of("input", "input2"), List.of("output", "output2"), "b"));
    PipelineErrors.expect(() -> p1.plus(p2), PipelineException.Kind.DUPLICATE_OUTPUT, "output");
  }

  // TestPipelineOperators

  private static Pipeline ab() {
    return Pipeline.of(
        node(BICONCAT, List.of("input", "input1"), "output1", "a"),
        node(BICONCAT, List.of("input", "input2"), "output2", "b"));
  }

  private static Pipeline onlyB() {
    return Pipeline.of(node(BICONCAT, List.of("input", "input2"), "output2", "b"));
  }

  private static Pipeline onlyA() {
    return Pipeline.of(node(BICONCAT, List.of("input", "input1"), "output1", "a"));
  }

  @Test
  @DisplayName("TestPipelineOperators::test_combine_add")
  void combineAdd() {
    Pipeline p = onlyA().plus(onlyB());
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input1", "input2");
    assertThat(p.outputs()).containsExactlyInAnyOrder("output1", "output2");
    assertThat(names(p)).containsExactly("a", "b");
  }

  /** Python's {@code sum([p1, p2])} is a reduce over {@code plus} from the empty pipeline. */
  @Test
  @DisplayName("TestPipelineOperators::test_combine_sum")
  void combineSum() {
    Pipeline p = Stream.of(onlyA(), onlyB()).reduce(Pipeline.empty(), Pipeline::plus);
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input1", "input2");
    assertThat(names(p)).containsExactly("a", "b");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_combine_sum (Pipeline.union)")
  void combineSumWithUnion() {
    Pipeline p = Pipeline.union(List.of(onlyA(), onlyB(), onlyA()));
    assertThat(names(p)).containsExactly("a", "b");
    assertThat(Pipeline.union(List.of()).nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestPipelineOperators::test_remove")
  void remove() {
    Pipeline p1 =
        ab().plus(Pipeline.of(node(BICONCAT, List.of("input", "input3"), "output3", "c")));
    Pipeline p = p1.minus(onlyB());
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input1", "input3");
    assertThat(p.outputs()).containsExactlyInAnyOrder("output1", "output3");
    assertThat(names(p)).containsExactly("a", "c");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_remove_with_partial_intersection")
  void removeWithPartialIntersection() {
    Pipeline p1 =
        ab().plus(Pipeline.of(node(BICONCAT, List.of("input", "input3"), "output3", "c")));
    Pipeline p2 =
        onlyB().plus(Pipeline.of(node(BICONCAT, List.of("input", "input4"), "output4", "d")));
    assertThat(names(p1.minus(p2))).containsExactly("a", "c");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_remove_empty_from_pipeline")
  void removeEmptyFromPipeline() {
    Pipeline p = onlyA().minus(Pipeline.empty());
    assertThat(p.inputs()).isEqualTo(onlyA().inputs());
    assertThat(names(p)).containsExactly("a");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_remove_from_empty_pipeline")
  void removeFromEmptyPipeline() {
    assertThat(Pipeline.empty().minus(onlyA()).nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestPipelineOperators::test_remove_all_nodes")
  void removeAllNodes() {
    Pipeline p = onlyA().minus(onlyA());
    assertThat(p.inputs()).isEmpty();
    assertThat(p.outputs()).isEmpty();
    assertThat(p.nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestPipelineOperators::test_combine_same_node")
  void combineSameNode() {
    Pipeline p1 = Pipeline.of(node(BICONCAT, List.of("input", "input1"), List.of("output"), "a"));
    Pipeline p2 = Pipeline.of(node(BICONCAT, List.of("input", "input1"), List.of("output"), "a"));
    Pipeline p = p1.plus(p2);
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input1");
    assertThat(p.outputs()).containsExactly("output");
    assertThat(names(p)).containsExactly("a");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_intersection")
  void intersection() {
    Pipeline p = ab().and(onlyB());
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input2");
    assertThat(p.outputs()).containsExactly("output2");
    assertThat(names(p)).containsExactly("b");
  }

  @Test
  @DisplayName("TestPipelineOperators::test_union")
  void union() {
    Pipeline p = ab().or(onlyB());
    assertThat(p.inputs()).containsExactlyInAnyOrder("input", "input1", "input2");
    assertThat(names(p)).containsExactly("a", "b");
  }

  /** Kedro's node equality in set operations: a node of the same name but other datasets. */
  @Test
  @DisplayName("TestPipelineOperators (node equality in -, &): issue 16")
  void setOperationsCompareWholeNodes() {
    Pipeline sameNameOtherInputs =
        Pipeline.of(node(BICONCAT, List.of("input", "input9"), "output2", "b"));
    assertThat(names(ab().minus(sameNameOtherInputs))).containsExactly("a", "b");
    assertThat(ab().and(sameNameOtherInputs).nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestPipelineOperators::test_connected_pipeline")
  void connectedPipeline() {
    List<Node> nodes = Kedro.disjointPipeline().nodes();
    Pipeline sub = Pipeline.modular(Pipeline.of(nodes)).tags("subpipeline").build();
    assertThat(sub.inputs()).hasSize(2);
    assertThat(sub.outputs()).hasSize(2);

    Pipeline pipeline =
        Pipeline.modular(Pipeline.of(Pipeline.of(node(IDENTITY, "C", "D", "connecting_node")), sub))
            .tags("main")
            .build();

    assertThat(pipeline.nodes()).hasSize(1 + nodes.size());
    assertThat(pipeline.inputs()).hasSize(1);
    assertThat(pipeline.outputs()).hasSize(1);
  }

  // TestPipelineDescribe

  @Test
  @DisplayName("TestPipelineDescribe::test_names_only")
  void describeNamesOnly() {
    assertThat(Pipeline.of(Kedro.strNodeInputsList().nodes()).describe().split("\n"))
        .containsExactly(
            "#### Pipeline execution order ####",
            "Inputs: input1, input2",
            "",
            "node1",
            "node2",
            "",
            "Outputs: input4",
            "##################################");
  }

  /**
   * Weir writes a node's function as {@code Class::method} ({@code Kedro::biconcat}) where Kedro
   * writes the Python function's name ({@code biconcat}): Java methods live in classes.
   */
  @Test
  @DisplayName("TestPipelineDescribe::test_full")
  void describeFull() {
    assertThat(Pipeline.of(Kedro.strNodeInputsList().nodes()).describe(false).split("\n"))
        .containsExactly(
            "#### Pipeline execution order ####",
            "Inputs: input1, input2",
            "",
            "node1: Kedro::biconcat([input1;input2]) -> [input3]",
            "node2: Kedro::identity([input3]) -> [input4]",
            "",
            "Outputs: input4",
            "##################################");
  }

  // TestPipelineTags

  @Test
  @DisplayName("TestPipelineTags::test_tag_existing_pipeline")
  void tagExistingPipeline() {
    Pipeline p = Pipeline.of(Kedro.branchlessPipeline().nodes()).tag("new_tag");
    assertThat(p.nodes()).allSatisfy(n -> assertThat(n.tags()).contains("new_tag"));
  }

  @Test
  @DisplayName("TestPipelineTags::test_pipeline_single_tag")
  void pipelineSingleTag() {
    Pipeline base = Pipeline.of(Kedro.branchlessPipeline().nodes());
    for (Pipeline p :
        List.of(Pipeline.modular(base).tags("single_tag").build(), base.tag("single_tag"))) {
      assertThat(p.nodes()).allSatisfy(n -> assertThat(n.tags()).contains("single_tag"));
    }
  }

  // test_pipeline_to_json

  /** Weir's JSON has no {@code kedro_version}: core has no release version to write. */
  @ParameterizedTest(name = "test_pipeline_to_json[{0}]")
  @MethodSource("inputData")
  void pipelineToJson(Kedro.Fixture fixture) {
    String json = Pipeline.of(fixture.nodes()).toJson();
    for (Node node : fixture.nodes()) {
      assertThat(json).contains("\"" + node.name() + "\"");
      node.inputs().forEach(i -> assertThat(json).contains("\"" + i + "\""));
      node.outputs().forEach(o -> assertThat(json).contains("\"" + o + "\""));
    }
  }

  // test_pipeline.py fixture check: the complex pipeline keeps its shape through modular().
  @Test
  @DisplayName("complex_pipeline fixture: modular(nodes) keeps every node")
  void complexPipelineFixture() {
    assertThat(Kedro.complexPipeline().nodes()).hasSize(9);
    assertThat(node(CONSTANT_OUTPUT, null, "A").inputs()).isEmpty();
  }
}
