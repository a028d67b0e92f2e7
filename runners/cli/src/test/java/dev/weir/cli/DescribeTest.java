package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeTest {

  @Test
  void aFileDatasetShowsItsTypeAndPath() {
    assertThat(Describe.location(Map.of("type", "json.JSONDataset", "filepath", "/p/m.json")))
        .isEqualTo("json.JSONDataset at /p/m.json");
  }

  @Test
  void aWrapperShowsTheWrappedDatasetsPath() {
    Map<String, Object> artifact =
        Map.of(
            "type",
            "mlflow.MlflowArtifactDataset",
            "artifact_path",
            "charts",
            "dataset",
            Map.of("type", "binary.BinaryDataset", "filepath", "/p/plot.png"));
    assertThat(Describe.location(artifact))
        .isEqualTo("mlflow.MlflowArtifactDataset at /p/plot.png");
  }

  @Test
  void aDatasetWithoutLocationShowsItsType() {
    assertThat(
            Describe.location(Map.of("type", "mlflow.MlflowMetricsDataset", "mode", "overwrite")))
        .isEqualTo("mlflow.MlflowMetricsDataset");
  }
}
