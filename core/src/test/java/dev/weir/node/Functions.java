package dev.weir.node;

import java.util.List;
import java.util.Map;

/** Node functions used by the tests, as a project's {@code nodes} class would hold them. */
final class Functions {
  private Functions() {}

  /** A parameter record, as bound from {@code params:model_options}. */
  public record ModelOptions(double testSize, int randomState) {}

  /** A record returned by a node with two outputs. */
  public record Split(List<Integer> train, List<Integer> test) {}

  static String upper(String text) {
    return text.toUpperCase();
  }

  static Split split(List<Integer> rows, ModelOptions options) {
    int cut = (int) Math.round(rows.size() * (1 - options.testSize()));
    return new Split(rows.subList(0, cut), rows.subList(cut, rows.size()));
  }

  static int total(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).sum();
  }

  static Map<String, Object> stats(List<Integer> rows) {
    return Map.of("count", rows.size(), "sum", total(rows));
  }

  static List<Object> pair(String a) {
    return List.of(a, a + a);
  }

  static String describe(Object anything) {
    return String.valueOf(anything);
  }

  static String join10(
      String a,
      String b,
      String c,
      String d,
      String e,
      String f,
      String g,
      String h,
      String i,
      String j) {
    return a + b + c + d + e + f + g + h + i + j;
  }

  static String constant() {
    return "c";
  }
}
