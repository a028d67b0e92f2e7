package dev.weir.pipeline;

import static dev.weir.pipeline.Nodes.layerNames;
import static dev.weir.pipeline.Nodes.n;
import static dev.weir.pipeline.Nodes.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineGraphTest {

  /** raw -> clean -> (features, report); features -> model; params feed model. */
  static Pipeline sample() {
    return Pipeline.of(
        n("model", "features,params:opts", "trained"),
        n("report", "clean", "report_out"),
        n("features", "clean", "features"),
        n("clean", "raw", "clean"));
  }

  @Test
  void nodesComeInTopologicalOrderWithLayersSortedByName() {
    Pipeline pipeline = sample();

    assertThat(layerNames(pipeline))
        .containsExactly(List.of("clean"), List.of("features", "report"), List.of("model"));
    assertThat(names(pipeline)).containsExactly("clean", "features", "report", "model");
  }

  @Test
  void layerOrderDoesNotDependOnTheOrderNodesWereGiven() {
    List<Node> nodes = new ArrayList<>(sample().nodes());
    nodes.add(n("b_source", "", "b"));
    nodes.add(n("a_source", "", "a"));
    nodes.add(n("z_join", "a,b", "z"));
    List<List<String>> expected = layerNames(Pipeline.of(nodes));

    for (long seed = 0; seed < 20; seed++) {
      Collections.shuffle(nodes, new java.util.Random(seed));
      assertThat(layerNames(Pipeline.of(nodes))).isEqualTo(expected);
    }
    assertThat(expected.get(0)).containsExactly("a_source", "b_source", "clean");
  }

  @Test
  void freeInputsOutputsAndAllDatasetsAreSorted() {
    Pipeline pipeline = sample();

    assertThat(pipeline.inputs()).containsExactly("params:opts", "raw");
    assertThat(pipeline.outputs()).containsExactly("report_out", "trained");
    assertThat(pipeline.allInputs()).containsExactly("clean", "features", "params:opts", "raw");
    assertThat(pipeline.allOutputs()).containsExactly("clean", "features", "report_out", "trained");
    assertThat(pipeline.datasets())
        .containsExactly("clean", "features", "params:opts", "raw", "report_out", "trained");
  }

  @Test
  void transcodedDatasetsConnectNodesAndAreNotFreeInputs() {
    Pipeline pipeline =
        Pipeline.of(n("read", "companies@delta", "x"), n("write", "raw", "companies@spark"));

    assertThat(names(pipeline)).containsExactly("write", "read");
    assertThat(pipeline.inputs()).containsExactly("raw");
    assertThat(pipeline.outputs()).containsExactly("x");
    assertThat(pipeline.nodeDependencies().get(pipeline.node("read").orElseThrow()))
        .containsExactly(pipeline.node("write").orElseThrow());
  }

  @Test
  void nodeDependenciesListDirectParents() {
    Pipeline pipeline = sample();
    Map<Node, Set<Node>> deps = pipeline.nodeDependencies();

    assertThat(deps.get(node(pipeline, "clean"))).isEmpty();
    assertThat(deps.get(node(pipeline, "model"))).containsExactly(node(pipeline, "features"));
    assertThat(deps.get(node(pipeline, "report"))).containsExactly(node(pipeline, "clean"));
    assertThat(deps).hasSize(4);
  }

  @Test
  void aNodeReadingTwoOutputsOfOneParentHasItOnce() {
    Pipeline pipeline = Pipeline.of(n("p", "i", "a,b"), n("c", "a,b", "o"));

    assertThat(pipeline.nodeDependencies().get(node(pipeline, "c"))).hasSize(1);
    assertThat(layerNames(pipeline)).containsExactly(List.of("p"), List.of("c"));
  }

  @Test
  void nodeLooksUpByFullName() {
    Pipeline pipeline = sample();

    assertThat(pipeline.node("model")).map(Node::outputs).contains(List.of("trained"));
    assertThat(pipeline.node("nope")).isEmpty();
  }

  @Test
  void duplicateNodeNamesAreRejected() {
    PipelineErrors.expect(
        () -> Pipeline.of(n("same", "a", "b"), n("same", "c", "d")),
        PipelineException.Kind.DUPLICATE_NODE,
        "same");
  }

  @Test
  void anOutputOfTwoNodesIsRejectedNamingBoth() {
    assertThatThrownBy(() -> Pipeline.of(n("first", "a", "x"), n("second", "b", "x@spark")))
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PipelineException.Kind.DUPLICATE_OUTPUT);
              assertThat(e.names()).containsExactly("x");
              assertThat(e.getMessage()).contains("'x' by first, second");
            });
  }

  @Test
  void aCycleIsRejectedListingItsNodesInOrder() {
    assertThatThrownBy(
            () ->
                Pipeline.of(
                    n("c_step", "b", "c"),
                    n("a_step", "c", "a"),
                    n("b_step", "a", "b"),
                    n("outside", "a", "z"),
                    n("source", "", "s")))
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PipelineException.Kind.CYCLE);
              assertThat(e.names()).containsExactly("a_step", "b_step", "c_step");
              assertThat(e.getMessage()).contains("through datasets 'a', 'b', 'c'");
            });
  }

  @Test
  void aTwoNodeCycleThroughTranscodedNamesIsFound() {
    assertThatThrownBy(
            () -> Pipeline.of(n("x", "b@spark", "a@spark"), n("y", "a@delta", "b@delta")))
        .isInstanceOfSatisfying(
            PipelineException.class, e -> assertThat(e.names()).containsExactly("x", "y"));
  }

  @Test
  void transcodingWithAndWithoutSeparatorIsRejected() {
    PipelineErrors.expect(
        () -> Pipeline.of(n("w", "raw", "x@spark"), n("r", "x", "y")),
        PipelineException.Kind.TRANSCODING,
        "x");
  }

  @Test
  void aLongChainBuildsWithoutRecursion() {
    int size = 100_000;
    List<Node> chain = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      chain.add(n("n" + i, "d" + i, "d" + (i + 1)));
    }
    Collections.reverse(chain);

    Pipeline pipeline = Pipeline.of(chain);

    assertThat(pipeline.groupedNodes()).hasSize(size);
    assertThat(pipeline.nodes().get(0).name()).isEqualTo("n0");
    assertThat(pipeline.inputs()).containsExactly("d0");
    assertThat(pipeline.outputs()).containsExactly("d" + size);
  }

  @Test
  void nodesAndLayersAreImmutable() {
    Pipeline pipeline = sample();

    assertThatThrownBy(() -> pipeline.nodes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.groupedNodes().get(0).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pipeline.inputs().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringListsEveryNodeInOrder() {
    String text = sample().toString();

    assertThat(text).startsWith("Pipeline([\n  clean: ").endsWith("])");
    assertThat(text.indexOf("clean:")).isLessThan(text.indexOf("features:"));
    assertThat(text.indexOf("report:")).isLessThan(text.indexOf("model:"));
    assertThat(Pipeline.empty()).hasToString("Pipeline([])");
  }

  static Node node(Pipeline pipeline, String name) {
    return pipeline.node(name).orElseThrow();
  }
}
