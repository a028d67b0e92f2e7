package dev.weir.cli;

import java.util.List;
import java.util.Map;

/** Renders a dataset's {@code describe()} map for people. */
final class Describe {
  private static final List<String> LOCATION_KEYS =
      List.of("table", "filepath", "path", "location", "url", "uri");

  private Describe() {}

  /**
   * @param description a {@link dev.weir.io.Dataset#describe()} map (never credentials)
   * @return {@code type at location}, or the map when it has no location key
   */
  static String location(Map<String, Object> description) {
    Object type = description.get("type");
    for (String key : LOCATION_KEYS) {
      Object value = description.get(key);
      if (value != null) {
        return (type != null ? type + " at " : "") + value;
      }
    }
    return description.toString();
  }
}
