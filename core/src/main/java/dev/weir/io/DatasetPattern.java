package dev.weir.io;

import dev.weir.config.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A dataset factory: a catalog key with {@code {placeholder}}s such as {@code "{name}_raw"}, as in
 * Kedro (kedro/io/catalog_config_resolver.py). A placeholder matches one or more characters, as few
 * as possible (Kedro uses the {@code parse} library); a placeholder used twice must match the same
 * text both times. Matching is case-sensitive, like every other dataset name in Weir.
 */
record DatasetPattern(String pattern, Pattern regex, List<String> placeholders) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

  /**
   * Kedro's ranking: more characters outside placeholders first, then more placeholders, then
   * alphabetical order.
   */
  static final Comparator<DatasetPattern> RANK =
      Comparator.comparingInt((DatasetPattern p) -> -p.specificity())
          .thenComparingInt(p -> -p.placeholders().size())
          .thenComparing(DatasetPattern::pattern);

  static boolean isPattern(String key) {
    return key.indexOf('{') >= 0;
  }

  /**
   * @throws ConfigException when braces are unbalanced or a placeholder is not a word
   */
  static DatasetPattern compile(String pattern, String where) {
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(pattern);
    int last = 0;
    while (m.find()) {
      String literal = pattern.substring(last, m.start());
      regex.append(literal.isEmpty() ? "" : Pattern.quote(literal));
      String name = m.group(1);
      regex.append(names.contains(name) ? "\\k<" + name + ">" : "(?<" + name + ">.+?)");
      names.add(name);
      last = m.end();
    }
    String tail = pattern.substring(last);
    regex.append(tail.isEmpty() ? "" : Pattern.quote(tail));
    String literal = PLACEHOLDER.matcher(pattern).replaceAll("");
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0 || names.isEmpty()) {
      throw new ConfigException(
          "Dataset factory pattern '"
              + pattern
              + "'"
              + where
              + " is malformed: placeholders are written {name} with letters, digits or _.");
    }
    return new DatasetPattern(pattern, Pattern.compile(regex.toString()), List.copyOf(names));
  }

  /**
   * @return characters outside placeholders (Kedro's specificity); 0 for a catch-all
   */
  int specificity() {
    return PLACEHOLDER.matcher(pattern).replaceAll("").length();
  }

  boolean isCatchAll() {
    return specificity() == 0;
  }

  /**
   * @return placeholder values when the name matches the whole pattern
   */
  Optional<Map<String, String>> match(String name) {
    Matcher m = regex.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String placeholder : placeholders) {
      values.putIfAbsent(placeholder, m.group(placeholder));
    }
    return Optional.of(values);
  }

  /**
   * Fills placeholders into every string value of an entry, in nested maps and lists too (keys are
   * left alone, as Kedro does).
   *
   * @throws DatasetException when a value uses a placeholder the pattern does not have
   */
  @Nullable Object fill(@Nullable Object value, Map<String, String> values, String datasetName) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), fill(v, values, datasetName)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(fill(v, values, datasetName)));
      return out;
    }
    if (value instanceof String text && text.indexOf('{') >= 0) {
      Matcher m = PLACEHOLDER.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = values.get(m.group(1));
        if (replacement == null) {
          throw new DatasetException(
              "Unable to resolve '"
                  + m.group()
                  + "' for dataset '"
                  + datasetName
                  + "' from the pattern '"
                  + pattern
                  + "': keys used in the entry must be placeholders of the pattern ("
                  + String.join(", ", placeholders)
                  + ").");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }
    return value;
  }
}
