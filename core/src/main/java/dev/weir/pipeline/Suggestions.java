package dev.weir.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * "Did you mean" names for a mistyped node, dataset or namespace, as Kedro suggests with {@code
 * difflib.get_close_matches}: here by Levenshtein distance to the whole name or to its last
 * dot-separated part, so {@code trian} finds {@code data_science.train}.
 */
final class Suggestions {
  private static final int MAX = 3;

  private Suggestions() {}

  /**
   * @param typed the unknown name
   * @param known the valid names
   * @return up to three close names, closest first
   */
  static List<String> closest(String typed, Collection<String> known) {
    int limit = Math.max(2, typed.length() / 3);
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : known) {
      String local = candidate.substring(candidate.lastIndexOf('.') + 1);
      int score = Math.min(bounded(typed, candidate, limit), bounded(typed, local, limit));
      if (score <= limit) {
        scored.add(new Scored(candidate, score));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(MAX).map(Scored::name).toList();
  }

  /**
   * @return {@code " Did you mean: a, b?"} or {@code ""} when nothing is close
   */
  static String hint(Collection<String> typed, Collection<String> known) {
    List<String> all = new ArrayList<>();
    for (String t : typed) {
      for (String s : closest(t, known)) {
        if (!all.contains(s)) {
          all.add(s);
        }
      }
    }
    return all.isEmpty() ? "" : " Did you mean: " + String.join(", ", all) + "?";
  }

  /** The distance, or {@code limit + 1} when the lengths alone already differ by more. */
  private static int bounded(String a, String b, int limit) {
    return Math.abs(a.length() - b.length()) > limit ? limit + 1 : distance(a, b);
  }

  static int distance(String a, String b) {
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
