package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeRunTest {

  @Test
  void singleOutputBindsTheReturnValue() throws Exception {
    Node node = Node.node(Functions::upper).inputs("a").output("b").name("n").build();

    assertThat(node.run(Map.of("a", "x"))).containsExactly(Map.entry("b", "X"));
  }

  @Test
  void argumentsFollowInputOrder() throws Exception {
    Node node =
        Node.node((String a, String b) -> a + "-" + b)
            .inputs("second", "first")
            .output("o")
            .build();

    assertThat(node.run(Map.of("first", "1", "second", "2"))).containsEntry("o", "2-1");
  }

  @Test
  void tenArgumentsArePassedInOrder() throws Exception {
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    Map<String, Object> inputs = new LinkedHashMap<>();
    names.forEach(n -> inputs.put(n, n.toUpperCase()));
    Node node = Node.node(Functions::join10).inputs(names).output("out").name("ten").build();

    assertThat(node.run(inputs)).containsEntry("out", "ABCDEFGHIJ");
  }

  @Test
  void mapInputsFeedAPositionalFunctionInMapOrder() throws Exception {
    Map<String, String> byArgument = new LinkedHashMap<>();
    byArgument.put("rows", "model_input");
    byArgument.put("options", "params:model_options");
    Node node =
        Node.node(Functions::split).inputs(byArgument).outputs("train", "test").name("s").build();

    Map<String, Object> out =
        node.run(
            Map.of(
                "model_input",
                List.of(1, 2),
                "params:model_options",
                new Functions.ModelOptions(0.5, 0)));

    assertThat(out).containsEntry("train", List.of(1)).containsEntry("test", List.of(2));
  }

  @Test
  void zeroArgumentFunctionRuns() throws Exception {
    Node node = Node.node(Functions::constant).output("c").name("source").build();

    assertThat(node.run(Map.of())).containsEntry("c", "c");
  }

  @Test
  void listOutputsBindInOrder() throws Exception {
    Node node = Node.node(Functions::pair).inputs("a").outputs("one", "two").name("n").build();

    assertThat(node.run(Map.of("a", "x")))
        .containsExactly(Map.entry("one", "x"), Map.entry("two", "xx"));
  }

  @Test
  void recordOutputsBindComponentsInOrder() throws Exception {
    Node node =
        Node.node(Functions::split)
            .inputs("rows", "params:model_options")
            .outputs("train", "test")
            .name("split")
            .build();

    Map<String, Object> out =
        node.run(
            Map.of(
                "rows",
                List.of(1, 2, 3, 4),
                "params:model_options",
                new Functions.ModelOptions(0.25, 1)));

    assertThat(out)
        .containsExactly(Map.entry("train", List.of(1, 2, 3)), Map.entry("test", List.of(4)));
  }

  @Test
  void mapOutputsBindByKey() throws Exception {
    Map<String, String> byKey = new LinkedHashMap<>();
    byKey.put("sum", "total");
    byKey.put("count", "rows_count");
    Node node = Node.node(Functions::stats).inputs("rows").outputs(byKey).name("n").build();

    assertThat(node.run(Map.of("rows", List.of(2, 3))))
        .containsExactly(Map.entry("total", 5), Map.entry("rows_count", 2));
  }

  @Test
  void mapFunctionGetsInputsByArgumentNameAndReturnsByKey() throws Exception {
    Map<String, String> byArgument = new LinkedHashMap<>();
    byArgument.put("left", "ds_a");
    byArgument.put("right", "ds_b");
    Node node =
        Node.mapNode(in -> Map.of("joined", in.get("left") + "+" + in.get("right")))
            .inputs(byArgument)
            .outputs(Map.of("joined", "ds_joined"))
            .name("join")
            .build();

    assertThat(node.run(Map.of("ds_a", "A", "ds_b", "B")))
        .containsExactly(Map.entry("ds_joined", "A+B"));
  }

  @Test
  void mapFunctionWithListInputsAndOutputsUsesDatasetNames() throws Exception {
    Node node =
        Node.mapNode(in -> Map.of("y", in.get("x") + "!", "z", "z"))
            .inputs("x")
            .outputs("y", "z")
            .name("n")
            .build();

    assertThat(node.run(Map.of("x", "hi"))).containsEntry("y", "hi!").containsEntry("z", "z");
  }

  @Test
  void noOutputsIgnoresTheReturnValue() throws Exception {
    Node node = Node.node(Functions::upper).inputs("a").name("sink").build();

    assertThat(node.run(Map.of("a", "x"))).isEmpty();
  }

  @Test
  void wrongListSizeIsAnErrorNamingTheNode() {
    Node node =
        Node.node(Functions::pair).inputs("a").outputs("one", "two", "three").name("n").build();

    assertThatThrownBy(() -> node.run(Map.of("a", "x")))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> NodeTest.expect(e, NodeException.Kind.OUTPUT_COUNT, "n", "one", "two", "three"));
  }

  @Test
  void aSingleNameInOutputsExpectsAListAsInKedro() {
    Node node = Node.node(Functions::upper).inputs("a").outputs("b").name("n").build();

    assertThatThrownBy(() -> node.run(Map.of("a", "x")))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> {
              NodeTest.expect(e, NodeException.Kind.OUTPUT_NOT_A_LIST, "n", "b");
              assertThat(e.getMessage()).contains("returned a java.lang.String");
            });
  }

  @Test
  void missingAndExtraMapKeysAreErrors() {
    Node missing =
        Node.node(Functions::stats)
            .inputs("rows")
            .outputs(Map.of("mean", "m", "sum", "s", "count", "c"))
            .name("n")
            .build();
    Node extra =
        Node.node(Functions::stats).inputs("rows").outputs(Map.of("sum", "s")).name("e").build();

    assertThatThrownBy(() -> missing.run(Map.of("rows", List.of(1))))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> {
              NodeTest.expect(e, NodeException.Kind.OUTPUT_KEYS, "n", "count", "mean", "sum");
              assertThat(e.getMessage()).contains("returned the keys ['count', 'sum']");
            });
    assertThatThrownBy(() -> extra.run(Map.of("rows", List.of(1))))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> NodeTest.expect(e, NodeException.Kind.OUTPUT_KEYS, "e", "sum"));
  }

  // Returns null on purpose: the runtime guard for callers NullAway does not check.
  @Test
  @SuppressWarnings("NullAway")
  void nullForADeclaredOutputIsAnError() {
    Node single = Node.node((String a) -> null).inputs("a").output("b").name("single").build();
    Node list =
        Node.node((String a) -> Arrays.asList("x", null))
            .inputs("a")
            .outputs("b", "c")
            .name("list")
            .build();

    assertThatThrownBy(() -> single.run(Map.of("a", "x")))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> NodeTest.expect(e, NodeException.Kind.OUTPUT_NULL, "single", "b"));
    assertThatThrownBy(() -> list.run(Map.of("a", "x")))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> NodeTest.expect(e, NodeException.Kind.OUTPUT_NULL, "list", "c"));
  }

  @Test
  void aMissingInputIsAnErrorNamingNodeAndDataset() {
    Node node = Node.node(Functions::upper).inputs("a").output("b").name("n").build();

    assertThatThrownBy(() -> node.run(Map.of("other", "x")))
        .isInstanceOfSatisfying(
            NodeException.class,
            e -> NodeTest.expect(e, NodeException.Kind.MISSING_INPUT, "n", "a"));
  }

  @Test
  void theFunctionsOwnExceptionPropagatesUnchanged() {
    IOException boom = new IOException("disk full");
    Node node =
        Node.node(
                (String a) -> {
                  throw boom;
                })
            .inputs("a")
            .output("b")
            .name("n")
            .build();

    assertThatThrownBy(() -> node.run(Map.of("a", "x"))).isSameAs(boom);
  }
}
