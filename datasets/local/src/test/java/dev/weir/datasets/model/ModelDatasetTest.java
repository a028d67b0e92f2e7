package dev.weir.datasets.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDatasetTest {
  @TempDir Path root;

  /** A fitted linear model as plain data. */
  public record LinearModel(List<String> features, double[] coefficients, double intercept) {}

  /** A model that is Serializable but not plain data (no accessors Jackson would use). */
  static final class Weights implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Double> w = new HashMap<>();
  }

  @SuppressWarnings("unchecked")
  private Dataset<Object> create(Map<String, Object> config, DatasetContext context) {
    return (Dataset<Object>)
        new ModelDatasetType()
            .create(
                new DatasetSpec(
                    "regressor", "java.ModelDataset", config, Map.of("pw", "hunter2"), null),
                context);
  }

  @Test
  void jsonBackendRoundTripsARecordUsingTheStoredClassName() throws Exception {
    Dataset<Object> ds =
        create(Map.of("filepath", "data/06_models/regressor.json"), DatasetContext.of(root));
    LinearModel model = new LinearModel(List.of("engines", "crew"), new double[] {1.5, -2.0}, 0.25);
    ds.save(model);
    assertThat(Files.readString(root.resolve("data/06_models/regressor.json")))
        .contains("\"model_class\" : \"" + LinearModel.class.getName() + "\"");
    LinearModel back = (LinearModel) ds.load();
    assertThat(back.features()).isEqualTo(model.features());
    assertThat(back.coefficients()).containsExactly(1.5, -2.0);
    assertThat(back.intercept()).isEqualTo(0.25);
  }

  @Test
  void modelClassPinsTheTypeJsonIsReadInto() {
    create(Map.of("filepath", "m.json"), DatasetContext.of(root))
        .save(Map.of("features", List.of("a"), "coefficients", List.of(1.0), "intercept", 2.0));
    Object back =
        create(
                Map.of("filepath", "m.json", "model_class", LinearModel.class.getName()),
                DatasetContext.of(root))
            .load();
    assertThat(back).isInstanceOf(LinearModel.class);
    assertThat(((LinearModel) back).intercept()).isEqualTo(2.0);
  }

  @Test
  void javaSerializationBackendIsVersioned() {
    Map<String, Object> config =
        Map.of(
            "filepath", "data/06_models/w.bin", "backend", "java_serialization", "versioned", true);
    Weights w = new Weights();
    w.w.put("engines", 3.0);
    create(config, DatasetContext.builder(root).saveVersion("2024-05-01T10.00.00.000Z").build())
        .save(w);
    assertThat(root.resolve("data/06_models/w.bin/2024-05-01T10.00.00.000Z/w.bin")).isRegularFile();
    Weights back = (Weights) create(config, DatasetContext.of(root)).load();
    assertThat(back.w).containsEntry("engines", 3.0);
  }

  @Test
  void clearErrorsForNonSerializableModelsAndUnknownBackends() {
    Dataset<Object> ds =
        create(
            Map.of("filepath", "x.bin", "backend", "java_serialization"), DatasetContext.of(root));
    assertThatThrownBy(() -> ds.save(new Object()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("not Serializable")
        .hasMessageContaining("backend: json");
    assertThatThrownBy(
            () -> create(Map.of("filepath", "x", "backend", "pickle"), DatasetContext.of(root)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("backend 'pickle' is not valid")
        .hasMessageContaining("json, java_serialization");
    assertThat(ds.describe().toString()).contains("java_serialization").doesNotContain("hunter2");
  }
}
