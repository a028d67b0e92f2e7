package dev.weir.session;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Close-name suggestions for error messages ("did you mean"). */
final class Names {
  private Names() {}

  /**
   * @param name the mistyped name
   * @param known the valid names
   * @return up to three valid names within a third of the name's length in edits, closest first
   */
  static List<String> closest(String name, Collection<String> known) {
    int limit = Math.max(2, name.length() / 3);
    return known.stream()
        .filter(k -> distance(name, k) <= limit || k.contains(name) || name.contains(k))
        .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
        .limit(3)
        .toList();
  }

  /**
   * @return {@code " (closest: a, b)"} or an empty string
   */
  static String hint(String name, Collection<String> known) {
    List<String> close = closest(name, known);
    return close.isEmpty() ? "" : " (closest: " + String.join(", ", close) + ")";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
