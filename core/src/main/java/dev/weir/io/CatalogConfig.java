package dev.weir.io;

import dev.weir.ClosestNames;
import dev.weir.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalog configuration turned into {@link DatasetSpec}s, as Kedro's {@code
 * CatalogConfigResolver}: explicit entries by name, dataset factory patterns in rank order, and
 * credentials blocks fetched by name. Validates everything it can without creating datasets.
 * Immutable.
 */
final class CatalogConfig {
  static final String TYPE = "type";
  static final String CREDENTIALS = "credentials";

  private final Map<String, Map<String, Object>> entries;
  private final List<DatasetPattern> patterns;
  private final Map<String, Map<String, Object>> patternEntries;
  private final Map<String, Object> credentials;
  private final Map<String, String> sources;

  private CatalogConfig(
      Map<String, Map<String, Object>> entries,
      List<DatasetPattern> patterns,
      Map<String, Map<String, Object>> patternEntries,
      Map<String, Object> credentials,
      Map<String, String> sources) {
    this.entries = entries;
    this.patterns = patterns;
    this.patternEntries = patternEntries;
    this.credentials = credentials;
    this.sources = sources;
  }

  static CatalogConfig empty() {
    return new CatalogConfig(Map.of(), List.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * @throws ConfigException on an entry that is not a mapping, has no type, an unknown type,
   *     missing credentials, or on more than one catch-all pattern
   */
  @SuppressWarnings("unchecked")
  static CatalogConfig parse(
      Map<String, Object> catalog,
      Map<String, Object> credentials,
      Map<String, String> sources,
      DatasetTypeRegistry registry) {
    Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    Map<String, Map<String, Object>> patternEntries = new LinkedHashMap<>();
    List<DatasetPattern> patterns = new ArrayList<>();
    CatalogConfig partial =
        new CatalogConfig(
            entries, patterns, patternEntries, Map.copyOf(credentials), Map.copyOf(sources));
    for (Map.Entry<String, Object> e : catalog.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("_")) {
        continue; // a template for interpolation; ConfigLoader normally drops these already
      }
      if (!(e.getValue() instanceof Map<?, ?> raw)) {
        throw new ConfigException(
            "Catalog entry '"
                + name
                + "'"
                + partial.where(name)
                + " must be a mapping with at least a 'type' key, but is "
                + yamlKind(e.getValue())
                + ". Write its keys as 'key: value' lines indented under the name (type: ...,"
                + " filepath: ...), not as '- ' list items.");
      }
      Map<String, Object> entry = (Map<String, Object>) raw;
      partial.requireType(name, entry);
      if (DatasetPattern.isPattern(name)) {
        patterns.add(DatasetPattern.compile(name, partial.where(name)));
        patternEntries.put(name, entry);
        String type = String.valueOf(entry.get(TYPE));
        if (!type.contains("{")) {
          partial.checkType(name, type, registry);
        }
        if (!(entry.get(CREDENTIALS) instanceof String c && c.contains("{"))) {
          partial.credentialsOf(name, entry);
        }
      } else {
        entries.put(name, entry);
        partial.checkType(name, String.valueOf(entry.get(TYPE)), registry);
        partial.credentialsOf(name, entry);
      }
    }
    patterns.sort(DatasetPattern.RANK);
    List<String> catchAll =
        patterns.stream().filter(DatasetPattern::isCatchAll).map(DatasetPattern::pattern).toList();
    if (catchAll.size() > 1) {
      throw new ConfigException(
          "Multiple catch-all patterns found in the catalog: "
              + String.join(", ", catchAll)
              + ". Only one catch-all pattern is allowed, remove the extras.");
    }
    return partial;
  }

  Map<String, Map<String, Object>> entries() {
    return entries;
  }

  List<DatasetPattern> patterns() {
    return patterns;
  }

  Optional<DatasetPattern> patternFor(String name) {
    if (name.startsWith("params:") || name.equals("parameters")) {
      return Optional.empty();
    }
    for (DatasetPattern p : patterns) {
      if (p.regex().matcher(name).matches()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the explicit entry, else the best-ranked pattern's entry with placeholders filled in
   */
  @SuppressWarnings("unchecked")
  Optional<DatasetSpec> spec(String name) {
    Map<String, Object> entry = entries.get(name);
    if (entry != null) {
      return Optional.of(toSpec(name, entry, sources.get(name)));
    }
    Optional<DatasetPattern> pattern = patternFor(name);
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    DatasetPattern p = pattern.get();
    Map<String, String> values = p.match(name).orElseThrow();
    Map<String, Object> filled =
        (Map<String, Object>)
            Objects.requireNonNull(
                p.fill(patternEntries.get(p.pattern()), values, name), "pattern entry");
    String source = sources.get(p.pattern());
    return Optional.of(
        toSpec(
            name,
            filled,
            "pattern '" + p.pattern() + "'" + (source == null ? "" : " in " + source)));
  }

  private DatasetSpec toSpec(String name, Map<String, Object> entry, @Nullable String source) {
    Map<String, Object> config = new LinkedHashMap<>(entry);
    config.remove(TYPE);
    config.remove(CREDENTIALS);
    return new DatasetSpec(
        name, String.valueOf(entry.get(TYPE)), config, credentialsOf(name, entry), source);
  }

  private void requireType(String name, Map<String, Object> entry) {
    Object type = entry.get(TYPE);
    if (!(type instanceof String s) || s.isBlank()) {
      throw new ConfigException(
          "Catalog entry '"
              + name
              + "'"
              + where(name)
              + " has no 'type'. Every dataset needs one, for example type: spark.SparkDataset."
              + " Hint: if this entry is a template meant only for ${...} interpolation, prefix"
              + " its name with '_' (for example _"
              + name
              + ") so it is not read as a dataset.");
    }
  }

  private void checkType(String name, String type, DatasetTypeRegistry registry) {
    try {
      registry.get(type);
    } catch (ConfigException e) {
      throw new ConfigException(
          "Catalog entry '" + name + "'" + where(name) + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> credentialsOf(String name, Map<String, Object> entry) {
    Object ref = entry.get(CREDENTIALS);
    if (ref == null) {
      return Map.of();
    }
    if (ref instanceof Map<?, ?> inline) {
      return (Map<String, Object>) inline;
    }
    Object block = credentials.get(ref.toString());
    if (block instanceof Map<?, ?> found) {
      return (Map<String, Object>) found;
    }
    throw new ConfigException(
        "Catalog entry '"
            + name
            + "'"
            + where(name)
            + " uses credentials '"
            + ref
            + "', which are "
            + (block == null ? "not defined" : "not a mapping of keys to values")
            + ". Looked for a top-level key '"
            + ref
            + "' in the credentials configuration: credentials*.yml / credentials*.yaml files in"
            + " conf/base and the run environment's folder (for example conf/local), sub-folders"
            + " included."
            + ClosestNames.didYouMean(ref.toString(), credentials.keySet()));
  }

  private String where(String key) {
    String source = sources.get(key);
    return source == null ? "" : " (in " + source + ")";
  }

  /** Names a YAML value's kind for messages (never its Java class). */
  private static String yamlKind(@Nullable Object value) {
    if (value == null) {
      return "empty";
    }
    if (value instanceof java.util.List<?>) {
      return "a YAML list";
    }
    if (value instanceof CharSequence) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
