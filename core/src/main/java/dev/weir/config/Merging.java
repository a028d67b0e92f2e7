package dev.weir.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kedro's two merge strategies for base and run environment (kedro/config/omegaconf_config.py
 * {@code _merge_configs}): {@code destructive} replaces a top-level key whole; {@code soft} (deep)
 * merges nested maps key by key, the overlay winning for anything that is not a map on both sides.
 */
final class Merging {
  private Merging() {}

  static Map<String, @Nullable Object> shallow(
      Map<String, @Nullable Object> base, Map<String, @Nullable Object> overlay) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(base);
    out.putAll(overlay);
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> deep(
      Map<String, @Nullable Object> base, Map<String, @Nullable Object> overlay) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(base);
    overlay.forEach(
        (k, v) -> {
          Object existing = out.get(k);
          if (existing instanceof Map<?, ?> a && v instanceof Map<?, ?> b) {
            out.put(k, deep((Map<String, @Nullable Object>) a, (Map<String, @Nullable Object>) b));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }
}
