package dev.weir.pipeline;

import static dev.weir.pipeline.Nodes.n;
import static dev.weir.pipeline.Nodes.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineOperationsTest {
  private final Node a = n("a", "raw", "x");
  private final Node b = n("b", "x", "y");
  private final Node c = n("c", "y", "z");

  @Test
  void plusIsTheUnionAndOrdersTheResultTopologically() {
    Pipeline sum = Pipeline.of(c).plus(Pipeline.of(a, b));

    assertThat(names(sum)).containsExactly("a", "b", "c");
    assertThat(Pipeline.of(c).or(Pipeline.of(a, b)).nodes()).isEqualTo(sum.nodes());
  }

  @Test
  void plusKeepsASharedNodeOnce() {
    Pipeline sum = Pipeline.of(a, b).plus(Pipeline.of(b, c));

    assertThat(names(sum)).containsExactly("a", "b", "c");
  }

  @Test
  void plusKeepsAnEquivalentNodeBuiltTwiceOnce() {
    Pipeline sum = Pipeline.of(n("a", "raw", "x")).plus(Pipeline.of(n("a", "raw", "x"), b));

    assertThat(names(sum)).containsExactly("a", "b");
  }

  @Test
  void plusOfTwoDifferentNodesWithOneNameFails() {
    assertThatThrownBy(() -> Pipeline.of(a).plus(Pipeline.of(n("a", "other", "w"))))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("unique names")
        .hasMessageContaining("'a'");
  }

  @Test
  void plusRevalidatesTheUnion() {
    assertThatThrownBy(() -> Pipeline.of(a).plus(Pipeline.of(n("a2", "q", "x"))))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("more than one node");
    assertThatThrownBy(() -> Pipeline.of(a, b).plus(Pipeline.of(n("back", "y", "raw"))))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("Circular dependency");
  }

  @Test
  void ofPipelinesJoinsAllNodesAndRefusesANodeInTwoOfThem() {
    List<Pipeline> parts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      parts.add(Pipeline.of(n("p" + i, "in" + i, "in" + (i + 1))));
    }
    Pipeline shared = Pipeline.of(n("shared", "", "s"));

    Pipeline all = Pipeline.of(parts.toArray(Pipeline[]::new));

    assertThat(all.nodes()).hasSize(50);
    assertThat(all.inputs()).containsExactly("in0");
    PipelineErrors.expect(
        () -> Pipeline.of(all, shared, shared), PipelineException.Kind.DUPLICATE_NODE, "shared");
    assertThat(all.plus(shared).plus(shared).nodes()).hasSize(51);
  }

  @Test
  void minusRemovesTheOtherPipelinesNodes() {
    Pipeline difference = Pipeline.of(a, b, c).minus(Pipeline.of(b));

    assertThat(names(difference)).containsExactly("a", "c");
    assertThat(difference.inputs()).containsExactly("raw", "y");
  }

  @Test
  void andKeepsNodesInBoth() {
    Pipeline both = Pipeline.of(a, b).and(Pipeline.of(b, c));

    assertThat(names(both)).containsExactly("b");
    assertThat(names(Pipeline.of(a, b).intersect(Pipeline.of(b, c)))).containsExactly("b");
  }

  @Test
  void operationsLeaveTheOperandsUnchanged() {
    Pipeline left = Pipeline.of(a, b);
    Pipeline right = Pipeline.of(c);

    left.plus(right);
    left.minus(right);

    assertThat(names(left)).containsExactly("a", "b");
    assertThat(names(right)).containsExactly("c");
  }

  @Test
  void emptyHasNoNodesAndIsTheUnitOfPlus() {
    assertThat(Pipeline.empty().nodes()).isEmpty();
    assertThat(Pipeline.empty().inputs()).isEmpty();
    assertThat(names(Pipeline.empty().plus(Pipeline.of(a)))).containsExactly("a");
  }

  @Test
  void tagAddsTagsToEveryNode() {
    Pipeline tagged = Pipeline.of(a, b).tag("nightly");

    assertThat(tagged.nodes()).allSatisfy(node -> assertThat(node.tags()).contains("nightly"));
    assertThat(Pipeline.of(a).nodes().get(0).tags()).isEmpty();
  }
}
