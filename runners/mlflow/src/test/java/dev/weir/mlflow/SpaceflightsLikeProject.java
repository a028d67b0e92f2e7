package dev.weir.mlflow;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small project shaped like spaceflights: parameters read by the nodes (nested and scalar) and
 * one that is not, a metric, a metrics map and a report artifact.
 *
 * <pre>
 * companies, params:model_options --split_data--> model_input (memory)
 * model_input, params:learning_rate --train_model--> regressor (memory)
 * regressor --score--> r2_score (mlflow.MlflowMetricDataset)
 * regressor --evaluate_model--> metrics (mlflow.MlflowMetricsDataset)
 * regressor --report--> report (mlflow.MlflowArtifactDataset over text.TextDataset)
 * </pre>
 */
final class SpaceflightsLikeProject {
  private SpaceflightsLikeProject() {}

  static Path create(Path root, String mlflowYml) {
    write(root.resolve("data/companies.txt"), "acme,globex");
    write(
        root.resolve("conf/base/catalog.yml"),
        """
        companies:
          type: text.TextDataset
          filepath: data/companies.txt
        r2_score:
          type: mlflow.MlflowMetricDataset
        metrics:
          type: mlflow.MlflowMetricsDataset
        report:
          type: mlflow.MlflowArtifactDataset
          artifact_path: reports
          dataset:
            type: text.TextDataset
            filepath: data/08_reporting/report.txt
        """);
    write(
        root.resolve("conf/base/parameters.yml"),
        """
        model_options:
          test_size: 0.2
          random_state: 3
          features: [engines, passenger_capacity]
        learning_rate: 0.1
        unused_parameter: never logged
        """);
    write(root.resolve("conf/local/.keep"), "");
    write(root.resolve("conf/base/mlflow.yml"), mlflowYml);
    return root;
  }

  static PipelineRegistry pipelines(boolean failInTraining) {
    Pipeline p =
        Pipeline.of(
            Node.node((Object companies, Object options) -> companies + "|" + options)
                .inputs("companies", "params:model_options")
                .output("model_input")
                .name("split_data")
                .build(),
            Node.node(
                    (Object input, Object rate) -> {
                      if (failInTraining) {
                        throw new IllegalStateException("training diverged");
                      }
                      return "regressor(" + rate + ")";
                    })
                .inputs("model_input", "params:learning_rate")
                .output("regressor")
                .name("train_model")
                .build(),
            Node.node((Object regressor) -> 0.87)
                .inputs("regressor")
                .output("r2_score")
                .name("score")
                .build(),
            Node.node((Object regressor) -> Map.of("mae", 1234.5, "max_error", 9876.0))
                .inputs("regressor")
                .output("metrics")
                .name("evaluate_model")
                .build(),
            Node.node((Object regressor) -> "report of " + regressor)
                .inputs("regressor")
                .output("report")
                .name("report")
                .build());
    return () -> Map.of(PipelineRegistry.DEFAULT, p, "training", p);
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
