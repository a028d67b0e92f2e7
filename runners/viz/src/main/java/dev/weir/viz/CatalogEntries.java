package dev.weir.viz;

import dev.weir.io.DatasetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The part of a catalog entry the map may show. Credentials never leave the process: {@link
 * DatasetSpec#config()} already holds no resolved credentials, and this class also drops every
 * {@code credentials} key at any depth (a name or an inline block) and redacts values under keys
 * that look secret ({@code key}, {@code password}, {@code token}, {@code secret}, {@code *_key},
 * ...), which some Kedro entries carry inline in {@code load_args} or {@code fs_args}.
 */
public final class CatalogEntries {
  /** What a redacted value is replaced with. */
  public static final String REDACTED = "<redacted>";

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i)(key|.*(password|passwd|secret|token|api[._-]?key|access[._-]?key"
              + "|account[._-]?key|private[._-]?key|session[._-]?key|authorization).*)");

  private CatalogEntries() {}

  /**
   * @param spec a catalog entry
   * @return {@code type} followed by every other key of the entry, credentials dropped and
   *     secret-looking values redacted; nested maps and lists are copied
   */
  public static Map<String, Object> visible(DatasetSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", spec.type());
    out.putAll(sanitizeMap(spec.config()));
    return out;
  }

  /**
   * The layer as Kedro writes it: {@code metadata: {layer: 01_raw}}, or kedro-viz's {@code
   * metadata: {kedro-viz: {layer: 01_raw}}}.
   *
   * @param spec a catalog entry
   * @return the layer, or {@code null} when the entry has none
   */
  public static @Nullable String layer(DatasetSpec spec) {
    if (!(spec.config().get("metadata") instanceof Map<?, ?> metadata)) {
      return null;
    }
    Object layer = metadata.get("layer");
    if (layer == null && metadata.get("kedro-viz") instanceof Map<?, ?> kedroViz) {
      layer = kedroViz.get("layer");
    }
    return layer == null ? null : layer.toString();
  }

  private static Map<String, Object> sanitizeMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.toLowerCase(Locale.ROOT).equals("credentials")) {
        continue;
      }
      Object value = e.getValue();
      if (value != null && !(value instanceof Map) && SECRET_KEY.matcher(key).matches()) {
        out.put(key, REDACTED);
      } else {
        out.put(key, sanitize(value));
      }
    }
    return out;
  }

  private static @Nullable Object sanitize(@Nullable Object value) {
    if (value instanceof Map<?, ?> m) {
      return sanitizeMap(m);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> out = new ArrayList<>();
      for (Object item : list) {
        out.add(sanitize(item));
      }
      return out;
    }
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return value.toString();
  }
}
