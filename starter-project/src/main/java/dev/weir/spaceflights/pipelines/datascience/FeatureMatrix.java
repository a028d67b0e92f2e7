package dev.weir.spaceflights.pipelines.datascience;

import java.util.Arrays;
import java.util.List;

/**
 * Feature rows collected to the driver: Kedro's {@code X_train} / {@code X_test}. Immutable: the
 * rows are copied in and out.
 *
 * @param features the column names, in the order of each row's values
 * @param rows one {@code double[]} per row, {@code features.size()} values each (booleans as 1.0
 *     and 0.0)
 */
public record FeatureMatrix(List<String> features, double[][] rows) {
  /**
   * @throws IllegalArgumentException when a row does not have one value per feature
   */
  public FeatureMatrix {
    features = List.copyOf(features);
    rows = copy(rows);
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != features.size()) {
        throw new IllegalArgumentException(
            "row "
                + i
                + " has "
                + rows[i].length
                + " values but there are "
                + features.size()
                + " features "
                + features);
      }
    }
  }

  /**
   * @return a copy of the rows
   */
  @Override
  public double[][] rows() {
    return copy(rows);
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return rows.length;
  }

  /**
   * @param index a row index, from 0
   * @return a copy of that row's values
   */
  public double[] row(int index) {
    return rows[index].clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureMatrix that
        && features.equals(that.features)
        && Arrays.deepEquals(rows, that.rows);
  }

  @Override
  public int hashCode() {
    return 31 * features.hashCode() + Arrays.deepHashCode(rows);
  }

  @Override
  public String toString() {
    return "FeatureMatrix[features=" + features + ", rows=" + rows.length + "]";
  }

  private static double[][] copy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copy[i] = rows[i].clone();
    }
    return copy;
  }
}
