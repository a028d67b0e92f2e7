package dev.weir.spaceflights.pipelines.datascience;

import java.util.Arrays;

/**
 * The four outputs of {@code split_data_node}, bound in order to {@code X_train}, {@code X_test},
 * {@code y_train} and {@code y_test} (as Kedro's {@code train_test_split} tuple).
 *
 * @param xTrain training features
 * @param xTest test features
 * @param yTrain training targets ({@code price}), one per row of {@code xTrain}
 * @param yTest test targets ({@code price}), one per row of {@code xTest}
 */
public record TrainTestSplit(
    FeatureMatrix xTrain, FeatureMatrix xTest, double[] yTrain, double[] yTest) {
  /**
   * @throws IllegalArgumentException when a target array's length differs from its feature rows'
   */
  public TrainTestSplit {
    yTrain = yTrain.clone();
    yTest = yTest.clone();
    if (xTrain.size() != yTrain.length || xTest.size() != yTest.length) {
      throw new IllegalArgumentException(
          "features and targets differ in length: train "
              + xTrain.size()
              + " vs "
              + yTrain.length
              + ", test "
              + xTest.size()
              + " vs "
              + yTest.length);
    }
  }

  /**
   * @return a copy of the training targets
   */
  @Override
  public double[] yTrain() {
    return yTrain.clone();
  }

  /**
   * @return a copy of the test targets
   */
  @Override
  public double[] yTest() {
    return yTest.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrainTestSplit that
        && xTrain.equals(that.xTrain)
        && xTest.equals(that.xTest)
        && Arrays.equals(yTrain, that.yTrain)
        && Arrays.equals(yTest, that.yTest);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * xTrain.hashCode() + xTest.hashCode())
        + 7 * Arrays.hashCode(yTrain)
        + Arrays.hashCode(yTest);
  }

  @Override
  public String toString() {
    return "TrainTestSplit[train=" + yTrain.length + " rows, test=" + yTest.length + " rows]";
  }
}
