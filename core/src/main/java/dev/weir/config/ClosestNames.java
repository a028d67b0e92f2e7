package dev.weir.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the valid names closest to a mistyped one, for error messages ("did you mean ...?"), in
 * the spirit of Python's {@code difflib.get_close_matches} that Kedro uses for unknown datasets.
 * Closeness is the Levenshtein distance of the lower-cased names relative to the longer name; a
 * name that contains the other (ignoring case) always counts as close, so {@code SparkDataset}
 * suggests {@code spark.SparkDataset}.
 */
public final class ClosestNames {
  private static final int MAX_SUGGESTIONS = 3;
  private static final double MAX_RELATIVE_DISTANCE = 0.5;

  private ClosestNames() {}

  /**
   * @param wanted the name that was not found
   * @param candidates the valid names
   * @return up to three candidates, closest first (ties in alphabetical order); empty when none is
   *     close
   */
  public static List<String> closest(String wanted, Collection<String> candidates) {
    String w = wanted.toLowerCase(Locale.ROOT);
    record Scored(String name, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int longest = Math.max(1, Math.max(w.length(), c.length()));
      double score = (double) distance(w, c) / longest;
      if (!w.isEmpty() && !c.isEmpty() && (c.contains(w) || w.contains(c))) {
        score = Math.min(score, 0.25);
      }
      if (score <= MAX_RELATIVE_DISTANCE) {
        scored.add(new Scored(candidate, score));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::score).thenComparing(Scored::name))
        .limit(MAX_SUGGESTIONS)
        .map(Scored::name)
        .toList();
  }

  /**
   * A sentence for an error message.
   *
   * @param wanted the name that was not found
   * @param candidates the valid names
   * @return {@code " Did you mean: a, b?"}, or an empty string when nothing is close
   */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    List<String> close = closest(wanted, candidates);
    return close.isEmpty() ? "" : " Did you mean: " + String.join(", ", close) + "?";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
