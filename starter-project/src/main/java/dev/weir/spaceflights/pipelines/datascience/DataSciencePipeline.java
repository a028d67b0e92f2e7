package dev.weir.spaceflights.pipelines.datascience;

import static dev.weir.node.Node.node;

import dev.weir.pipeline.Pipeline;

/** Builds the {@code data_science} pipeline, as Kedro's {@code create_pipeline()}. */
public final class DataSciencePipeline {
  private DataSciencePipeline() {}

  /**
   * @return {@code split_data_node} ({@code model_input_table} and {@code params:model_options} to
   *     {@code X_train}, {@code X_test}, {@code y_train}, {@code y_test}), {@code train_model_node}
   *     (to {@code regressor}) and {@code evaluate_model_node} (to {@code metrics})
   */
  public static Pipeline create() {
    return Pipeline.of(
        node(DataScienceNodes::splitData)
            .inputs("model_input_table", "params:model_options")
            .outputs("X_train", "X_test", "y_train", "y_test")
            .name("split_data_node")
            .build(),
        node(DataScienceNodes::trainModel)
            .inputs("X_train", "y_train")
            .output("regressor")
            .name("train_model_node")
            .build(),
        node(DataScienceNodes::evaluateModel)
            .inputs("regressor", "X_test", "y_test")
            .output("metrics")
            .name("evaluate_model_node")
            .build());
  }
}
