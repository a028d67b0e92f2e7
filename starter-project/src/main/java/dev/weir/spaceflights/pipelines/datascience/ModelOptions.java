package dev.weir.spaceflights.pipelines.datascience;

import java.util.List;

/**
 * The {@code model_options} parameters ({@code conf/base/parameters_data_science.yml}), bound to
 * {@code params:model_options}.
 *
 * @param testSize {@code test_size}: the share of rows held back for evaluation, strictly between 0
 *     and 1
 * @param randomState {@code random_state}: the seed of the train/test shuffle
 * @param features {@code features}: the model's input columns of {@code model_input_table}, at
 *     least one, each numeric or boolean
 */
public record ModelOptions(double testSize, int randomState, List<String> features) {
  /**
   * @throws IllegalArgumentException when {@code test_size} is not strictly between 0 and 1 or
   *     {@code features} is empty or repeats a name
   */
  public ModelOptions {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException(
          "model_options.test_size must be strictly between 0 and 1 (a share of the rows), got "
              + testSize
              + "; fix it in conf/base/parameters_data_science.yml");
    }
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException(
          "model_options.features is empty; list the model_input_table columns the model uses"
              + " in conf/base/parameters_data_science.yml");
    }
    if (features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException(
          "model_options.features names a column twice: " + features + "; list each once");
    }
  }
}
