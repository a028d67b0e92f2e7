package dev.weir.spaceflights.pipelines.datascience;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node functions of the {@code data_science} pipeline, after Kedro's spaceflights {@code
 * nodes.py}: {@code split_data}, {@code train_model} and {@code evaluate_model}, with scikit-learn
 * replaced by Apache Commons Math.
 */
public final class DataScienceNodes {
  /** The column the model predicts. */
  public static final String TARGET = "price";

  /** The stable row order the split starts from, whatever the table's partitioning. */
  public static final String ROW_KEY = "shuttle_id";

  private static final Logger LOG = LoggerFactory.getLogger(DataScienceNodes.class);

  private DataScienceNodes() {}

  /**
   * Splits the model input into train and test rows, as scikit-learn's {@code train_test_split}:
   * {@code ceil(test_size * rows)} test rows, chosen by a shuffle seeded with {@code random_state}.
   * The rows are collected to the driver ordered by {@value #ROW_KEY} before the shuffle, so the
   * same table and seed give the same split however Spark partitions the table (Spark's {@code
   * randomSplit} does not).
   *
   * @param data the model input table: {@value #ROW_KEY}, {@value #TARGET} (double) and every
   *     feature column (numeric, or boolean encoded as 1.0 / 0.0), no nulls
   * @param options {@code params:model_options}
   * @return {@code X_train}, {@code X_test}, {@code y_train}, {@code y_test}
   * @throws IllegalArgumentException when a feature, {@value #ROW_KEY} or {@value #TARGET} is not a
   *     column of {@code data} (the message lists the columns there are), when a value is null or
   *     not numeric, or when there are too few rows to leave at least one on each side
   */
  public static TrainTestSplit splitData(Dataset<Row> data, ModelOptions options) {
    List<String> features = options.features();
    requireColumns(data, features);
    List<Row> rows = data.select(selection(features)).orderBy(ROW_KEY).collectAsList();
    int testRows = (int) Math.ceil(options.testSize() * rows.size());
    int trainRows = rows.size() - testRows;
    if (testRows < 1 || trainRows < 1) {
      throw new IllegalArgumentException(
          "cannot split "
              + rows.size()
              + " rows with test_size "
              + options.testSize()
              + ": both train and test need at least one row");
    }
    List<Integer> order = new ArrayList<>(IntStream.range(0, rows.size()).boxed().toList());
    Collections.shuffle(order, new Random(options.randomState()));
    // As scikit-learn's ShuffleSplit: the first test_size share of the permutation is the test set.
    List<Integer> testIndexes = order.subList(0, testRows);
    List<Integer> trainIndexes = order.subList(testRows, rows.size());
    return new TrainTestSplit(
        features(rows, trainIndexes, features),
        features(rows, testIndexes, features),
        targets(rows, trainIndexes, features.size()),
        targets(rows, testIndexes, features.size()));
  }

  /**
   * Fits {@code price = intercept + sum(coefficient_i * feature_i)} by ordinary least squares
   * (Commons Math's {@link OLSMultipleLinearRegression}, QR decomposition). A feature that is
   * constant over the training rows carries no information beyond the intercept; it gets
   * coefficient 0, which is also what scikit-learn's {@code LinearRegression} (minimum-norm least
   * squares) returns for it. In the spaceflights data {@code moon_clearance_complete} is always
   * {@code f}.
   *
   * @param xTrain training features
   * @param yTrain training targets, one per row
   * @return the fitted model, one coefficient per feature in {@code xTrain}'s order
   * @throws IllegalArgumentException when there are fewer rows than fitted coefficients, or the
   *     non-constant features are linearly dependent (the message names them)
   */
  public static LinearRegressionModel trainModel(FeatureMatrix xTrain, double[] yTrain) {
    List<String> features = xTrain.features();
    double[][] rows = xTrain.rows();
    int[] varying = IntStream.range(0, features.size()).filter(j -> !isConstant(rows, j)).toArray();
    double[] coefficients = new double[features.size()];
    double intercept;
    if (varying.length == 0) {
      intercept = Arrays.stream(yTrain).average().orElse(0);
    } else {
      double[] fitted = fit(rows, yTrain, varying, features);
      intercept = fitted[0];
      for (int k = 0; k < varying.length; k++) {
        coefficients[varying[k]] = fitted[k + 1];
      }
    }
    return new LinearRegressionModel(
        features, intercept, Arrays.stream(coefficients).boxed().toList());
  }

  /**
   * Scores the model on the test rows, as Kedro's spaceflights {@code evaluate_model} with
   * scikit-learn's metric definitions.
   *
   * @param regressor the fitted model
   * @param xTest test features, in the model's feature order
   * @param yTest test targets
   * @return {@code r2_score} (1 - residual sum of squares / total sum of squares), {@code mae}
   *     (mean absolute error, in price units) and {@code max_error} (largest absolute error), in
   *     that order
   * @throws IllegalArgumentException when the test features are not the model's, or there are no
   *     test rows
   */
  public static Map<String, Double> evaluateModel(
      LinearRegressionModel regressor, FeatureMatrix xTest, double[] yTest) {
    if (!xTest.features().equals(regressor.features())) {
      throw new IllegalArgumentException(
          "the test features " + xTest.features() + " are not the model's " + regressor.features());
    }
    if (yTest.length == 0) {
      throw new IllegalArgumentException("no test rows to evaluate the model on");
    }
    double mean = Arrays.stream(yTest).average().orElseThrow();
    double residualSquares = 0;
    double totalSquares = 0;
    double absoluteErrors = 0;
    double maxError = 0;
    for (int i = 0; i < yTest.length; i++) {
      double error = yTest[i] - regressor.predict(xTest.row(i));
      residualSquares += error * error;
      totalSquares += (yTest[i] - mean) * (yTest[i] - mean);
      absoluteErrors += Math.abs(error);
      maxError = Math.max(maxError, Math.abs(error));
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("r2_score", 1 - residualSquares / totalSquares);
    metrics.put("mae", absoluteErrors / yTest.length);
    metrics.put("max_error", maxError);
    LOG.info(
        "Model has a coefficient R^2 of {} on test data.",
        String.format("%.3f", metrics.get("r2_score")));
    return Collections.unmodifiableMap(metrics);
  }

  private static void requireColumns(Dataset<Row> data, List<String> features) {
    List<String> columns = Arrays.asList(data.columns());
    List<String> wanted = new ArrayList<>(features);
    wanted.add(ROW_KEY);
    wanted.add(TARGET);
    List<String> missing = wanted.stream().filter(c -> !columns.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "model_input_table has no column(s) "
              + missing
              + "; its columns are "
              + columns
              + " (check model_options.features in conf/base/parameters_data_science.yml)");
    }
  }

  /** The key, the features (booleans as 1.0 / 0.0), then the target, all as doubles. */
  private static Column[] selection(List<String> features) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(ROW_KEY));
    for (String feature : features) {
      columns.add(col(feature).cast("double").as(feature));
    }
    columns.add(col(TARGET).cast("double").as(TARGET));
    return columns.toArray(Column[]::new);
  }

  private static FeatureMatrix features(List<Row> rows, List<Integer> indexes, List<String> names) {
    double[][] values = new double[indexes.size()][names.size()];
    for (int i = 0; i < indexes.size(); i++) {
      Row row = rows.get(indexes.get(i));
      for (int j = 0; j < names.size(); j++) {
        values[i][j] = value(row, j + 1, names.get(j));
      }
    }
    return new FeatureMatrix(names, values);
  }

  private static double[] targets(List<Row> rows, List<Integer> indexes, int featureCount) {
    double[] values = new double[indexes.size()];
    for (int i = 0; i < indexes.size(); i++) {
      values[i] = value(rows.get(indexes.get(i)), featureCount + 1, TARGET);
    }
    return values;
  }

  private static double value(Row row, int position, String column) {
    if (row.isNullAt(position)) {
      throw new IllegalArgumentException(
          "column "
              + column
              + " is null for "
              + ROW_KEY
              + " "
              + row.get(0)
              + "; the model input table must have no missing values");
    }
    return row.getDouble(position);
  }

  /** The Frobenius norm of the design matrix, the intercept's column of ones included. */
  private static double norm(double[][] x) {
    double sum = x.length;
    for (double[] row : x) {
      for (double value : row) {
        sum += value * value;
      }
    }
    return Math.sqrt(sum);
  }

  private static boolean isConstant(double[][] rows, int column) {
    for (double[] row : rows) {
      if (row[column] != rows[0][column]) {
        return false;
      }
    }
    return true;
  }

  /** Returns the intercept followed by one coefficient per varying feature. */
  private static double[] fit(double[][] rows, double[] y, int[] varying, List<String> features) {
    double[][] x = new double[rows.length][varying.length];
    for (int i = 0; i < rows.length; i++) {
      for (int k = 0; k < varying.length; k++) {
        x[i][k] = rows[i][varying[k]];
      }
    }
    List<String> used = Arrays.stream(varying).mapToObj(features::get).toList();
    if (rows.length <= varying.length) {
      throw new IllegalArgumentException(
          rows.length
              + " training rows cannot fit an intercept and "
              + varying.length
              + " coefficients "
              + used
              + "; use more rows or fewer features");
    }
    // QR reports a singular design when a diagonal element of R falls below this threshold;
    // scaled by the data, as an absolute threshold of 0 misses dependence hidden by rounding.
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(1e-10 * norm(x));
    ols.newSampleData(y, x);
    try {
      return ols.estimateRegressionParameters();
    } catch (SingularMatrixException e) {
      throw new IllegalArgumentException(
          "the features "
              + used
              + " are linearly dependent on the training rows, so least squares has no unique"
              + " solution; drop one of the dependent features from model_options.features",
          e);
    }
  }
}
