package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SpaceflightsPipelineRegistryTest {
  private final Map<String, Pipeline> pipelines =
      new SpaceflightsPipelineRegistry().registerPipelines();

  @Test
  void serviceLoaderFindsTheRegistry() {
    assertThat(ServiceLoader.load(PipelineRegistry.class).stream().map(p -> p.type().getName()))
        .containsExactly(SpaceflightsPipelineRegistry.class.getName());
  }

  @Test
  void registersTheThreePipelinesAndTheDefault() {
    assertThat(pipelines)
        .containsOnlyKeys("data_processing", "data_science", "reporting", "__default__");
    assertThat(names(pipeline("data_processing")))
        .containsExactlyInAnyOrder(
            "preprocess_companies_node",
            "preprocess_shuttles_node",
            "preprocess_reviews_node",
            "create_model_input_table_node");
    assertThat(names(pipeline("data_science")))
        .containsExactly("split_data_node", "train_model_node", "evaluate_model_node");
    assertThat(names(pipeline("reporting")))
        .containsExactlyInAnyOrder(
            "compare_passenger_capacity_node",
            "plot_passenger_capacity_node",
            "shuttle_prices_by_type_node");
  }

  @Test
  void defaultRunsAllThreeWithOnlyRawDataAndParametersAsFreeInputs() {
    Pipeline all = pipeline("__default__");

    assertThat(names(all))
        .containsExactlyInAnyOrderElementsOf(
            names(
                pipeline("data_processing")
                    .plus(pipeline("data_science"))
                    .plus(pipeline("reporting"))));
    assertThat(all.inputs())
        .containsExactlyInAnyOrder(
            "companies",
            "shuttles",
            "reviews",
            "params:model_options",
            "params:passenger_capacity_chart",
            "params:price_report.min_company_rating");
    assertThat(all.outputs())
        .containsExactlyInAnyOrder(
            "metrics",
            "model_metrics",
            "shuttle_passenger_capacity_plot",
            "shuttle_prices_by_type");
  }

  private Pipeline pipeline(String name) {
    return Objects.requireNonNull(pipelines.get(name), name);
  }

  private static List<String> names(Pipeline pipeline) {
    return pipeline.nodes().stream().map(Node::name).toList();
  }
}
