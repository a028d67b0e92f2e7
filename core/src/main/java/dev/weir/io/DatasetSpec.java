package dev.weir.io;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One catalog entry after factory patterns and interpolation are applied: parsed YAML, no runtime
 * objects, so a catalog can be validated without Spark.
 *
 * @param name the dataset name as nodes use it (for example {@code companies} or {@code
 *     model_input_table@spark})
 * @param type the {@code type:} value as written
 * @param config every other key of the entry ({@code filepath}, {@code load_args}, {@code
 *     versioned}, {@code metadata}, ...), except {@code credentials}; values are YAML types
 *     (String, Number, Boolean, List, Map). {@code metadata} (Kedro's free-form mapping, for
 *     example {@code {layer: 01_raw}} read by the pipeline visualisation) is kept here for tools
 *     but is not an option of the dataset: a type that rejects unknown keys checks {@link
 *     #options()} instead, and may ignore {@link #metadata()}
 * @param credentials the resolved credentials block named by the entry's {@code credentials:} key,
 *     or an empty map; never log or describe it
 * @param source where the entry came from (a file name), or {@code null} when built in code
 */
public record DatasetSpec(
    String name,
    String type,
    Map<String, Object> config,
    Map<String, Object> credentials,
    @Nullable String source) {

  /** Copies the maps so the record stays immutable. */
  public DatasetSpec {
    config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    credentials = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(credentials));
  }

  /**
   * Names the credentials' keys but never their values, so a spec in a log or an error shows no
   * secret.
   */
  @Override
  public String toString() {
    return "DatasetSpec[name="
        + name
        + ", type="
        + type
        + ", config="
        + config
        + ", credentials="
        + credentials.keySet()
        + ", source="
        + source
        + "]";
  }

  /** The entry key for free-form metadata that datasets accept and may ignore. */
  public static final String METADATA = "metadata";

  /**
   * Kedro's {@code metadata:} mapping of the entry, for tools (for example {@code layer} for the
   * pipeline visualisation).
   *
   * @return the mapping, or an empty map when absent
   * @throws DatasetException when {@code metadata} is not a mapping
   */
  public Map<String, Object> metadata() {
    return map(METADATA);
  }

  /**
   * The dataset's own options: {@link #config()} without {@code metadata}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> options() {
    if (!config.containsKey(METADATA)) {
      return config;
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>(config);
    out.remove(METADATA);
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * A config value as a string.
   *
   * @param key the entry key, such as {@code filepath}
   * @return the value, or {@code null} when absent
   */
  public @Nullable String string(String key) {
    Object v = config.get(key);
    return v == null ? null : v.toString();
  }

  /**
   * A nested map value such as {@code load_args}.
   *
   * @param key the entry key
   * @return the map, or an empty map when absent
   * @throws DatasetException when the value is not a map
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String key) {
    Object v = config.get(key);
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new DatasetException(
        "Dataset '"
            + name
            + "': '"
            + key
            + "' must be a mapping, got: "
            + v.getClass().getSimpleName()
            + (source == null ? "" : " (in " + source + ")"));
  }

  /**
   * A boolean config value.
   *
   * @param key the entry key
   * @param defaultValue returned when absent
   * @return the value
   */
  public boolean bool(String key, boolean defaultValue) {
    Object v = config.get(key);
    if (v == null) {
      return defaultValue;
    }
    return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
  }
}
