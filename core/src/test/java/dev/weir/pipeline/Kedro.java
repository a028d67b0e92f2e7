package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.NodeFunction0;
import dev.weir.node.NodeFunction1;
import dev.weir.node.NodeFunction2;
import dev.weir.node.NodeFunction3;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Kedro's test vocabulary in Java, so the ported cases read like Kedro's own tests (kedro-org/kedro
 * tests/pipeline): the dummy functions {@code constant_output}, {@code identity}, {@code biconcat},
 * {@code triconcat}, and {@code node(func, inputs, outputs, name=, tags=, namespace=)} where inputs
 * and outputs are {@code null}, a name, a list or a map, as in Python.
 */
final class Kedro {
  private Kedro() {}

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

  static final NodeFunction0<Object> CONSTANT_OUTPUT = Kedro::constantOutput;
  static final NodeFunction1<Object, Object> IDENTITY = Kedro::identity;
  static final NodeFunction2<Object, Object, Object> BICONCAT = Kedro::biconcat;
  static final NodeFunction3<Object, Object, Object, Object> TRICONCAT = Kedro::triconcat;

  static Node node(Object func, @Nullable Object inputs, @Nullable Object outputs) {
    return builder(func, inputs, outputs).build();
  }

  static Node node(
      Object func, @Nullable Object inputs, @Nullable Object outputs, String name, String... tags) {
    return builder(func, inputs, outputs).name(name).tags(tags).build();
  }

  static Node namespaced(
      Object func, @Nullable Object inputs, @Nullable Object outputs, String name, String ns) {
    return builder(func, inputs, outputs).name(name).namespace(ns).build();
  }

  @SuppressWarnings("unchecked")
  static Node.Builder builder(Object func, @Nullable Object inputs, @Nullable Object outputs) {
    Node.Builder b;
    if (func instanceof NodeFunction0<?> f) {
      b = Node.node(f);
    } else if (func instanceof NodeFunction1<?, ?> f) {
      b = Node.node(f);
    } else if (func instanceof NodeFunction2<?, ?, ?> f) {
      b = Node.node(f);
    } else {
      b = Node.node((NodeFunction3<?, ?, ?, ?>) func);
    }
    if (inputs instanceof String s) {
      b.inputs(s);
    } else if (inputs instanceof List<?> l) {
      b.inputs((List<String>) l);
    } else if (inputs instanceof Map<?, ?> m) {
      b.inputs((Map<String, String>) m);
    }
    if (outputs instanceof String s) {
      b.output(s);
    } else if (outputs instanceof List<?> l) {
      b.outputs((List<String>) l);
    } else if (outputs instanceof Map<?, ?> m) {
      b.outputs((Map<String, String>) m);
    }
    return b;
  }

  /** An ordered map, as a Python dict literal: {@code map("a", "x", "b", "y")}. */
  static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Set<String> names(Pipeline pipeline) {
    Set<String> names = new TreeSet<>();
    pipeline.nodes().forEach(n -> names.add(n.name()));
    return names;
  }

  /** One of Kedro's pipeline fixtures: nodes, expected groups, free inputs, outputs. */
  record Fixture(
      String name,
      List<Node> nodes,
      List<Set<Node>> expected,
      Set<String> freeInputs,
      Set<String> outputs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Fixture branchlessPipeline() {
    return new Fixture(
        "branchless_pipeline",
        List.of(
            node(IDENTITY, "E", null),
            node(IDENTITY, "D", "E"),
            node(IDENTITY, "C", "D"),
            node(IDENTITY, "A", "B"),
            node(IDENTITY, "B", "C"),
            node(CONSTANT_OUTPUT, null, "A")),
        List.of(
            Set.of(node(CONSTANT_OUTPUT, null, "A")),
            Set.of(node(IDENTITY, "A", "B")),
            Set.of(node(IDENTITY, "B", "C")),
            Set.of(node(IDENTITY, "C", "D")),
            Set.of(node(IDENTITY, "D", "E")),
            Set.of(node(IDENTITY, "E", null))),
        Set.of(),
        Set.of());
  }

  static List<Node> listWithLists() {
    return List.of(
        node(TRICONCAT, List.of("H", "I", "M"), "N", "node1"),
        node(IDENTITY, "H", "I", "node2"),
        node(IDENTITY, "F", List.of("G", "M"), "node3"),
        node(IDENTITY, "E", List.of("F", "H"), "node4"),
        node(IDENTITY, "D", null, "node5"),
        node(IDENTITY, "C", "D", "node6", "foo"),
        node(IDENTITY, "B", List.of("C", "E"), "node7", "foo"),
        node(IDENTITY, "A", List.of("B", "L"), "node8"),
        node(CONSTANT_OUTPUT, null, "A", "node9"));
  }

  static Fixture pipelineListWithLists() {
    List<Node> n = listWithLists();
    return new Fixture(
        "pipeline_list_with_lists",
        n,
        List.of(
            Set.of(n.get(8)),
            Set.of(n.get(7)),
            Set.of(n.get(6)),
            Set.of(n.get(5), n.get(3)),
            Set.of(n.get(4), n.get(1), n.get(2)),
            Set.of(n.get(0))),
        Set.of(),
        Set.of("L", "G", "N"));
  }

  static Fixture pipelineWithDicts() {
    List<Node> n =
        List.of(
            node(TRICONCAT, List.of("H", "I", "M"), "N", "node1"),
            node(IDENTITY, "H", "I", "node2"),
            node(IDENTITY, "F", map("M", "M", "N", "G"), "node3"),
            node(IDENTITY, "E", map("O", "F", "P", "H"), "node4"),
            node(IDENTITY, map("input1", "D"), null, "node5"),
            node(IDENTITY, "C", "D", "node6", "foo"),
            node(IDENTITY, "B", map("P", "C", "Q", "E"), "node7", "foo"),
            node(IDENTITY, "A", map("R", "B", "S", "L"), "node8"),
            node(CONSTANT_OUTPUT, null, "A", "node9"));
    return new Fixture(
        "pipeline_with_dicts",
        n,
        List.of(
            Set.of(n.get(8)),
            Set.of(n.get(7)),
            Set.of(n.get(6)),
            Set.of(n.get(5), n.get(3)),
            Set.of(n.get(4), n.get(1), n.get(2)),
            Set.of(n.get(0))),
        Set.of(),
        Set.of("L", "G", "N"));
  }

  static Fixture freeInputNeededPipeline() {
    List<Node> n =
        List.of(
            node(IDENTITY, "A", "B", "node1"),
            node(IDENTITY, "B", "C", "node2"),
            node(IDENTITY, "C", "D", "node3"));
    return new Fixture(
        "free_input_needed_pipeline",
        n,
        List.of(Set.of(n.get(0)), Set.of(n.get(1)), Set.of(n.get(2))),
        Set.of("A"),
        Set.of("D"));
  }

  static Fixture disjointPipeline() {
    List<Node> n =
        List.of(
            node(IDENTITY, "A", "B", "node1"),
            node(IDENTITY, "B", "C", "node2"),
            node(IDENTITY, "E", "F", "node3"),
            node(IDENTITY, "D", "E", "node4"));
    return new Fixture(
        "disjoint_pipeline",
        n,
        List.of(Set.of(n.get(0), n.get(3)), Set.of(n.get(1), n.get(2))),
        Set.of("A", "D"),
        Set.of("C", "F"));
  }

  static Fixture pipelineInputDuplicated() {
    List<Node> n =
        List.of(
            node(BICONCAT, List.of("A", "A"), "B", "node1"),
            node(IDENTITY, "B", "C", "node2"),
            node(IDENTITY, "C", "D", "node3"));
    return new Fixture(
        "pipeline_input_duplicated",
        n,
        List.of(Set.of(n.get(0)), Set.of(n.get(1)), Set.of(n.get(2))),
        Set.of("A"),
        Set.of("D"));
  }

  static Fixture strNodeInputsList() {
    List<Node> n =
        List.of(
            node(BICONCAT, List.of("input1", "input2"), List.of("input3"), "node1"),
            node(IDENTITY, "input3", "input4", "node2"));
    return new Fixture(
        "str_node_inputs_list",
        n,
        List.of(Set.of(n.get(0)), Set.of(n.get(1))),
        Set.of("input1", "input2"),
        Set.of("input4"));
  }

  /** Kedro's {@code input_data} fixture: every pipeline fixture above. */
  static List<Fixture> inputData() {
    return List.of(
        branchlessPipeline(),
        pipelineListWithLists(),
        pipelineWithDicts(),
        freeInputNeededPipeline(),
        disjointPipeline(),
        pipelineInputDuplicated(),
        strNodeInputsList());
  }

  static Pipeline complexPipeline() {
    return Pipeline.modular(Pipeline.of(listWithLists())).build();
  }
}
