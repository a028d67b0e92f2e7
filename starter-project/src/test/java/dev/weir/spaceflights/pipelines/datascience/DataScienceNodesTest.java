package dev.weir.spaceflights.pipelines.datascience;

import static dev.weir.spaceflights.TestSpark.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DataScienceNodesTest {
  private static final String DDL =
      "shuttle_id INT, engines DOUBLE, d_check_complete BOOLEAN, price DOUBLE";
  private static final List<String> FEATURES = List.of("engines", "d_check_complete");

  /** Rows with {@code price = 10 * shuttle_id}, so a price identifies its row. */
  private static Dataset<Row> table(int rows) {
    Object[][] data = new Object[rows][];
    for (int i = 0; i < rows; i++) {
      data[i] = new Object[] {i + 1, (double) (i % 4), i % 3 == 0, 10.0 * (i + 1)};
    }
    return frame(DDL, data);
  }

  @Test
  void splitDataHoldsBackTheCeilingOfTestSizeAndUsesEveryRowOnce() {
    TrainTestSplit split =
        DataScienceNodes.splitData(table(11), new ModelOptions(0.2, 3, FEATURES));

    assertThat(split.yTest()).hasSize(3); // ceil(0.2 * 11), as scikit-learn
    assertThat(split.yTrain()).hasSize(8);
    assertThat(split.xTrain().features()).isEqualTo(FEATURES);
    double[] all =
        DoubleStream.concat(Arrays.stream(split.yTrain()), Arrays.stream(split.yTest()))
            .sorted()
            .toArray();
    assertThat(all)
        .containsExactly(
            java.util.stream.IntStream.rangeClosed(1, 11).mapToDouble(i -> 10.0 * i).toArray());
  }

  @Test
  void splitDataKeepsFeaturesWithTheirTargetAndEncodesBooleans() {
    TrainTestSplit split =
        DataScienceNodes.splitData(table(20), new ModelOptions(0.25, 1, FEATURES));

    for (int i = 0; i < split.xTrain().size(); i++) {
      int index = (int) (split.yTrain()[i] / 10) - 1; // the row's position in table()
      assertThat(split.xTrain().row(i)).containsExactly(index % 4, index % 3 == 0 ? 1.0 : 0.0);
    }
  }

  @Test
  void splitDataIsTheSameForTheSameSeedWhateverThePartitioning() {
    ModelOptions options = new ModelOptions(0.2, 3, FEATURES);
    Dataset<Row> table = table(50);

    TrainTestSplit first = DataScienceNodes.splitData(table, options);
    TrainTestSplit repartitioned =
        DataScienceNodes.splitData(
            table.repartition(3).orderBy(table.col("price").desc()), options);
    TrainTestSplit otherSeed =
        DataScienceNodes.splitData(table, new ModelOptions(0.2, 4, FEATURES));

    assertThat(repartitioned).isEqualTo(first);
    assertThat(otherSeed.yTest()).isNotEqualTo(first.yTest());
  }

  @Test
  void splitDataNamesAMissingFeatureAndTheColumnsThereAre() {
    ModelOptions options = new ModelOptions(0.2, 3, List.of("engines", "crew"));

    assertThatThrownBy(() -> DataScienceNodes.splitData(table(5), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[crew]")
        .hasMessageContaining("shuttle_id, engines, d_check_complete, price");
  }

  @Test
  void splitDataRefusesNullValues() {
    Dataset<Row> table =
        frame(DDL, new Object[] {1, 1.0, true, 10.0}, new Object[] {2, null, true, 20.0});

    assertThatThrownBy(() -> DataScienceNodes.splitData(table, new ModelOptions(0.5, 3, FEATURES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("engines is null for shuttle_id 2");
  }

  @Test
  void modelOptionsCheckTestSizeAndFeatures() {
    assertThatThrownBy(() -> new ModelOptions(1.0, 3, FEATURES))
        .hasMessageContaining("test_size must be strictly between 0 and 1");
    assertThatThrownBy(() -> new ModelOptions(0.2, 3, List.of()))
        .hasMessageContaining("features is empty");
    assertThatThrownBy(() -> new ModelOptions(0.2, 3, List.of("crew", "crew")))
        .hasMessageContaining("twice");
  }

  @Test
  void trainModelRecoversAnExactLinearRelation() {
    // price = 2 + 3 * a - 1.5 * b, with b not a multiple of a.
    List<double[]> rows = new ArrayList<>();
    List<Double> prices = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double a = i;
      double b = (i * i) % 7;
      rows.add(new double[] {a, b});
      prices.add(2 + 3 * a - 1.5 * b);
    }
    FeatureMatrix x = new FeatureMatrix(List.of("a", "b"), rows.toArray(double[][]::new));

    LinearRegressionModel model =
        DataScienceNodes.trainModel(x, prices.stream().mapToDouble(Double::doubleValue).toArray());

    assertThat(model.features()).containsExactly("a", "b");
    assertThat(model.intercept()).isCloseTo(2, within(1e-9));
    assertThat(model.coefficients().get(0)).isCloseTo(3, within(1e-9));
    assertThat(model.coefficients().get(1)).isCloseTo(-1.5, within(1e-9));
  }

  @Test
  void trainModelGivesAConstantFeatureCoefficientZero() {
    // moon_clearance_complete is always false in the spaceflights data.
    double[][] rows = {{1, 0}, {2, 0}, {3, 0}, {4, 0}};
    double[] prices = {5, 7, 9, 11}; // 3 + 2 * a

    LinearRegressionModel model =
        DataScienceNodes.trainModel(new FeatureMatrix(List.of("a", "constant"), rows), prices);

    assertThat(model.coefficients().get(0)).isCloseTo(2, within(1e-9));
    assertThat(model.coefficients().get(1)).isZero();
    assertThat(model.intercept()).isCloseTo(3, within(1e-9));
  }

  @Test
  void trainModelNamesLinearlyDependentFeatures() {
    double[][] rows = {{1, 2}, {2, 4}, {3, 6}, {4, 8}, {5, 10}};
    double[] prices = {1, 2, 3, 4, 6};

    assertThatThrownBy(
            () ->
                DataScienceNodes.trainModel(
                    new FeatureMatrix(List.of("a", "twice_a"), rows), prices))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a, twice_a] are linearly dependent");
  }

  @Test
  void evaluateModelComputesScikitLearnsMetrics() {
    LinearRegressionModel identity = new LinearRegressionModel(List.of("a"), 0, List.of(1.0));
    FeatureMatrix x = new FeatureMatrix(List.of("a"), new double[][] {{1}, {2}, {3}});
    double[] y = {1, 2, 5}; // errors 0, 0, 2; mean 8/3

    Map<String, Double> metrics = DataScienceNodes.evaluateModel(identity, x, y);

    double totalSquares =
        Math.pow(1 - 8.0 / 3, 2) + Math.pow(2 - 8.0 / 3, 2) + Math.pow(5 - 8.0 / 3, 2);
    assertThat(metrics).containsOnlyKeys("r2_score", "mae", "max_error");
    assertThat(metrics.get("r2_score")).isCloseTo(1 - 4 / totalSquares, within(1e-12));
    assertThat(metrics.get("mae")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(metrics.get("max_error")).isEqualTo(2.0);
  }

  @Test
  void evaluateModelRefusesFeaturesInAnotherOrder() {
    LinearRegressionModel model =
        new LinearRegressionModel(List.of("a", "b"), 0, List.of(1.0, 2.0));
    FeatureMatrix x = new FeatureMatrix(List.of("b", "a"), new double[][] {{1, 2}});

    assertThatThrownBy(() -> DataScienceNodes.evaluateModel(model, x, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the model's [a, b]");
  }

  @Test
  void modelPredictsInterceptPlusWeightedFeatures() {
    LinearRegressionModel model =
        new LinearRegressionModel(List.of("a", "b"), 1, List.of(2.0, -3.0));

    assertThat(model.predict(new double[] {4, 5})).isEqualTo(1 + 8 - 15);
    assertThatThrownBy(() -> model.predict(new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
