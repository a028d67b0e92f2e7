package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weir.viz.VizGraph.DataNode;
import dev.weir.viz.VizGraph.TaskNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VizGraphBuilderTest {
  @TempDir Path project;

  private DataNode dataset(VizGraph graph, String name) {
    return graph.datasets().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  private TaskNode node(VizGraph graph, String name) {
    return graph.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void nodesCarryFunctionInputsOutputsTagsNamespaceAndTheirRunCommand() {
    VizGraph graph = VizFixtures.graph(project);

    assertThat(graph.nodes())
        .extracting(TaskNode::name)
        .containsExactly(
            "preprocess_companies_node", "create_model_input_table_node", "ds.eval.evaluate");
    TaskNode create = node(graph, "create_model_input_table_node");
    assertThat(create.id()).isEqualTo("node:create_model_input_table_node");
    assertThat(create.function()).contains("VizFixtures").contains("createTable");
    assertThat(create.inputs()).containsExactly("preprocessed_companies");
    assertThat(create.outputs()).containsExactly("model_input_table@spark");
    assertThat(create.tags()).containsExactlyInAnyOrder("preprocessing", "tables");
    assertThat(create.namespace()).isNull();
    assertThat(create.command()).isEqualTo("weir run --nodes create_model_input_table_node");
    TaskNode evaluate = node(graph, "ds.eval.evaluate");
    assertThat(evaluate.namespace()).isEqualTo("ds.eval");
    assertThat(evaluate.inputs())
        .containsExactly("model_input_table@spark", "params:ds.eval.threshold");
    assertThat(graph.tags()).containsExactly("preprocessing", "tables");
  }

  @Test
  void datasetsHaveTypeLayerMemoryFlagAndTranscodedNamesShareOneDataNode() {
    VizGraph graph = VizFixtures.graph(project);

    assertThat(graph.datasets())
        .extracting(DataNode::name)
        .containsExactly(
            "companies", "ds.eval.metrics", "model_input_table", "preprocessed_companies");
    DataNode companies = dataset(graph, "companies");
    assertThat(companies.type()).isEqualTo("spark.SparkDataset");
    assertThat(companies.layer()).isEqualTo("01_raw");
    assertThat(companies.memory()).isFalse();
    assertThat(companies.entry())
        .containsEntry("type", "spark.SparkDataset")
        .containsEntry("filepath", "data/01_raw/companies.csv");
    DataNode table = dataset(graph, "model_input_table");
    assertThat(table.id()).isEqualTo("data:model_input_table");
    assertThat(table.names()).containsExactly("model_input_table@spark");
    assertThat(table.layer()).as("kedro-viz's metadata.kedro-viz.layer").isEqualTo("03_primary");
    assertThat(table.type()).isEqualTo("spark.DeltaTableDataset");
    DataNode memory = dataset(graph, "preprocessed_companies");
    assertThat(memory.memory()).isTrue();
    assertThat(memory.type()).isEqualTo("MemoryDataset");
    assertThat(memory.entry()).isEmpty();
    assertThat(memory.layer()).isNull();
    assertThat(dataset(graph, "ds.eval.metrics").namespace()).isEqualTo("ds.eval");
    assertThat(companies.namespace()).isNull();
    assertThat(graph.layers()).containsExactly("01_raw", "03_primary");
  }

  @Test
  void parametersAreTheirOwnKindWithValuesAndNamespaces() {
    VizGraph graph = VizFixtures.graph(project);

    assertThat(graph.parameters())
        .extracting(p -> p.id(), p -> p.namespace(), p -> p.value())
        .containsExactly(
            tuple("params:ds.eval.threshold", "ds.eval", 0.5),
            tuple(
                "params:model_options",
                null,
                Map.of("test_size", 0.2, "features", List.of("engines", "crew"))));
    assertThat(graph.datasets()).extracting(DataNode::name).noneMatch(n -> n.startsWith("params"));
  }

  @Test
  void edgesGoFromInputsToNodesAndFromNodesToOutputs() {
    VizGraph graph = VizFixtures.graph(project);

    assertThat(graph.edges())
        .extracting(VizGraph.Edge::source, VizGraph.Edge::target)
        .containsExactlyInAnyOrder(
            tuple("data:companies", "node:preprocess_companies_node"),
            tuple("params:model_options", "node:preprocess_companies_node"),
            tuple("node:preprocess_companies_node", "data:preprocessed_companies"),
            tuple("data:preprocessed_companies", "node:create_model_input_table_node"),
            tuple("node:create_model_input_table_node", "data:model_input_table"),
            tuple("data:model_input_table", "node:ds.eval.evaluate"),
            tuple("params:ds.eval.threshold", "node:ds.eval.evaluate"),
            tuple("node:ds.eval.evaluate", "data:ds.eval.metrics"));
  }

  @Test
  void namespacesNestWithTheirParents() {
    VizGraph graph = VizFixtures.graph(project);

    assertThat(graph.namespaces())
        .containsExactly(
            new VizGraph.Namespace("ns:ds", "ds", "ds", null),
            new VizGraph.Namespace("ns:ds.eval", "ds.eval", "eval", "ns:ds"));
  }

  @Test
  void runCommandNamesTheVisualisedPipelinesAndANonDefaultEnvironment() {
    VizGraph graph =
        VizGraphBuilder.of(VizFixtures.pipeline(), VizFixtures.catalog(project))
            .pipelineNames(List.of("data_processing", "reporting"))
            .env("prod")
            .build();

    assertThat(node(graph, "ds.eval.evaluate").command())
        .isEqualTo(
            "weir run --nodes ds.eval.evaluate --pipelines data_processing,reporting --env prod");
    assertThat(graph.pipelines()).containsExactly("data_processing", "reporting");
  }

  @Test
  void shellQuotingLeavesPlainNamesAloneAndQuotesTheRest() {
    assertThat(VizGraphBuilder.shellQuote("a.b-c_1")).isEqualTo("a.b-c_1");
    assertThat(VizGraphBuilder.shellQuote("it's here")).isEqualTo("'it'\\''s here'");
  }

  @Test
  void theLastRunIsAttachedAsGiven() {
    LastRun run =
        new LastRun(
            "2026-01-01T00.00.00.000Z",
            LastRun.SUCCESS,
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:05Z",
            5.0,
            "local",
            List.of("__default__"),
            Map.of("evaluate", new LastRun.NodeRun(LastRun.SUCCESS, 1.5, null)),
            Map.of(),
            List.of());
    VizGraph graph =
        VizGraphBuilder.of(VizFixtures.pipeline(), VizFixtures.catalog(project))
            .lastRun(run)
            .build();

    assertThat(graph.lastRun()).isEqualTo(run);
    assertThat(VizFixtures.graph(project).lastRun()).isNull();
  }
}
