package dev.weir.pipeline;

import static dev.weir.pipeline.Kedro.BICONCAT;
import static dev.weir.pipeline.Kedro.CONSTANT_OUTPUT;
import static dev.weir.pipeline.Kedro.IDENTITY;
import static dev.weir.pipeline.Kedro.TRICONCAT;
import static dev.weir.pipeline.Kedro.map;
import static dev.weir.pipeline.Kedro.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kedro 1.5.0's tests/pipeline/test_pipeline_namespacing.py ({@code TestPipelineHelper}), case by
 * case, through {@link Pipeline#modular(Pipeline)}.
 *
 * <p>Kedro compares a node's private {@code _inputs} / {@code _outputs}, which keep the form given
 * (a string, a list or a dict). Weir's {@link Node#inputs()} and {@link Node#outputs()} are always
 * the list of dataset names in argument / output order, so a Kedro {@code "A"} reads {@code [A]}
 * here and a dict reads as its values in order. Not applicable: {@code test_confirms_namespaced}
 * (Weir has no {@code confirms=}).
 */
class KedroModularPipelineTest {

  private static Pipeline raw() {
    return Pipeline.of(
        node(IDENTITY, "A", "B", "node1"),
        node(BICONCAT, List.of("C", "D"), List.of("E", "F"), "node2"),
        node(BICONCAT, map("input1", "H", "input2", "J"), map("K", "L"), "node3"));
  }

  private static List<Node> sorted(Pipeline p) {
    return p.nodes().stream().sorted(Comparator.comparing(Node::name)).toList();
  }

  private static void io(Node node, List<String> inputs, List<String> outputs) {
    assertThat(node.inputs()).as(node.name() + " inputs").isEqualTo(inputs);
    assertThat(node.outputs()).as(node.name() + " outputs").isEqualTo(outputs);
  }

  /** The case that threw a NullPointerException before: no namespace, only renames. */
  @Test
  @DisplayName("TestPipelineHelper::test_simple_pipeline")
  void simplePipeline() {
    Pipeline p =
        Pipeline.modular(raw())
            .inputs(map("A", "A_new", "D", "D_new", "H", "H_new"))
            .outputs(map("B", "B_new", "E", "E_new", "L", "L_new"))
            .build();

    assertThat(p.nodes()).isNotEmpty();
  }

  @Test
  @DisplayName("TestPipelineHelper::test_transform_dataset_names")
  void transformDatasetNames() {
    List<Node> nodes =
        sorted(
            Pipeline.modular(raw())
                .inputs(map("A", "A_new", "D", "D_new", "H", "H_new"))
                .outputs(map("B", "B_new", "E", "E_new", "L", "L_new"))
                .build());

    io(nodes.get(0), List.of("A_new"), List.of("B_new"));
    io(nodes.get(1), List.of("C", "D_new"), List.of("E_new", "F"));
    io(nodes.get(2), List.of("H_new", "J"), List.of("L_new"));
    assertThat(nodes).allSatisfy(n -> assertThat(n.namespace()).isNull());
  }

  @Test
  @DisplayName("TestPipelineHelper::test_prefix_dataset_names")
  void prefixDatasetNames() {
    List<Node> nodes = sorted(Pipeline.modular(raw()).namespace("PREFIX").build());

    io(nodes.get(0), List.of("PREFIX.A"), List.of("PREFIX.B"));
    io(nodes.get(1), List.of("PREFIX.C", "PREFIX.D"), List.of("PREFIX.E", "PREFIX.F"));
    io(nodes.get(2), List.of("PREFIX.H", "PREFIX.J"), List.of("PREFIX.L"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_no_prefix_dataset_names")
  void noPrefixDatasetNames() {
    List<Node> nodes =
        sorted(Pipeline.modular(raw()).namespace("PREFIX").prefixDatasets(false).build());

    io(nodes.get(0), List.of("A"), List.of("B"));
    io(nodes.get(1), List.of("C", "D"), List.of("E", "F"));
    io(nodes.get(2), List.of("H", "J"), List.of("L"));
    assertThat(nodes.get(0).name()).isEqualTo("PREFIX.node1");
    assertThat(nodes.get(0).namespace()).isEqualTo("PREFIX");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_prefixing_and_renaming")
  void prefixingAndRenaming() {
    Node n =
        Pipeline.modular(Pipeline.of(node(BICONCAT, List.of("C", "D"), List.of("E", "F"))))
            .namespace("PREFIX")
            .inputs(map("C", "C_new"))
            .outputs(map("E", "E_new"))
            .build()
            .nodes()
            .get(0);

    io(n, List.of("C_new", "PREFIX.D"), List.of("E_new", "PREFIX.F"));
  }

  static Stream<Arguments> prefixExcludeFreeInputs() {
    UnaryOperator<ModularPipeline> str = m -> m.inputs("A").outputs("D");
    UnaryOperator<ModularPipeline> list = m -> m.inputs(List.of("A")).outputs(List.of("D"));
    UnaryOperator<ModularPipeline> set = m -> m.inputs(Set.of("A")).outputs(Set.of("D"));
    UnaryOperator<ModularPipeline> dict = m -> m.inputs(Map.of("A", "A")).outputs(Map.of("D", "D"));
    return Stream.of(
        Arguments.of("str", str),
        Arguments.of("list", list),
        Arguments.of("set", set),
        Arguments.of("dict", dict));
  }

  @ParameterizedTest(name = "TestPipelineHelper::test_prefix_exclude_free_inputs[{0}]")
  @MethodSource
  void prefixExcludeFreeInputs(String form, UnaryOperator<ModularPipeline> mapping) {
    Pipeline base =
        Pipeline.of(
            node(IDENTITY, "A", "B", "node1"),
            node(IDENTITY, "B", "C", "node2"),
            node(IDENTITY, "C", "D", "node3"));

    List<Node> nodes = sorted(mapping.apply(Pipeline.modular(base).namespace("PREFIX")).build());

    io(nodes.get(0), List.of("A"), List.of("PREFIX.B"));
    io(nodes.get(1), List.of("PREFIX.B"), List.of("PREFIX.C"));
    io(nodes.get(2), List.of("PREFIX.C"), List.of("D"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_transform_params_prefix_and_parameters")
  void transformParamsPrefixAndParameters() {
    Pipeline base =
        Pipeline.of(
            node(IDENTITY, "parameters", "params:B", "node1"),
            node(BICONCAT, List.of("params:C", "D"), List.of("parameters", "F"), "node2"),
            node(
                BICONCAT,
                map("input1", "params:H", "input2", "parameters"),
                map("K", "L"),
                "node3"));

    List<Node> nodes = sorted(Pipeline.modular(base).namespace("PREFIX").build());

    io(nodes.get(0), List.of("parameters"), List.of("params:PREFIX.B"));
    io(nodes.get(1), List.of("params:PREFIX.C", "PREFIX.D"), List.of("parameters", "PREFIX.F"));
    io(nodes.get(2), List.of("params:PREFIX.H", "parameters"), List.of("PREFIX.L"));
    assertThat(nodes.get(2).name()).isEqualTo("PREFIX.node3");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_dataset_transcoding_mapping_base_name")
  void datasetTranscodingMappingBaseName() {
    Node n =
        Pipeline.modular(
                Pipeline.of(node(BICONCAT, List.of("C@pandas", "D"), List.of("E@spark", "F"))))
            .namespace("PREFIX")
            .inputs(map("C", "C_new"))
            .build()
            .nodes()
            .get(0);

    io(n, List.of("C_new@pandas", "PREFIX.D"), List.of("PREFIX.E@spark", "PREFIX.F"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_dataset_transcoding_mapping_full_dataset")
  void datasetTranscodingMappingFullDataset() {
    Pipeline base =
        Pipeline.of(
            node(BICONCAT, List.of("A@pandas", "B"), "C"),
            node(BICONCAT, List.of("A@spark", "C"), "CC"));

    List<Node> nodes =
        Pipeline.modular(base).inputs(map("A@pandas", "Alpha")).namespace("PREFIX").build().nodes();

    io(nodes.get(0), List.of("Alpha", "PREFIX.B"), List.of("PREFIX.C"));
    io(nodes.get(1), List.of("PREFIX.A@spark", "PREFIX.C"), List.of("PREFIX.CC"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_empty_input")
  void emptyInput() {
    Node n =
        Pipeline.modular(Pipeline.of(node(CONSTANT_OUTPUT, null, List.of("A", "B"))))
            .namespace("PREFIX")
            .outputs(map("A", "A_new"))
            .build()
            .nodes()
            .get(0);

    io(n, List.of(), List.of("A_new", "PREFIX.B"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_empty_output")
  void emptyOutput() {
    Node n =
        Pipeline.modular(Pipeline.of(node(BICONCAT, List.of("A", "B"), null)))
            .namespace("PREFIX")
            .inputs(map("A", "A_new"))
            .build()
            .nodes()
            .get(0);

    io(n, List.of("A_new", "PREFIX.B"), List.of());
  }

  static Stream<Arguments> missingDatasetNameNoSuggestion() {
    Map<String, String> none = Map.of();
    return Stream.of(
        Arguments.of(IDENTITY, "A", "OUT", map("A", "A_new", "B", "C", "D", "E"), none, "B, D"),
        Arguments.of(BICONCAT, List.of("A", "B"), "OUT", map("C", "D"), none, "C"),
        Arguments.of(BICONCAT, map("input1", "A", "input2", "B"), "OUT", map("C", "D"), none, "C"),
        Arguments.of(IDENTITY, "IN", "A", none, map("A", "A_new", "B", "C", "D", "E"), "B, D"),
        Arguments.of(IDENTITY, "IN", List.of("A", "B"), none, map("C", "D"), "C"),
        Arguments.of(IDENTITY, "IN", map("input1", "A", "input2", "B"), none, map("C", "D"), "C"),
        Arguments.of(IDENTITY, "A", "B", map("A", "A_new"), map("B", "B_new", "C", "D"), "C"),
        Arguments.of(
            IDENTITY,
            List.of("A"),
            List.of("B"),
            map("A", "A_new"),
            map("B", "B_new", "C", "D"),
            "C"),
        Arguments.of(
            IDENTITY,
            map("input1", "A"),
            map("out1", "B"),
            map("A", "A_new", "C", "D"),
            map("B", "B_new", "C", "D"),
            "C"));
  }

  @ParameterizedTest(
      name = "TestPipelineHelper::test_missing_dataset_name_no_suggestion[{3} {4} -> {5}]")
  @MethodSource
  void missingDatasetNameNoSuggestion(
      Object func,
      Object inputs,
      Object outputs,
      Map<String, String> inputsMap,
      Map<String, String> outputsMap,
      String missing) {
    Pipeline base = Pipeline.of(node(func, inputs, outputs));
    ModularPipeline modular =
        Pipeline.modular(base).namespace("PREFIX").inputs(inputsMap).outputs(outputsMap);

    PipelineErrors.expect(
        modular::build, PipelineException.Kind.UNKNOWN_MAPPING, missing.split(", "));
    assertThatThrownBy(modular::build).message().doesNotContain("Did you mean");
  }

  static Stream<Arguments> missingDatasetWithSuggestion() {
    Map<String, String> none = Map.of();
    return Stream.of(
        Arguments.of(IDENTITY, "IN", "OUT", map("I", "in"), none, "I", "IN"),
        Arguments.of(
            BICONCAT, List.of("IN1", "IN2"), "OUT", map("IN", "input"), none, "IN", "IN1, IN2"),
        Arguments.of(IDENTITY, "IN", "OUT", none, map("OUT_", "output"), "OUT_", "OUT"),
        Arguments.of(
            IDENTITY, "IN", List.of("OUT1", "OUT2"), none, map("OUT", "out"), "OUT", "OUT1, OUT2"));
  }

  /** Weir lists close names closest first, then alphabetically; Kedro's order differs. */
  @ParameterizedTest(name = "TestPipelineHelper::test_missing_dataset_with_suggestion[{5}]")
  @MethodSource
  void missingDatasetWithSuggestion(
      Object func,
      Object inputs,
      Object outputs,
      Map<String, String> inputsMap,
      Map<String, String> outputsMap,
      String missing,
      String suggestion) {
    Pipeline base = Pipeline.of(node(func, inputs, outputs));
    ModularPipeline modular =
        Pipeline.modular(base).namespace("PREFIX").inputs(inputsMap).outputs(outputsMap);

    PipelineErrors.expect(modular::build, PipelineException.Kind.UNKNOWN_MAPPING, missing);
    assertThatThrownBy(modular::build).hasMessageEndingWith(" Did you mean: " + suggestion + "?");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_node_properties_preserved")
  void nodePropertiesPreserved() {
    Node base = Kedro.builder(IDENTITY, "A", "B").name("node1").tags("tag1").build();
    Node n = Pipeline.modular(Pipeline.of(base)).namespace("PREFIX").build().nodes().get(0);

    assertThat(n.name()).isEqualTo("PREFIX.node1");
    assertThat(n.tags()).containsExactly("tag1");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_default_node_name_is_namespaced")
  void defaultNodeNameIsNamespaced() {
    Pipeline first =
        Pipeline.modular(Pipeline.of(node(IDENTITY, "A", "B"))).namespace("PREFIX").build();
    assertThat(first.nodes().get(0).name()).startsWith("PREFIX.");
    assertThat(first.nodes().get(0).namespace()).isEqualTo("PREFIX");

    Pipeline second = Pipeline.modular(first).namespace("PRE").build();
    assertThat(second.nodes().get(0).name()).startsWith("PRE.");
    assertThat(second.nodes().get(0).namespace()).isEqualTo("PRE.PREFIX");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_expose_intermediate_output")
  void exposeIntermediateOutput() {
    Pipeline base =
        Pipeline.of(
            node(IDENTITY, "A", "B", "node1"),
            node(IDENTITY, "B", "C", "node2"),
            node(IDENTITY, "C", "D", "node3"),
            node(BICONCAT, List.of("D", "params:x"), "X", "node4"));

    List<Node> nodes =
        Pipeline.modular(base).outputs(map("B", "B_new")).namespace("ACTUAL").build().nodes();

    io(nodes.get(0), List.of("ACTUAL.A"), List.of("B_new"));
    io(nodes.get(1), List.of("B_new"), List.of("ACTUAL.C"));
    io(nodes.get(2), List.of("ACTUAL.C"), List.of("ACTUAL.D"));
    io(nodes.get(3), List.of("ACTUAL.D", "params:ACTUAL.x"), List.of("ACTUAL.X"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_parameters_left_intact_when_defined_as_str")
  void parametersLeftIntactWhenDefinedAsStr() {
    Node n =
        Pipeline.modular(Pipeline.of(node(BICONCAT, List.of("A", "params:x"), "AA", "node1")))
            .outputs(map("AA", "B"))
            .parameters("x")
            .namespace("PREFIX")
            .build()
            .nodes()
            .get(0);

    io(n, List.of("PREFIX.A", "params:x"), List.of("B"));
  }

  static Stream<Arguments> parametersLeftIntactWhenDefinedAs() {
    UnaryOperator<ModularPipeline> str = m -> m.parameters("params:x");
    UnaryOperator<ModularPipeline> set = m -> m.parameters(Set.of("params:x"));
    UnaryOperator<ModularPipeline> dict = m -> m.parameters(Map.of("params:x", "params:x"));
    return Stream.of(
        Arguments.of("params:x", str),
        Arguments.of("{params:x}", set),
        Arguments.of("{params:x: params:x}", dict));
  }

  @ParameterizedTest(name = "TestPipelineHelper::test_parameters_left_intact_when_defined_as_[{0}]")
  @MethodSource
  void parametersLeftIntactWhenDefinedAs(String form, UnaryOperator<ModularPipeline> parameters) {
    Pipeline base =
        Pipeline.of(node(TRICONCAT, List.of("A", "params:x", "params:y"), "AA", "node1"));

    Node n =
        parameters
            .apply(Pipeline.modular(base).outputs(map("AA", "B")).namespace("PREFIX"))
            .build()
            .nodes()
            .get(0);

    io(n, List.of("PREFIX.A", "params:x", "params:PREFIX.y"), List.of("B"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_parameters_updated_with_dict")
  void parametersUpdatedWithDict() {
    Pipeline base =
        Pipeline.of(
            node(BICONCAT, List.of("A", "params:x"), "AA", "node1"),
            node(BICONCAT, List.of("AA", "params:y"), "B", "node2"),
            node(BICONCAT, List.of("B", "params:x"), "BB", "node3"));

    List<Node> nodes =
        Pipeline.modular(base)
            .outputs(map("B", "B_new"))
            .parameters(map("x", "X"))
            .namespace("ACTUAL")
            .build()
            .nodes();

    io(nodes.get(0), List.of("ACTUAL.A", "params:X"), List.of("ACTUAL.AA"));
    io(nodes.get(1), List.of("ACTUAL.AA", "params:ACTUAL.y"), List.of("B_new"));
    io(nodes.get(2), List.of("B_new", "params:X"), List.of("ACTUAL.BB"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_parameters_defined_with_params_prefix")
  void parametersDefinedWithParamsPrefix() {
    Pipeline base =
        Pipeline.of(node(TRICONCAT, List.of("A", "params:x", "params:y"), "AA", "node1"));

    Node n =
        Pipeline.modular(base)
            .outputs(map("AA", "B"))
            .parameters(Set.of("params:x"))
            .namespace("PREFIX")
            .build()
            .nodes()
            .get(0);

    io(n, List.of("PREFIX.A", "params:x", "params:PREFIX.y"), List.of("B"));
  }

  private static Pipeline alphaPipeline() {
    return Pipeline.of(
        node(BICONCAT, List.of("A", "params:alpha"), "AA", "node1"),
        node(BICONCAT, List.of("AA", "parameters"), "BB", "node2"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_parameters_specified_under_inputs")
  void parametersSpecifiedUnderInputs() {
    PipelineErrors.expect(
        () -> Pipeline.modular(alphaPipeline()).inputs(map("params:alpha", "params:beta")).build(),
        PipelineException.Kind.PARAMETER_AS_DATASET,
        "params:alpha");
    PipelineErrors.expect(
        () ->
            Pipeline.modular(alphaPipeline())
                .inputs(map("parameters", "some_yaml_dataset"))
                .build(),
        PipelineException.Kind.PARAMETER_AS_DATASET,
        "parameters");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_non_existent_parameters_mapped")
  void nonExistentParametersMapped() {
    Pipeline base =
        Pipeline.of(
            node(BICONCAT, List.of("A", "params:alpha"), "AA", "node1"),
            node(BICONCAT, List.of("AA", "CC"), "BB", "node2"));
    PipelineErrors.expect(
        () -> Pipeline.modular(base).parameters(map("beta", "gamma")).build(),
        PipelineException.Kind.UNKNOWN_MAPPING,
        "params:beta");
    PipelineErrors.expect(
        () -> Pipeline.modular(base).parameters(map("parameters", "some_yaml_dataset")).build(),
        PipelineException.Kind.UNKNOWN_MAPPING,
        "parameters");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_bad_inputs_mapping")
  void badInputsMapping() {
    PipelineErrors.expect(
        () -> Pipeline.modular(alphaPipeline()).inputs(map("AA", "CC")).build(),
        PipelineException.Kind.INPUT_NOT_FREE,
        "AA");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_bad_outputs_mapping")
  void badOutputsMapping() {
    PipelineErrors.expect(
        () -> Pipeline.modular(alphaPipeline()).outputs(map("A", "C")).build(),
        PipelineException.Kind.OUTPUT_NOT_PRODUCED,
        "A");
  }

  @Test
  @DisplayName("TestPipelineHelper::test_pipeline_always_copies")
  void pipelineAlwaysCopies() {
    Pipeline original = Pipeline.of(node(CONSTANT_OUTPUT, null, "A"));
    Pipeline copy = Pipeline.modular(original).build();
    assertThat(copy.nodes()).isEqualTo(original.nodes());
    assertThat(copy).isNotSameAs(original);
  }

  @Test
  @DisplayName("TestPipelineHelper::test_pipeline_tags")
  void pipelineTags() {
    Pipeline tagged =
        Pipeline.modular(
                Pipeline.of(node(CONSTANT_OUTPUT, null, "A"), node(CONSTANT_OUTPUT, null, "B")))
            .tags("tag")
            .build();
    assertThat(tagged.nodes()).allSatisfy(n -> assertThat(n.tags()).containsExactly("tag"));
  }

  @Test
  @DisplayName("TestPipelineHelper::test_map_pipeline_namespace_to_nodes")
  void mapPipelineNamespaceToNodes() {
    Pipeline ds =
        Pipeline.modular(Pipeline.of(node(IDENTITY, "A", "B", "node1"))).namespace("ds").build();
    assertThat(ds.nodes()).allSatisfy(n -> assertThat(n.namespace()).isEqualTo("ds"));
  }

  /** Issue 16: a null or invalid argument is a WeirException naming it, never an NPE. */
  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  @Test
  @DisplayName("issue 16: null and invalid arguments of the modular builder")
  void nullAndInvalidArguments() {
    PipelineErrors.expect(
        () -> Pipeline.modular(null), PipelineException.Kind.NULL_ARGUMENT, "pipeline");
    PipelineErrors.expect(
        () -> Pipeline.modular(raw()).namespace(null),
        PipelineException.Kind.NULL_ARGUMENT,
        "namespace");
    PipelineErrors.expect(
        () -> Pipeline.modular(raw()).inputs((String) null),
        PipelineException.Kind.NULL_ARGUMENT,
        "inputs");
    PipelineErrors.expect(
        () -> Pipeline.modular(raw()).outputs((Map<String, String>) null),
        PipelineException.Kind.NULL_ARGUMENT,
        "outputs");
    PipelineErrors.expect(
        () -> Pipeline.modular(raw()).namespace("a b"),
        PipelineException.Kind.INVALID_NAMESPACE,
        "a b");
  }
}
