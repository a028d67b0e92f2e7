package dev.weir.pipeline;

import static dev.weir.pipeline.Nodes.n;
import static dev.weir.pipeline.Nodes.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.node.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kedro's modular-pipeline renaming rules (kedro/pipeline/pipeline.py {@code pipeline()}). */
class NamespacedPipelineTest {
  /** raw@spark + params:split + parameters -> split -> (train, test) -> fit -> model. */
  private final Pipeline base =
      Pipeline.of(
          n("split", "raw@spark,params:split", "train,test"),
          n("fit", "train,test,parameters", "model"));

  private static Map<String, String> none() {
    return Map.of();
  }

  private static Node node(Pipeline pipeline, String name) {
    return pipeline.node(name).orElseThrow();
  }

  @Test
  void everyNodeAndDatasetGetsTheNamespace() {
    Pipeline ns = namespaced(base, "ds", none(), none(), none());

    assertThat(names(ns)).containsExactly("ds.split", "ds.fit");
    assertThat(ns.nodes()).allSatisfy(node -> assertThat(node.namespace()).isEqualTo("ds"));
    assertThat(node(ns, "ds.fit").outputs()).containsExactly("ds.model");
    assertThat(node(ns, "ds.fit").inputs()).containsExactly("ds.train", "ds.test", "parameters");
  }

  @Test
  void paramsArePrefixedAfterTheColonAndParametersIsNeverRenamed() {
    Pipeline ns = namespaced(base, "ds", none(), none(), none());

    assertThat(ns.inputs()).containsExactly("ds.raw@spark", "parameters", "params:ds.split");
  }

  @Test
  void aTranscodingSuffixIsKept() {
    Pipeline ns = namespaced(base, "ds", none(), none(), none());

    assertThat(node(ns, "ds.split").inputs()).first().isEqualTo("ds.raw@spark");
  }

  @Test
  void explicitMappingsWinAndMappedTranscodedNamesKeepTheirSuffix() {
    Pipeline ns =
        namespaced(
            base,
            "ds",
            Map.of("raw", "companies"),
            Map.of("model", "regressor"),
            Map.of("split", "shared.split"));

    assertThat(node(ns, "ds.split").inputs())
        .containsExactly("companies@spark", "params:shared.split");
    assertThat(node(ns, "ds.fit").outputs()).containsExactly("regressor");
    assertThat(ns.inputs()).containsExactly("companies@spark", "parameters", "params:shared.split");
  }

  @Test
  void parameterMappingsAcceptTheParamsPrefixOnEitherSide() {
    Pipeline ns = namespaced(base, "ds", none(), none(), Map.of("params:split", "params:s"));

    assertThat(ns.inputs()).contains("params:s");
  }

  @Test
  void anIntermediateDatasetMayBeMappedAsAnOutput() {
    Pipeline ns = namespaced(base, "ds", none(), Map.of("train", "train_set"), none());

    assertThat(node(ns, "ds.split").outputs()).containsExactly("train_set", "ds.test");
    assertThat(node(ns, "ds.fit").inputs()).startsWith("train_set");
  }

  @Test
  void nestedNamespacesJoinWithDots() {
    Pipeline inner = namespaced(base, "inner", none(), none(), none());

    Pipeline outer = namespaced(inner, "outer", none(), none(), none());

    assertThat(names(outer)).containsExactly("outer.inner.split", "outer.inner.fit");
    assertThat(node(outer, "outer.inner.fit").namespace()).isEqualTo("outer.inner");
    assertThat(outer.inputs())
        .containsExactly("outer.inner.raw@spark", "parameters", "params:outer.inner.split");
    assertThat(outer.outputs()).containsExactly("outer.inner.model");
    assertThat(names(outer.onlyNodesWithNamespaces("outer"))).hasSize(2);
  }

  @Test
  void theSamePipelineTwiceUnderTwoNamespacesCombines() {
    Pipeline both =
        namespaced(base, "a", Map.of("raw", "companies"), none(), none())
            .plus(namespaced(base, "b", Map.of("raw", "companies"), none(), none()));

    assertThat(both.nodes()).hasSize(4);
    assertThat(both.inputs())
        .containsExactly("companies@spark", "parameters", "params:a.split", "params:b.split");
  }

  @Test
  void mappingAnUnknownDatasetFailsWithSuggestions() {
    PipelineErrors.expect(
        () -> namespaced(base, "ds", Map.of("rwa", "x"), none(), none()),
        PipelineException.Kind.UNKNOWN_MAPPING,
        "rwa");
    assertThatThrownBy(() -> namespaced(base, "ds", Map.of("rwa", "x"), none(), none()))
        .hasMessageEndingWith("Did you mean: raw?");
    PipelineErrors.expect(
        () -> namespaced(base, "ds", none(), none(), Map.of("nope", "x")),
        PipelineException.Kind.UNKNOWN_MAPPING,
        "params:nope");
  }

  @Test
  void inputsMustBeFreeInputs() {
    PipelineErrors.expect(
        () -> namespaced(base, "ds", Map.of("train", "x"), none(), none()),
        PipelineException.Kind.INPUT_NOT_FREE,
        "train");
  }

  @Test
  void outputsMustBeProducedByANode() {
    PipelineErrors.expect(
        () -> namespaced(base, "ds", none(), Map.of("raw", "x"), none()),
        PipelineException.Kind.OUTPUT_NOT_PRODUCED,
        "raw");
  }

  @Test
  void parametersMayNotBeMappedAsInputs() {
    PipelineErrors.expect(
        () -> namespaced(base, "ds", Map.of("params:split", "x"), none(), none()),
        PipelineException.Kind.PARAMETER_AS_DATASET,
        "params:split");
  }

  @Test
  void theNamespaceMustBeAValidName() {
    PipelineErrors.expect(
        () -> namespaced(base, "data science", none(), none(), none()),
        PipelineException.Kind.INVALID_NAMESPACE,
        "data science");
  }

  @Test
  void theOriginalPipelineIsUnchanged() {
    namespaced(base, "ds", none(), none(), none());

    assertThat(names(base)).containsExactly("split", "fit");
    assertThat(base.nodes()).allSatisfy(node -> assertThat(node.namespace()).isNull());
  }

  private static Pipeline namespaced(
      Pipeline p,
      String ns,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> parameters) {
    return Pipeline.modular(p)
        .namespace(ns)
        .inputs(inputs)
        .outputs(outputs)
        .parameters(parameters)
        .build();
  }
}
