package dev.weir.spaceflights.pipelines.datascience;

import static dev.weir.node.Node.node;

import dev.weir.pipeline.Pipeline;
import java.util.List;
import java.util.Map;

/** Builds the {@code data_science} pipeline, as Kedro's {@code create_pipeline()}. */
public final class DataSciencePipeline {
  private DataSciencePipeline() {}

  /**
   * @return {@code split_data_node} ({@code model_input_table} and {@code params:model_options} to
   *     {@code X_train}, {@code X_test}, {@code y_train}, {@code y_test}), {@code train_model_node}
   *     (to {@code regressor}) and {@code evaluate_model_node} (to {@code metrics}, a JSON file,
   *     and {@code model_metrics}, the same scores as MLflow metrics)
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
        node(DataSciencePipeline::evaluateAndTrack)
            .inputs("regressor", "X_test", "y_test")
            .outputs("metrics", "model_metrics")
            .name("evaluate_model_node")
            .build());
  }

  /** The scores twice: one copy for the JSON report, one for MLflow. */
  private static List<Map<String, Double>> evaluateAndTrack(
      LinearRegressionModel regressor, FeatureMatrix xTest, double[] yTest) {
    Map<String, Double> metrics = DataScienceNodes.evaluateModel(regressor, xTest, yTest);
    return List.of(metrics, metrics);
  }
}
