package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNamesTest {
  @Test
  void levenshteinDistanceCountsEdits() {
    assertThat(ClosestNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestNames.distance("", "abc")).isEqualTo(3);
    assertThat(ClosestNames.distance("same", "same")).isZero();
    assertThat(ClosestNames.distance("rwa", "raw")).isEqualTo(1);
  }

  @Test
  void closestNamesComeFirstAndFarNamesAreLeftOut() {
    List<String> known =
        List.of("preprocess_companies", "preprocess_shuttles", "train_model", "ds.train");

    assertThat(ClosestNames.closest("preprocess_companys", known))
        .first()
        .isEqualTo("preprocess_companies");
    assertThat(ClosestNames.closest("preprocess_companys", known)).doesNotContain("train_model");
    assertThat(ClosestNames.closest("zzz", known)).isEmpty();
  }

  @Test
  void theLastPartOfANamespacedNameCounts() {
    assertThat(ClosestNames.closest("trian", List.of("ds.train", "other")))
        .containsExactly("ds.train");
  }

  @Test
  void aContainedNameIsCloseIgnoringCase() {
    assertThat(ClosestNames.closest("SparkDataset", List.of("spark.SparkDataset", "MemoryDataset")))
        .first()
        .isEqualTo("spark.SparkDataset");
  }

  @Test
  void atMostThreeSuggestions() {
    assertThat(ClosestNames.closest("a1", List.of("a2", "a3", "a4", "a5"))).hasSize(3);
  }

  @Test
  void oneMessageShapeEverywhere() {
    assertThat(ClosestNames.didYouMean("trian", List.of("ds.train")))
        .isEqualTo(" Did you mean: ds.train?");
    assertThat(
            ClosestNames.didYouMean(List.of("trian", "evaluat"), List.of("ds.train", "evaluate")))
        .isEqualTo(" Did you mean: ds.train, evaluate?");
    assertThat(ClosestNames.didYouMean("zzz", List.of("ds.train"))).isEmpty();
  }
}
