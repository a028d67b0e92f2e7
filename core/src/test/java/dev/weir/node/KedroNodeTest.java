package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kedro 1.5.0's tests/pipeline/test_node.py, case by case.
 *
 * <p>Not applicable, because Java's types rule them out at compile time: {@code
 * test_bad_node[bad_input_type_node]} (a tuple of inputs), {@code [bad_output_type_node]} (a set of
 * outputs), {@code test_node_invalid_less_than}, {@code test_call_with_non_keyword_arguments}. Not
 * applicable, because they test Python function shapes Java has no counterpart for: {@code
 * test_bad_input[inconsistent_input_args]} ({@code *args}), {@code [inconsistent_input_kwargs]}
 * ({@code **kwargs}), {@code [partial_inconsistent_input_size]}, {@code TestNames::test_partial},
 * {@code test_updated_partial}, {@code test_updated_partial_dict_inputs} ({@code
 * functools.partial}). Not applicable: {@code test_set_node_func} (Weir nodes are immutable),
 * {@code test_confirms} (Weir has no {@code confirms=}), {@code test_call} (a node is called with
 * {@link Node#run(Map)}, ported as the run tests).
 */
class KedroNodeTest {
  static Object constantOutput() {
    return "output";
  }

  static Object identity(Object input1) {
    return input1;
  }

  static Object biconcat(Object input1, Object input2) {
    return "" + input1 + input2;
  }

  static Object triconcat(Object input1, Object input2, Object input3) {
    return "" + input1 + input2 + input3;
  }

  private static Map<String, String> map(String... kv) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }

  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "(identity, A, B)", (Runnable) () -> Node.node(KedroNodeTest::identity, "A", "B")),
        Arguments.of(
            "(biconcat, [A, B], C)",
            (Runnable) () -> Node.node(KedroNodeTest::biconcat, List.of("A", "B"), "C")),
        Arguments.of(
            "(identity, C, [D, E])",
            (Runnable) () -> Node.node(KedroNodeTest::identity, "C", List.of("D", "E"))),
        Arguments.of(
            "(biconcat, [H, I], [J, K])",
            (Runnable)
                () -> Node.node(KedroNodeTest::biconcat, List.of("H", "I"), List.of("J", "K"))),
        Arguments.of(
            "(identity, J, {result: K})",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs("J")
                        .outputs(map("result", "K"))
                        .build()),
        Arguments.of(
            "(biconcat, [J, K], {result: L})",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::biconcat)
                        .inputs("J", "K")
                        .outputs(map("result", "L"))
                        .build()),
        Arguments.of(
            "(identity, {input1: J}, L)",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs(map("input1", "J"))
                        .output("L")
                        .build()),
        Arguments.of(
            "(identity, {input1: J}, [L, M])",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs(map("input1", "J"))
                        .outputs("L", "M")
                        .build()),
        Arguments.of(
            "(identity, {input1: J}, {result: K})",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs(map("input1", "J"))
                        .outputs(map("result", "K"))
                        .build()),
        Arguments.of(
            "(constant_output, None, M)",
            (Runnable) () -> Node.node(KedroNodeTest::constantOutput, List.of(), "M")),
        Arguments.of(
            "(biconcat, [N, O], None)",
            (Runnable) () -> Node.node(KedroNodeTest::biconcat, List.of("N", "O"), List.of())),
        Arguments.of("(lambda x: None, F, G)", (Runnable) () -> Node.node(x -> null, "F", "G")),
        Arguments.of(
            "(lambda x: (a, b), G, [X, Y])",
            (Runnable) () -> Node.node(x -> List.of("a", "b"), "G", List.of("X", "Y"))));
  }

  @ParameterizedTest(name = "TestValidNode::test_valid[{0}]")
  @MethodSource
  void valid(String tuple, Runnable build) {
    build.run();
  }

  @Test
  @DisplayName("TestValidNode::test_get_node_func")
  void getNodeFunc() {
    NodeFunction1<Object, Object> fn = KedroNodeTest::identity;
    assertThat(Node.node(fn, "A", "B").function()).isSameAs(fn);
  }

  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  @Test
  @DisplayName("TestValidNode::test_labelled")
  void labelled() {
    Node n = Node.node(x -> null).inputs("input1").output("output1").name("labeled_node").build();
    assertThat(n.toString()).startsWith("labeled_node: ").endsWith("([input1]) -> [output1]");
    assertThat(n.functionName()).contains("lambda");
  }

  @Test
  @DisplayName("TestValidNode::test_run_with_duplicate_inputs_list")
  void runWithDuplicateInputsList() throws Exception {
    Node n = Node.node(KedroNodeTest::biconcat, List.of("input1", "input1"), "output");
    assertThat(n.run(Map.of("input1", "in1"))).isEqualTo(Map.of("output", "in1in1"));
  }

  @Test
  @DisplayName("TestValidNode::test_run_with_duplicate_inputs_dict")
  void runWithDuplicateInputsDict() throws Exception {
    Node n =
        Node.node(KedroNodeTest::biconcat)
            .inputs(map("input1", "in1", "input2", "in1"))
            .output("output")
            .build();
    assertThat(n.run(Map.of("in1", "hello"))).isEqualTo(Map.of("output", "hellohello"));
  }

  @Test
  @DisplayName("TestValidNode::test_no_input")
  void noInput() {
    assertThat(Node.node(KedroNodeTest::constantOutput, List.of(), "output1").toString())
        .endsWith("KedroNodeTest::constantOutput(None) -> [output1]");
  }

  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  @Test
  @DisplayName("TestValidNode::test_no_output")
  void noOutput() {
    assertThat(Node.node(x -> null, "input1", List.of()).toString()).endsWith("([input1]) -> None");
  }

  @Test
  @DisplayName("TestValidNode::test_inputs_none / test_inputs_str / test_inputs_list")
  void inputs() {
    assertThat(Node.node(KedroNodeTest::constantOutput, List.of(), "output").inputs()).isEmpty();
    assertThat(Node.node(KedroNodeTest::identity, "input1", "output1").inputs())
        .containsExactly("input1");
    assertThat(
            Node.node(
                    KedroNodeTest::triconcat,
                    List.of("input1", "input2", "another node"),
                    List.of("output1", "output2", "last node"))
                .inputs())
        .containsExactly("input1", "input2", "another node");
  }

  @Test
  @DisplayName("TestValidNode::test_inputs_dict")
  void inputsDict() {
    Node n =
        Node.node(KedroNodeTest::biconcat)
            .inputs(map("input1", "in1", "input2", "in2"))
            .outputs("output2", "output1", "last node")
            .build();
    assertThat(n.inputs()).hasSize(2).containsExactlyInAnyOrder("in1", "in2");
  }

  @Test
  @DisplayName("TestValidNode::test_outputs_none / test_outputs_str / test_outputs_list")
  void outputs() {
    assertThat(Node.node(KedroNodeTest::identity, "input", List.of()).outputs()).isEmpty();
    assertThat(Node.node(KedroNodeTest::identity, "input1", "output1").outputs())
        .containsExactly("output1");
    assertThat(
            Node.node(
                    KedroNodeTest::triconcat,
                    List.of("input2", "input1", "another node"),
                    List.of("output2", "output1", "last node"))
                .outputs())
        .containsExactly("output2", "output1", "last node");
  }

  @Test
  @DisplayName("TestValidNode::test_outputs_dict")
  void outputsDict() {
    Node n =
        Node.node(KedroNodeTest::biconcat)
            .inputs("input1", "input2")
            .outputs(map("output1", "out1", "output2", "out2"))
            .build();
    assertThat(n.outputs()).hasSize(2).containsExactlyInAnyOrder("out1", "out2");
  }

  // TestNodeComparisons

  private static Node.Builder named(Object inputs, Object outputs, String name) {
    Node.Builder b =
        inputs instanceof List<?> && ((List<?>) inputs).size() == 2
                || inputs instanceof Map<?, ?> && ((Map<?, ?>) inputs).size() == 2
            ? Node.node(KedroNodeTest::biconcat)
            : Node.node(KedroNodeTest::identity);
    if (inputs instanceof String s) {
      b.inputs(s);
    } else if (inputs instanceof List<?> l) {
      b.inputs(l.stream().map(String::valueOf).toList());
    } else if (inputs instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, String> typed = (Map<String, String>) m;
      b.inputs(typed);
    }
    if (outputs instanceof String s) {
      b.output(s);
    } else if (outputs instanceof List<?> l) {
      b.outputs(l.stream().map(String::valueOf).toList());
    } else if (outputs instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, String> typed = (Map<String, String>) m;
      b.outputs(typed);
    }
    return b.name(name);
  }

  @Test
  @DisplayName("TestNodeComparisons::test_node_equals")
  void nodeEquals() {
    Node first = named("input1", "output1", "a_node").build();
    Node second = named("input1", "output1", "a_node").build();
    assertThat(first).isEqualTo(second).isNotSameAs(second);
  }

  /** Nodes are not {@code Comparable} in Java; Kedro's order by name is a {@link Comparator}. */
  @Test
  @DisplayName("TestNodeComparisons::test_node_less_than")
  void nodeLessThan() {
    Node first = named("input1", "output1", "A").build();
    Node second = named("input1", "output1", "B").build();
    assertThat(Comparator.comparing(Node::name).compare(first, second)).isNegative();
  }

  @Test
  @DisplayName("TestNodeComparisons::test_node_invalid_equals")
  void nodeInvalidEquals() {
    assertThat((Object) named("input1", "output1", "a_node").build()).isNotEqualTo("hello");
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of(
            "test_different_input_list_order_not_equal",
            named(List.of("input1", "input2"), "output1", "A"),
            named(List.of("input2", "input1"), "output1", "A"),
            false),
        Arguments.of(
            "test_different_output_list_order_not_equal",
            named("input1", List.of("output1", "output2"), "A"),
            named("input1", List.of("output2", "output1"), "A"),
            false),
        Arguments.of(
            "test_different_input_dict_order_equal",
            named(map("input1", "a", "input2", "b"), "output1", "A"),
            named(map("input2", "b", "input1", "a"), "output1", "A"),
            true),
        Arguments.of(
            "test_different_output_dict_order_equal",
            named("input1", map("output1", "a", "output2", "b"), "A"),
            named("input1", map("output2", "b", "output1", "a"), "A"),
            true),
        Arguments.of(
            "test_input_dict_list_not_equal",
            named(List.of("input1", "input2"), "output1", "A"),
            named(map("input1", "input1", "input2", "input2"), "output1", "A"),
            false),
        Arguments.of(
            "test_output_dict_list_not_equal",
            named("input1", List.of("output1", "output2"), "A"),
            named("input1", map("output1", "output1", "output2", "output2"), "A"),
            false));
  }

  @ParameterizedTest(name = "TestNodeComparisons::{0}")
  @MethodSource
  void comparisons(String kedroTest, Node.Builder first, Node.Builder second, boolean equal) {
    if (equal) {
      assertThat(first.build()).isEqualTo(second.build());
    } else {
      assertThat(first.build()).isNotEqualTo(second.build());
    }
  }

  // test_bad_node, test_bad_input

  @SuppressWarnings(
      "NullAway") // passes null or returns null on purpose: Kedro's assertion is about it
  static Stream<Arguments> badNode() {
    return Stream.of(
        Arguments.of(
            "bad_function_type_node",
            (Runnable) () -> Node.node((NodeFunction1<Object, Object>) null),
            NodeException.Kind.NULL_ARGUMENT,
            List.of("function")),
        Arguments.of(
            "no_input_or_output_node",
            (Runnable) () -> Node.node(KedroNodeTest::constantOutput).name("n").build(),
            NodeException.Kind.NO_INPUTS_OR_OUTPUTS,
            List.of("n")),
        Arguments.of(
            "input_same_as_output_node",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::biconcat)
                        .inputs("A", "B")
                        .outputs(map("a", "A"))
                        .name("n")
                        .build(),
            NodeException.Kind.SAME_INPUT_AND_OUTPUT,
            List.of("n", "A")),
        Arguments.of(
            "duplicate_output_dict_node",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs("A")
                        .outputs(map("a", "A", "b", "A"))
                        .name("n")
                        .build(),
            NodeException.Kind.DUPLICATE_OUTPUT,
            List.of("n", "A")),
        Arguments.of(
            "duplicate_output_list_node",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs("A")
                        .outputs("A", "A")
                        .name("n")
                        .build(),
            NodeException.Kind.DUPLICATE_OUTPUT,
            List.of("n", "A")),
        Arguments.of(
            "test_bad_input[inconsistent_input_size]",
            (Runnable)
                () ->
                    Node.node(KedroNodeTest::identity)
                        .inputs("A", "B")
                        .output("C")
                        .name("n")
                        .build(),
            NodeException.Kind.ARITY,
            List.of("n", "1", "A", "B")),
        Arguments.of(
            "test_bad_input[lambda_inconsistent_input_size]",
            (Runnable) () -> Node.node(x -> x).inputs("A", "B").output("C").name("n").build(),
            NodeException.Kind.ARITY,
            List.of("n", "1", "A", "B")));
  }

  @ParameterizedTest(name = "test_bad_node[{0}]")
  @MethodSource
  void badNode(String kedroCase, Runnable build, NodeException.Kind kind, List<String> names) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(kind);
              assertThat(e.names()).isEqualTo(names);
            });
  }

  // TestTag

  @Test
  @DisplayName("TestTag::test_tag_nodes / test_tag_nodes_single_tag")
  void tagNodes() {
    Node tagged =
        Node.node(KedroNodeTest::identity)
            .inputs("input")
            .output("output")
            .tags("hello")
            .build()
            .tag("world");
    assertThat(tagged.tags()).containsExactly("hello", "world");
  }

  // TestNames

  /** Weir prints the function as {@code Class::method}: Java methods live in classes. */
  @Test
  @DisplayName("TestNames::test_named")
  void named() {
    Node n = Node.node(KedroNodeTest::identity).inputs("in").outputs("out").name("name").build();
    assertThat(n).hasToString("name: KedroNodeTest::identity([in]) -> [out]");
    assertThat(n.name()).isEqualTo("name");
    assertThat(n.shortName()).isEqualTo("name");
  }

  @ParameterizedTest(name = "TestNames::test_invalid_name[{0}]")
  @ValueSource(strings = {"name,with,comma", "name with space"})
  void invalidName(String bad) {
    assertThatThrownBy(
            () -> Node.node(KedroNodeTest::identity).inputs("in").outputs("out").name(bad).build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(NodeException.Kind.INVALID_NAME);
              assertThat(e.names()).containsExactly(bad, "name", bad);
            });
  }

  /**
   * Kedro's default name is the node string ({@code identity([in]) -> [out]}), which {@code
   * --nodes} cannot take; Weir's is {@code <method>__<hash of that string>}, prefixed by the
   * namespace.
   */
  @Test
  @DisplayName("TestNames::test_namespaced / test_function")
  void namespacedDefaultName() {
    Node n =
        Node.node(KedroNodeTest::identity)
            .inputs("in")
            .outputs("out")
            .namespace("namespace")
            .build();
    assertThat(n.toString()).endsWith("KedroNodeTest::identity([in]) -> [out]");
    assertThat(n.name()).matches("namespace\\.identity__[0-9a-f]{8}");
    assertThat(n.shortName()).matches("identity__[0-9a-f]{8}");
    assertThat(Node.node(KedroNodeTest::identity).inputs("in").outputs("out").build().name())
        .isEqualTo(n.shortName());
  }

  @Test
  @DisplayName("TestNames::test_named_and_namespaced")
  void namedAndNamespaced() {
    Node n =
        Node.node(KedroNodeTest::identity)
            .inputs("in")
            .outputs("out")
            .name("name")
            .namespace("namespace")
            .build();
    assertThat(n).hasToString("namespace.name: KedroNodeTest::identity([in]) -> [out]");
    assertThat(n.name()).isEqualTo("namespace.name");
    assertThat(n.shortName()).isEqualTo("name");
    assertThat(n.namespacePrefixes()).containsExactly("namespace");
  }

  @Test
  @DisplayName("TestNames::test_lambda")
  void lambda() {
    Node n = Node.node((Object a) -> a).inputs("in").outputs("out").build();
    assertThat(n.name()).matches("lambda__[0-9a-f]{8}");
  }

  @Test
  @DisplayName("kedro.pipeline docs: Node.namespace_prefixes")
  void namespacePrefixes() {
    Node n =
        Node.node(KedroNodeTest::identity).inputs("in").output("out").namespace("a.b.c").build();
    assertThat(n.namespacePrefixes()).containsExactly("a", "a.b", "a.b.c");
    assertThat(Node.node(KedroNodeTest::identity, "in", "out").namespacePrefixes()).isEmpty();
  }
}
