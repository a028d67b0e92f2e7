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
   * @return {@code type at location}; for a wrapper (such as {@code mlflow.MlflowArtifactDataset})
   *     the wrapped dataset's location; {@code type} alone, or the map, when there is no location
   */
  static String location(Map<String, Object> description) {
    Object type = description.get("type");
    String prefix = type != null ? type + " at " : "";
    for (String key : LOCATION_KEYS) {
      Object value = description.get(key);
      if (value != null) {
        return prefix + value;
      }
    }
    if (description.get("dataset") instanceof Map<?, ?> inner) {
      for (String key : LOCATION_KEYS) {
        Object value = inner.get(key);
        if (value != null) {
          return prefix + value;
        }
      }
    }
    return type != null ? type.toString() : description.toString();
  }
}
