package dev.weir.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parses {@code --params} values as Kedro does (kedro/framework/cli/utils.py {@code
 * _split_params}): {@code k=v,k2.sub=v2}; each pair is split at its first {@code =}; dotted keys
 * nest ({@code a.b=1} becomes {@code {a: {b: 1}}}); values are typed as YAML scalars ({@code 0.3}
 * is a Double, {@code true} a Boolean, {@code 3} an Integer, {@code '1,2'} a quoted string is not
 * supported because {@code ,} separates pairs).
 */
public final class RuntimeParams {
  private RuntimeParams() {}

  /**
   * @param text {@code key=value} pairs separated by commas; blank text gives an empty map
   * @return nested values, in the order given; an unmodifiable map
   * @throws ConfigException on a pair without {@code =}, an empty key, or a key given both as a
   *     value and as a parent of another key ({@code a=1,a.b=2}), quoting the pair
   */
  public static Map<String, Object> parse(String text) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (text.isBlank()) {
      return Map.of();
    }
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new ConfigException(
            "Invalid runtime parameter '"
                + pair.trim()
                + "' in --params: expected key=value pairs separated by commas, for example"
                + " --params \"model_options.test_size=0.3,run_date=2024-01-31\".");
      }
      String key = pair.substring(0, eq).trim();
      if (key.isEmpty() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
        throw new ConfigException(
            "Invalid runtime parameter '"
                + pair.trim()
                + "' in --params: the key is empty or has an empty part; write key=value or"
                + " a.b=value.");
      }
      Object value = SafeYaml.scalar(pair.substring(eq + 1).trim());
      put(root, key, value == null ? "" : value, pair.trim());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> frozen =
        (Map<String, Object>) Objects.requireNonNull(SafeYaml.freeze(root), "frozen params");
    return frozen;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String key, Object value, String pair) {
    String[] parts = key.split("\\.");
    Map<String, Object> current = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
      if (!(child instanceof Map<?, ?>)) {
        throw conflict(pair);
      }
      current = (Map<String, Object>) child;
    }
    String last = parts[parts.length - 1];
    if (current.get(last) instanceof Map<?, ?>) {
      throw conflict(pair);
    }
    current.put(last, value);
  }

  private static ConfigException conflict(String pair) {
    return new ConfigException(
        "Conflicting runtime parameter '"
            + pair
            + "' in --params: a key is given both as a value and as a parent of other keys.");
  }
}
