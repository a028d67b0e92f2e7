package dev.weir.spaceflights.pipelines.dataprocessing;

import static dev.weir.node.Node.node;

import dev.weir.pipeline.Pipeline;

/** Builds the {@code data_processing} pipeline, as Kedro's {@code create_pipeline()}. */
public final class DataProcessingPipeline {
  private DataProcessingPipeline() {}

  /**
   * @return four nodes, all Spark DataFrame code: {@code preprocess_companies_node}, {@code
   *     preprocess_shuttles_node}, {@code preprocess_reviews_node} (raw {@code companies}, {@code
   *     shuttles}, {@code reviews} to {@code preprocessed_*}) and {@code
   *     create_model_input_table_node} (to {@code model_input_table})
   */
  public static Pipeline create() {
    return Pipeline.of(
        node(DataProcessingNodes::preprocessCompanies)
            .inputs("companies")
            .output("preprocessed_companies")
            .name("preprocess_companies_node")
            .build(),
        node(DataProcessingNodes::preprocessShuttles)
            .inputs("shuttles")
            .output("preprocessed_shuttles")
            .name("preprocess_shuttles_node")
            .build(),
        node(DataProcessingNodes::preprocessReviews)
            .inputs("reviews")
            .output("preprocessed_reviews")
            .name("preprocess_reviews_node")
            .build(),
        node(DataProcessingNodes::createModelInputTable)
            .inputs("preprocessed_shuttles", "preprocessed_companies", "preprocessed_reviews")
            .output("model_input_table")
            .name("create_model_input_table_node")
            .build());
  }
}
