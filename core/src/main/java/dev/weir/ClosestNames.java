package dev.weir;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The valid names closest to a mistyped one, for "Did you mean" hints, in the spirit of Python's
 * {@code difflib.get_close_matches} that Kedro uses. The one implementation for all of Weir: every
 * message ends the same way, {@code " Did you mean: a, b?"}.
 *
 * <p>Closeness is the edit distance (a swap of neighbours counts as one edit) of the lower-cased
 * names relative to the longer one, measured against the whole candidate and against its last
 * dot-separated part (so {@code trian} finds {@code data_science.train}); a candidate that contains
 * the name, or is contained in it, always counts as close (so {@code SparkDataset} finds {@code
 * spark.SparkDataset}).
 */
public final class ClosestNames {
  private static final int MAX_SUGGESTIONS = 3;
  private static final double MAX_RELATIVE_DISTANCE = 0.5;
  private static final double CONTAINED = 0.25;

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
      String local = c.substring(c.lastIndexOf('.') + 1);
      double score = Math.min(score(w, c), score(w, local));
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
   * The hint sentence for an error message.
   *
   * @param wanted the name that was not found
   * @param candidates the valid names
   * @return {@code " Did you mean: a, b?"} (with its leading space), or {@code ""} when nothing is
   *     close
   */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    return didYouMean(List.of(wanted), candidates);
  }

  /**
   * The hint sentence for several unknown names at once, each name's suggestions in turn, without
   * repeats.
   *
   * @param wanted the names that were not found
   * @param candidates the valid names
   * @return {@code " Did you mean: a, b?"}, or {@code ""} when nothing is close
   */
  public static String didYouMean(Collection<String> wanted, Collection<String> candidates) {
    List<String> all = new ArrayList<>();
    for (String name : wanted) {
      for (String close : closest(name, candidates)) {
        if (!all.contains(close)) {
          all.add(close);
        }
      }
    }
    return all.isEmpty() ? "" : " Did you mean: " + String.join(", ", all) + "?";
  }

  private static double score(String wanted, String candidate) {
    if (wanted.isEmpty() || candidate.isEmpty()) {
      return 1;
    }
    int longest = Math.max(wanted.length(), candidate.length());
    double score = (double) distance(wanted, candidate) / longest;
    if (candidate.contains(wanted) || wanted.contains(candidate)) {
      score = Math.min(score, CONTAINED);
    }
    return score;
  }

  /**
   * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring
   * characters as one edit (the optimal string alignment distance), so the commonest typo, {@code
   * rwa} for {@code raw}, costs one edit.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
