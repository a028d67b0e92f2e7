package dev.weir.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void levenshteinDistanceCountsEdits() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }

  @Test
  void closestNamesComeFirstAndFarNamesAreLeftOut() {
    List<String> known =
        List.of("preprocess_companies", "preprocess_shuttles", "train_model", "ds.train");

    assertThat(Suggestions.closest("preprocess_companys", known))
        .first()
        .isEqualTo("preprocess_companies");
    assertThat(Suggestions.closest("preprocess_companys", known)).doesNotContain("train_model");
    assertThat(Suggestions.closest("zzz", known)).isEmpty();
  }

  @Test
  void theLastPartOfANamespacedNameCounts() {
    assertThat(Suggestions.closest("trian", List.of("ds.train", "other")))
        .containsExactly("ds.train");
  }

  @Test
  void atMostThreeSuggestions() {
    assertThat(Suggestions.closest("a1", List.of("a2", "a3", "a4", "a5"))).hasSize(3);
  }
}
