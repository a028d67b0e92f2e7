package dev.weir.datasets.mlflow;

import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.util.Comparator;
import java.util.Set;

/** Refuses catalog keys a dataset type does not know, naming the closest known one. */
final class SpecKeys {
  private SpecKeys() {}

  static void requireKnown(DatasetSpec spec, Set<String> known) {
    for (String key : spec.options().keySet()) {
      if (!known.contains(key)) {
        String closest =
            known.stream()
                .min(Comparator.comparingInt((String k) -> distance(k, key)).thenComparing(k -> k))
                .orElse("");
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "' of type "
                + spec.type()
                + (spec.source() == null ? "" : " (in " + spec.source() + ")")
                + " has an unknown key '"
                + key
                + "'. Did you mean '"
                + closest
                + "'? Known keys: "
                + String.join(", ", known.stream().sorted().toList())
                + ".");
      }
    }
  }

  /** Levenshtein distance, small strings only. */
  static int distance(String a, String b) {
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
