package dev.weir.pipeline;

import static dev.weir.pipeline.Kedro.BICONCAT;
import static dev.weir.pipeline.Kedro.CONSTANT_OUTPUT;
import static dev.weir.pipeline.Kedro.IDENTITY;
import static dev.weir.pipeline.Kedro.TRICONCAT;
import static dev.weir.pipeline.Kedro.names;
import static dev.weir.pipeline.Kedro.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import dev.weir.node.NodeException;
import dev.weir.node.Transcoding;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kedro 1.5.0's tests/pipeline/test_pipeline_with_transcoding.py, case by case. The rule these pin
 * down (issue 16): {@code x@fmt} matches exactly the nodes using {@code x@fmt}, a bare {@code x}
 * matches every {@code x@...}, the graph is followed without the suffix, and only a name that
 * appears nowhere in the pipeline is an error.
 */
class KedroTranscodingTest {

  /** Kedro's {@code complex_pipeline} fixture of this file, with a transcoded H and B. */
  private final Pipeline complex =
      Pipeline.modular(
              Pipeline.of(
                  node(TRICONCAT, List.of("H@node1", "I", "M"), "N", "node1"),
                  node(IDENTITY, "H@node2", "I", "node2"),
                  node(IDENTITY, "F", List.of("G", "M"), "node3"),
                  node(IDENTITY, "E", List.of("F", "H@node4"), "node4"),
                  node(IDENTITY, "D", null, "node5"),
                  node(IDENTITY, "C", "D", "node6"),
                  node(IDENTITY, "B@node7", List.of("C", "E"), "node7"),
                  node(IDENTITY, "A", List.of("B@node8", "L"), "node8"),
                  node(CONSTANT_OUTPUT, null, "A", "node9"),
                  node(IDENTITY, "B@node10", null, "node10")))
          .build();

  static Stream<Kedro.Fixture> inputData() {
    List<Node> names =
        List.of(
            node(IDENTITY, "A", "B@pandas", "node1"),
            node(IDENTITY, "B@pandas", "C", "node2"),
            node(IDENTITY, "B@spark", "D", "node3"));
    List<Node> freeInput =
        List.of(node(IDENTITY, "B@pandas", "C", "node1"), node(IDENTITY, "C", "D", "node2"));
    List<Node> duplicate =
        List.of(
            node(IDENTITY, "A", "B@pandas", "node1"),
            node(BICONCAT, List.of("B@spark", "B@pandas"), "C", "node2"));
    return Stream.of(
        new Kedro.Fixture(
            "pipeline_with_transcoded_names",
            names,
            List.of(Set.of(names.get(0)), Set.of(names.get(1), names.get(2))),
            Set.of("A"),
            Set.of("C", "D")),
        new Kedro.Fixture(
            "pipeline_with_transcoded_free_input",
            freeInput,
            List.of(Set.of(freeInput.get(0)), Set.of(freeInput.get(1))),
            Set.of("B@pandas"),
            Set.of("D")),
        new Kedro.Fixture(
            "pipeline_with_duplicate_transcoded_inputs",
            duplicate,
            List.of(Set.of(duplicate.get(0)), Set.of(duplicate.get(1))),
            Set.of("A"),
            Set.of("C")));
  }

  private static Set<String> nodes(int from, int to) {
    Set<String> names = new java.util.TreeSet<>();
    IntStream.rangeClosed(from, to).forEach(i -> names.add("node" + i));
    return names;
  }

  // TestValidPipeline

  @ParameterizedTest(name = "TestValidPipeline::test_grouped_nodes[{0}]")
  @MethodSource("inputData")
  void groupedNodes(Kedro.Fixture fixture) {
    Pipeline p = Pipeline.of(fixture.nodes());
    assertThat(p.nodes()).isEqualTo(p.groupedNodes().stream().flatMap(List::stream).toList());
    assertThat(p.groupedNodes().stream().map(Set::copyOf).toList()).isEqualTo(fixture.expected());
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

  @ParameterizedTest(name = "TestValidPipeline::test_pipeline_to_json[{0}]")
  @MethodSource("inputData")
  void pipelineToJson(Kedro.Fixture fixture) {
    String json = Pipeline.of(fixture.nodes()).toJson();
    for (Node node : fixture.nodes()) {
      assertThat(json).contains(node.name());
      node.inputs().forEach(i -> assertThat(json).contains(i));
      node.outputs().forEach(o -> assertThat(json).contains(o));
    }
  }

  // TestInvalidPipeline

  @Test
  @DisplayName("TestInvalidPipeline::test_transcoded_inputs_outputs")
  void transcodedInputsOutputs() {
    PipelineErrors.expect(
        () ->
            Pipeline.of(
                node(IDENTITY, "A", "B", "node1"),
                node(IDENTITY, "B@pandas", "C", "node2"),
                node(IDENTITY, "B@spark", "D", "node3"),
                node(BICONCAT, List.of("A", "D"), "E", "node4")),
        PipelineException.Kind.TRANSCODING,
        "B");
  }

  @Test
  @DisplayName("TestInvalidPipeline::test_duplicates_in_transcoded_outputs")
  void duplicatesInTranscodedOutputs() {
    PipelineErrors.expect(
        () ->
            Pipeline.of(
                node(IDENTITY, "A", "B@pandas", "node1"), node(IDENTITY, "A", "B@spark", "node2")),
        PipelineException.Kind.DUPLICATE_OUTPUT,
        "B");
  }

  // TestComplexPipelineWithTranscoding

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_nodes_transcoded_names")
  void fromNodesTranscodedNames() {
    Set<String> expected = nodes(1, 8);
    expected.add("node10");
    assertThat(names(complex.fromNodes("node8"))).isEqualTo(expected);
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_nodes_transcoded_names")
  void toNodesTranscodedNames() {
    assertThat(names(complex.toNodes("node7"))).containsExactly("node7", "node8", "node9");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_only_nodes_with_inputs")
  void onlyNodesWithInputs() {
    assertThat(names(complex.onlyNodesWithInputs("H@node2"))).containsExactly("node2");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_only_nodes_with_inputs_transcoded_name")
  void onlyNodesWithInputsTranscodedName() {
    assertThat(names(complex.onlyNodesWithInputs("H"))).containsExactly("node1", "node2");
  }

  @Test
  @DisplayName(
      "TestComplexPipelineWithTranscoding::test_only_nodes_with_inputs_duplicate_transcoded_names")
  void onlyNodesWithInputsDuplicateTranscodedNames() {
    assertThat(names(complex.onlyNodesWithInputs("H", "H@node1")))
        .isEqualTo(names(complex.onlyNodesWithInputs("H")));
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_only_nodes_with_inputs_inexistent_inputs")
  void onlyNodesWithInputsInexistentInputs() {
    PipelineErrors.expect(
        () -> complex.onlyNodesWithInputs("Z"), PipelineException.Kind.UNKNOWN_DATASET, "Z");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_inputs")
  void fromInputs() {
    assertThat(names(complex.fromInputs("H@node1"))).containsExactly("node1");
    assertThat(names(complex.fromInputs("H@node2"))).containsExactly("node1", "node2");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_inputs_traverses_transcoded")
  void fromInputsTraversesTranscoded() {
    assertThat(names(complex.fromInputs("E"))).containsExactly("node1", "node2", "node3", "node4");
  }

  @Test
  @DisplayName(
      "TestComplexPipelineWithTranscoding::test_from_inputs_traverses_transcoded_on_correct_branch")
  void fromInputsTraversesTranscodedOnCorrectBranch() {
    assertThat(names(complex.fromInputs("B@node7", "L"))).isEqualTo(nodes(1, 7));
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_inputs_transcode_compatible_name")
  void fromInputsTranscodeCompatibleName() {
    assertThat(names(complex.fromInputs("H"))).containsExactly("node1", "node2");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_inputs_duplicate_transcoded_names")
  void fromInputsDuplicateTranscodedNames() {
    assertThat(names(complex.fromInputs("H", "H@node4"))).isEqualTo(names(complex.fromInputs("H")));
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_from_inputs_inexistent_inputs")
  void fromInputsInexistentInputs() {
    PipelineErrors.expect(
        () -> complex.fromInputs("Z"), PipelineException.Kind.UNKNOWN_DATASET, "Z");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_only_nodes_with_outputs")
  void onlyNodesWithOutputs() {
    assertThat(names(complex.onlyNodesWithOutputs("H@node4"))).containsExactly("node4");
    assertThat(complex.onlyNodesWithOutputs("H@node2").nodes()).isEmpty();
  }

  @Test
  @DisplayName(
      "TestComplexPipelineWithTranscoding::test_only_nodes_with_outputs_transcode_compatible_name")
  void onlyNodesWithOutputsTranscodeCompatibleName() {
    assertThat(names(complex.onlyNodesWithOutputs("H"))).containsExactly("node4");
  }

  @Test
  @DisplayName(
      "TestComplexPipelineWithTranscoding::test_only_nodes_with_outputs_duplicate_transcoded_names")
  void onlyNodesWithOutputsDuplicateTranscodedNames() {
    assertThat(names(complex.onlyNodesWithOutputs("H", "H@node4")))
        .isEqualTo(names(complex.onlyNodesWithOutputs("H")));
  }

  @Test
  @DisplayName(
      "TestComplexPipelineWithTranscoding::test_only_nodes_with_outputs_inexistent_outputs")
  void onlyNodesWithOutputsInexistentOutputs() {
    PipelineErrors.expect(
        () -> complex.onlyNodesWithOutputs("Z"), PipelineException.Kind.UNKNOWN_DATASET, "Z");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_outputs")
  void toOutputs() {
    assertThat(names(complex.toOutputs("H@node4")))
        .containsExactly("node4", "node7", "node8", "node9");
    assertThat(complex.toOutputs("H@node2").nodes()).isEmpty();
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_outputs_traverses_transcoded")
  void toOutputsTraversesTranscoded() {
    assertThat(names(complex.toOutputs("H@node4", "D")))
        .containsExactly("node4", "node6", "node7", "node8", "node9");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_outputs_transcoded_name")
  void toOutputsTranscodedName() {
    assertThat(names(complex.toOutputs("H"))).containsExactly("node4", "node7", "node8", "node9");
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_outputs_duplicate_transcoded_names")
  void toOutputsDuplicateTranscodedNames() {
    assertThat(names(complex.toOutputs("H", "H@node4"))).isEqualTo(names(complex.toOutputs("H")));
  }

  @Test
  @DisplayName("TestComplexPipelineWithTranscoding::test_to_outputs_inexistent_outputs")
  void toOutputsInexistentOutputs() {
    PipelineErrors.expect(
        () -> complex.toOutputs("Z"), PipelineException.Kind.UNKNOWN_DATASET, "Z");
  }

  /** The same rules reach {@code weir run --from-inputs / --to-outputs} through the filter. */
  @Test
  @DisplayName("issue 16: --from-inputs / --to-outputs with transcoded names")
  void theFilterUsesTheSameRules() {
    assertThat(names(complex.filter(PipelineFilter.builder().fromInputs("H@node1").build())))
        .containsExactly("node1");
    // A final output is a known dataset: no "unknown dataset" error, but it selects no node.
    PipelineErrors.expect(
        () -> complex.filter(PipelineFilter.builder().fromInputs("N").build()),
        PipelineException.Kind.EMPTY_FILTER,
        "--from-inputs=N");
  }

  // TestGetTranscodeCompatibleName

  @Test
  @DisplayName("TestGetTranscodeCompatibleName::test_get_transcode_compatible_name")
  void getTranscodeCompatibleName() {
    assertThat(Transcoding.strip("mydata@pandas")).isEqualTo("mydata");
  }

  @Test
  @DisplayName("TestGetTranscodeCompatibleName::test_get_transcode_compatible_name_no_separator")
  void getTranscodeCompatibleNameNoSeparator() {
    assertThat(Transcoding.strip("mydata")).isEqualTo("mydata");
  }

  @Test
  @DisplayName(
      "TestGetTranscodeCompatibleName::test_get_transcode_compatible_name_multiple_separators")
  void getTranscodeCompatibleNameMultipleSeparators() {
    assertThatThrownBy(() -> Transcoding.strip("mydata@formA@formB"))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(NodeException.Kind.TRANSCODING);
              assertThat(e.names()).containsExactly("mydata@formA@formB");
            });
  }
}
