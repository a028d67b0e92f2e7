package dev.weir.spaceflights.pipelines.datascience;

import java.util.List;

/**
 * A fitted linear regression {@code price = intercept + sum(coefficient_i * feature_i)}: plain
 * data, so {@code java.ModelDataset} stores it as JSON ({@code features}, {@code intercept}, {@code
 * coefficients}).
 *
 * @param features the feature names, in the order of {@code coefficients}
 * @param intercept the constant term
 * @param coefficients one coefficient per feature
 */
public record LinearRegressionModel(
    List<String> features, double intercept, List<Double> coefficients) {
  /**
   * @throws IllegalArgumentException when there is not one coefficient per feature
   */
  public LinearRegressionModel {
    features = List.copyOf(features);
    coefficients = List.copyOf(coefficients);
    if (features.size() != coefficients.size()) {
      throw new IllegalArgumentException(
          features.size()
              + " features "
              + features
              + " but "
              + coefficients.size()
              + " coefficients");
    }
  }

  /**
   * @param row one value per feature, in the order of {@link #features()}
   * @return the predicted {@code price}
   * @throws IllegalArgumentException when the row has the wrong number of values
   */
  public double predict(double[] row) {
    if (row.length != coefficients.size()) {
      throw new IllegalArgumentException(
          "expected " + coefficients.size() + " values " + features + ", got " + row.length);
    }
    double prediction = intercept;
    for (int i = 0; i < row.length; i++) {
      prediction += coefficients.get(i) * row[i];
    }
    return prediction;
  }
}
