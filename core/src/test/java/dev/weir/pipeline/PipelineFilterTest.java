package dev.weir.pipeline;

import static dev.weir.pipeline.Nodes.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Filters with Kedro's semantics. The graph:
 *
 * <pre>
 * raw -> ingest -> clean@spark ==(clean@delta)==> features -> train -> model
 *                                              \-> report -> report_out
 * other -> side -> side_out
 * </pre>
 */
class PipelineFilterTest {

  private static Node n(String name, String ns, String tag, List<String> in, List<String> out) {
    Node.Builder b = Node.mapNode(m -> Map.of()).inputs(in).outputs(out).name(name).tags(tag);
    if (!ns.isEmpty()) {
      b.namespace(ns);
    }
    return b.build();
  }

  private final Pipeline pipeline =
      Pipeline.of(
          n("ingest", "dp", "etl", List.of("raw"), List.of("clean@spark")),
          n("features", "ds.prep", "ml", List.of("clean@delta"), List.of("features")),
          n("train", "ds", "ml", List.of("features", "params:opts"), List.of("model")),
          n("report", "", "reporting", List.of("clean@delta"), List.of("report_out")),
          n("side", "", "etl", List.of("other"), List.of("side_out")));

  @Test
  void onlyNodesWithTagsKeepsNodesWithAnyTag() {
    assertThat(names(pipeline.onlyNodesWithTags("etl", "reporting")))
        .containsExactly("dp.ingest", "side", "report");
    assertThat(pipeline.onlyNodesWithTags("none").nodes()).isEmpty();
  }

  @Test
  void onlyNodesKeepsExactlyThoseNodes() {
    assertThat(names(pipeline.onlyNodes("ds.train", "report")))
        .containsExactly("ds.train", "report");
  }

  @Test
  void onlyNodesSuggestsCloseNamesForAnUnknownName() {
    assertThatThrownBy(() -> pipeline.onlyNodes("reprot", "ds.train"))
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PipelineException.Kind.UNKNOWN_NODE);
              assertThat(e.names()).containsExactly("reprot");
              assertThat(e.getMessage()).endsWith("Did you mean: report?");
            });
  }

  @Test
  void anUnknownNameSuggestsTheNamespacedNode() {
    assertThatThrownBy(() -> pipeline.onlyNodes("train"))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("Did you mean: ds.train?");
  }

  @Test
  void fromNodesKeepsTheNodesAndEverythingDownstream() {
    assertThat(names(pipeline.fromNodes("ds.prep.features")))
        .containsExactly("ds.prep.features", "ds.train");
    assertThat(names(pipeline.fromNodes("dp.ingest")))
        .containsExactly("dp.ingest", "ds.prep.features", "report", "ds.train");
  }

  @Test
  void toNodesKeepsTheNodesAndEverythingUpstream() {
    assertThat(names(pipeline.toNodes("ds.train")))
        .containsExactly("dp.ingest", "ds.prep.features", "ds.train");
    assertThatThrownBy(() -> pipeline.toNodes("trian"))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("Did you mean: ds.train?");
  }

  @Test
  void fromInputsMatchesTranscodedNamesExactlyAndFollowsThemDownstream() {
    assertThat(names(pipeline.fromInputs("clean@delta")))
        .containsExactly("ds.prep.features", "report", "ds.train");
    assertThat(pipeline.fromInputs("clean@spark").nodes()).isEmpty();
    assertThat(names(pipeline.fromInputs("clean")))
        .containsExactly("ds.prep.features", "report", "ds.train");
    assertThat(names(pipeline.fromInputs("params:opts"))).containsExactly("ds.train");
  }

  @Test
  void fromInputsRejectsOnlyADatasetThePipelineDoesNotUse() {
    PipelineErrors.expect(
        () -> pipeline.fromInputs("featurs"), PipelineException.Kind.UNKNOWN_DATASET, "featurs");
    assertThatThrownBy(() -> pipeline.fromInputs("featurs"))
        .hasMessageEndingWith("Did you mean: features?");
    assertThat(pipeline.fromInputs("report_out").nodes()).isEmpty();
  }

  @Test
  void toOutputsMatchesTranscodedNamesExactlyAndFollowsThemUpstream() {
    assertThat(names(pipeline.toOutputs("clean@spark"))).containsExactly("dp.ingest");
    assertThat(names(pipeline.toOutputs("clean"))).containsExactly("dp.ingest");
    assertThat(pipeline.toOutputs("clean@delta").nodes()).isEmpty();
    assertThat(names(pipeline.toOutputs("model")))
        .containsExactly("dp.ingest", "ds.prep.features", "ds.train");
    assertThat(pipeline.toOutputs("raw").nodes()).isEmpty();
    PipelineErrors.expect(
        () -> pipeline.toOutputs("nope"), PipelineException.Kind.UNKNOWN_DATASET, "nope");
  }

  @Test
  void onlyNodesWithNamespacesIncludesNestedNamespaces() {
    assertThat(names(pipeline.onlyNodesWithNamespaces("ds")))
        .containsExactly("ds.prep.features", "ds.train");
    assertThat(names(pipeline.onlyNodesWithNamespaces("ds.prep")))
        .containsExactly("ds.prep.features");
    assertThat(names(pipeline.onlyNodesWithNamespaces("dp", "ds.prep")))
        .containsExactly("dp.ingest", "ds.prep.features");
  }

  @Test
  void onlyNodesWithNamespacesRejectsAnEmptyNamespaceAndMatchesWholeSegments() {
    PipelineErrors.expect(
        () -> pipeline.onlyNodesWithNamespaces("d"), PipelineException.Kind.UNKNOWN_NAMESPACE, "d");
  }

  @Test
  void filterAppliesEachFilterToTheOriginalAndIntersects() {
    // fromNodes(ingest) is everything but side; tags(ml) picks features and train; toNodes(train)
    // is ingest, features and train. The intersection is features and train.
    PipelineFilter filter =
        PipelineFilter.NONE
            .withFromNodes(List.of("dp.ingest"))
            .withTags(List.of("ml"))
            .withToNodes(List.of("ds.train"));

    assertThat(names(pipeline.filter(filter))).containsExactly("ds.prep.features", "ds.train");
  }

  @Test
  void filterCombinesEveryKind() {
    PipelineFilter filter =
        new PipelineFilter(
            List.of("ml", "etl"),
            List.of("dp.ingest"),
            List.of("ds.train"),
            List.of("ds.train", "ds.prep.features", "side"),
            List.of("raw"),
            List.of("model"),
            List.of("ds"));

    assertThat(names(pipeline.filter(filter))).containsExactly("ds.prep.features", "ds.train");
  }

  @Test
  void filterWithNothingSetKeepsEverything() {
    assertThat(pipeline.filter(PipelineFilter.NONE).nodes()).isEqualTo(pipeline.nodes());
  }

  @Test
  void anEmptyFilterResultIsAnError() {
    PipelineFilter filter =
        PipelineFilter.NONE.withTags(List.of("reporting")).withNodeNames(List.of("side"));

    PipelineErrors.expect(
        () -> pipeline.filter(filter),
        PipelineException.Kind.EMPTY_FILTER,
        "--tags=reporting",
        "--nodes=side");
  }

  @Test
  void filterReportsUnknownNodeNames() {
    assertThatThrownBy(() -> pipeline.filter(PipelineFilter.builder().fromNodes("ingset").build()))
        .isInstanceOfSatisfying(
            PipelineException.class,
            e -> {
              assertThat(e.names()).containsExactly("ingset");
              assertThat(e.getMessage()).endsWith("Did you mean: dp.ingest?");
            });
  }
}
