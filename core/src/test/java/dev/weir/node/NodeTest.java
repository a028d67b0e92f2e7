package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {

  private static Node.Builder upper() {
    return Node.node(Functions::upper);
  }

  @Test
  void keepsInputsOutputsNameNamespaceAndSortedTags() {
    Node node =
        upper()
            .inputs("companies")
            .output("preprocessed")
            .name("preprocess")
            .namespace("data_processing")
            .tags("z", "a", "m")
            .build();

    assertThat(node.inputs()).containsExactly("companies");
    assertThat(node.outputs()).containsExactly("preprocessed");
    assertThat(node.name()).isEqualTo("data_processing.preprocess");
    assertThat(node.namespace()).isEqualTo("data_processing");
    assertThat(node.tags()).containsExactly("a", "m", "z");
  }

  @Test
  void mapInputsKeepArgumentOrderAndExposeDatasetNames() {
    Map<String, String> byArgument = new LinkedHashMap<>();
    byArgument.put("rows", "model_input");
    byArgument.put("options", "params:model_options");
    Node node = Node.node(Functions::split).inputs(byArgument).outputs("train", "test").build();

    assertThat(node.inputs()).containsExactly("model_input", "params:model_options");
  }

  @Test
  void mapOutputsExposeDatasetNamesInOrder() {
    Map<String, String> byKey = new LinkedHashMap<>();
    byKey.put("sum", "total_out");
    byKey.put("count", "count_out");
    Node node = Node.node(Functions::stats).inputs("rows").outputs(byKey).build();

    assertThat(node.outputs()).containsExactly("total_out", "count_out");
  }

  @Test
  void namespaceIsNullWhenNotSet() {
    Node node = upper().inputs("a").output("b").name("n").build();

    assertThat(node.namespace()).isNull();
    assertThat(node.name()).isEqualTo("n");
  }

  @Test
  void nodeWithoutInputsOrOutputsIsRejected() {
    assertThatThrownBy(() -> Node.node(Functions::constant).name("nothing").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.NO_INPUTS_OR_OUTPUTS, "nothing"));
  }

  @Test
  void nodeWithOnlyAnOutputIsAccepted() {
    Node node = Node.node(Functions::constant).output("c").name("source").build();

    assertThat(node.inputs()).isEmpty();
  }

  @Test
  void inputCountMustMatchTheFunctionArity() {
    assertThatThrownBy(() -> upper().inputs("a", "b").output("c").name("n").build())
        .isInstanceOfSatisfying(
            NodeException.class, e -> expect(e, NodeException.Kind.ARITY, "n", "1", "a", "b"));
  }

  @Test
  void nameTagAndNamespaceMustMatchThePattern() {
    assertThatThrownBy(() -> upper().inputs("a").output("b").name("bad name").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.INVALID_NAME, "bad name", "name", "bad name"));
    assertThatThrownBy(
            () -> upper().inputs("a").output("b").name("n").tags("ok", "no/slash").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.INVALID_NAME, "n", "tag", "no/slash"));
    assertThatThrownBy(() -> upper().inputs("a").output("b").name("n").namespace("a b").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.INVALID_NAME, "a b.n", "namespace", "a b"));
  }

  @Test
  void namesMayUseDotsHyphensDigitsAndUnicodeLetters() {
    Node node = upper().inputs("a").output("b").name("étape-1.v2").build();

    assertThat(node.name()).isEqualTo("étape-1.v2");
  }

  @Test
  void duplicateOutputsAreRejectedIncludingTranscodedOnes() {
    assertThatThrownBy(
            () -> Node.node(Functions::pair).inputs("a").outputs("x", "x").name("n").build())
        .isInstanceOfSatisfying(
            NodeException.class, e -> expect(e, NodeException.Kind.DUPLICATE_OUTPUT, "n", "x"));
    assertThatThrownBy(
            () ->
                Node.node(Functions::pair)
                    .inputs("a")
                    .outputs("x@spark", "x@delta")
                    .name("n")
                    .build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.DUPLICATE_OUTPUT, "n", "x@delta"));
  }

  @Test
  void anInputMayNotAlsoBeAnOutputEvenWhenTranscoded() {
    assertThatThrownBy(() -> upper().inputs("x").output("x").name("n").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.SAME_INPUT_AND_OUTPUT, "n", "x"));
    assertThatThrownBy(() -> upper().inputs("x@spark").output("x@delta").name("n").build())
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.SAME_INPUT_AND_OUTPUT, "n", "x"));
  }

  @Test
  void aDatasetNameWithTwoTranscodingSeparatorsIsRejected() {
    assertThatThrownBy(() -> upper().inputs("x@a@b").output("y").name("n").build())
        .isInstanceOfSatisfying(
            NodeException.class, e -> expect(e, NodeException.Kind.TRANSCODING, "x@a@b"));
  }

  @Test
  void defaultNameIsDeterministicValidAndDependsOnFunctionInputsAndOutputs() {
    Node first = upper().inputs("a").output("b").build();
    Node again = upper().inputs("a").output("b").build();
    Node otherInput = upper().inputs("z").output("b").build();
    Node otherOutput = upper().inputs("a").output("z").build();
    Node otherFunction = Node.node(Functions::describe).inputs("a").output("b").build();

    assertThat(first.name()).isEqualTo(again.name()).matches("upper__[0-9a-f]{8}");
    assertThat(otherInput.name()).isNotEqualTo(first.name());
    assertThat(otherOutput.name()).isNotEqualTo(first.name());
    assertThat(otherFunction.name()).startsWith("describe__").isNotEqualTo(first.name());
  }

  @Test
  void defaultNameOfALambdaSaysLambdaAndIsPrefixedByTheNamespace() {
    Node node = Node.node((String s) -> s.trim()).inputs("a").output("b").namespace("ns").build();

    assertThat(node.name()).matches("ns\\.lambda__[0-9a-f]{8}");
  }

  @Test
  void tagReturnsACopyWithMoreTags() {
    Node node = upper().inputs("a").output("b").name("n").tags("x").build();

    Node tagged = node.tag("y");

    assertThat(tagged.tags()).containsExactly("x", "y");
    assertThat(node.tags()).containsExactly("x");
    assertThat(tagged.name()).isEqualTo("n");
    assertThatThrownBy(() -> node.tag("bad tag")).isInstanceOf(NodeException.class);
  }

  @Test
  void tagsAreImmutable() {
    Node node = upper().inputs("a").output("b").name("n").tags("x").build();

    assertThatThrownBy(() -> node.tags().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> node.inputs().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalityIsKedrosNameInputsAndOutputsNotTheFunction() {
    Node a = upper().inputs("a").output("b").name("same").build();
    Node sameDefinition =
        Node.node(Functions::describe).inputs("a").output("b").name("same").build();
    Node otherDatasets = upper().inputs("c").output("d").name("same").build();
    Node otherName = upper().inputs("a").output("b").name("other").build();

    assertThat(a).isEqualTo(sameDefinition).hasSameHashCodeAs(sameDefinition);
    assertThat(a).isNotEqualTo(otherDatasets).isNotEqualTo(otherName);
  }

  // A sink's function returns null, which NodeFunction1's R does not allow yet.
  @Test
  @SuppressWarnings("NullAway")
  void toStringIsKedroStyle() {
    Node node =
        Node.node(Functions::split)
            .inputs("rows", "params:o")
            .outputs("tr", "te")
            .name("s")
            .build();
    Node sink = Node.node((String s) -> null).inputs("a").name("sink").build();

    assertThat(node).hasToString("s: Functions::split([rows;params:o]) -> [tr;te]");
    assertThat(sink.toString()).startsWith("sink: NodeTest::lambda$").endsWith("([a]) -> None");
  }

  @Test
  void withNamespacePrefixesNameAndNamespaceAndRenamesDatasets() {
    Node node =
        upper().inputs("a@spark").output("b").name("n").namespace("inner").tags("t").build();

    Node copy = node.withNamespace("outer", name -> "x_" + name);

    assertThat(copy.name()).isEqualTo("outer.inner.n");
    assertThat(copy.namespace()).isEqualTo("outer.inner");
    assertThat(copy.inputs()).containsExactly("x_a@spark");
    assertThat(copy.outputs()).containsExactly("x_b");
    assertThat(copy.tags()).containsExactly("t");
    assertThat(node.name()).isEqualTo("inner.n");
  }

  @Test
  void withNamespaceRederivesADefaultName() {
    Node node = upper().inputs("a").output("b").build();

    Node copy = node.withNamespace("ns", name -> "ns." + name);

    assertThat(copy.name()).isEqualTo("ns." + upper().inputs("ns.a").output("ns.b").build().name());
  }

  @Test
  void withNamespaceRevalidatesTheCopy() {
    Node node = upper().inputs("a").output("b").name("n").build();

    assertThatThrownBy(() -> node.withNamespace("ns", name -> "same"))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> expect(e, NodeException.Kind.SAME_INPUT_AND_OUTPUT, "ns.n", "same"));
  }

  @Test
  void mapOutputsKeepKeysThroughWithNamespace() throws Exception {
    Node node =
        Node.node(Functions::stats)
            .inputs("rows")
            .outputs(Map.of("count", "n_rows", "sum", "total"))
            .name("n")
            .build();
    Node copy = node.withNamespace("ns", name -> "ns." + name);

    assertThat(copy.run(Map.of("ns.rows", List.of(1, 2, 3))))
        .containsOnly(Map.entry("ns.n_rows", 3), Map.entry("ns.total", 6));
  }

  static void expect(NodeException e, NodeException.Kind kind, String... names) {
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.names()).containsExactly(names);
  }
}
