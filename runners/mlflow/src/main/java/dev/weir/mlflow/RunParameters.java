package dev.weir.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.config.ConfigException;
import dev.weir.datasets.mlflow.MlflowKeys;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The MLflow params of a run: the parameters its nodes read ({@code params:<name>} inputs, or all
 * of them when a node reads {@code parameters}), flattened ({@code model_options.test_size}) as
 * kedro-mlflow's {@code flatten_dict}, and fitted to MLflow's limits (mlflow/utils/validation.py):
 * keys follow {@link MlflowKeys} (other characters become {@code _}) and have at most 250
 * characters (longer ones are cut and end with a hash so they stay distinct); values have at most
 * 6,000 characters, per {@link LongValueStrategy}; tags at most 8,000.
 */
final class RunParameters {
  static final int MAX_PARAM_VALUE = 6000;
  static final int MAX_TAG_VALUE = 8000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunParameters() {}

  /**
   * What to log.
   *
   * @param params MLflow params by key
   * @param tags values moved to tags by {@link LongValueStrategy#TAG}
   * @param notes keys that were renamed, cut or dropped, for one log line
   */
  record Plan(Map<String, String> params, Map<String, String> tags, List<String> notes) {}

  /**
   * @param pipeline the pipeline that runs
   * @param parameters every parameter of the run, runtime params applied
   * @return the values the pipeline's nodes read, by parameter name ({@code model_options} or
   *     {@code data_science.model_options}), in node order
   */
  static Map<String, @Nullable Object> used(Pipeline pipeline, Map<String, Object> parameters) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    boolean all = false;
    for (Node node : pipeline.nodes()) {
      for (String input : node.inputs()) {
        if (input.equals("parameters")) {
          all = true;
        } else if (input.startsWith("params:")) {
          String name = input.substring("params:".length());
          Lookup found = lookup(parameters, name);
          if (found.present()) {
            out.putIfAbsent(name, found.value());
          }
        }
      }
    }
    if (all) {
      return new LinkedHashMap<>(parameters);
    }
    return out;
  }

  private record Lookup(boolean present, @Nullable Object value) {}

  private static Lookup lookup(Map<String, ?> map, String dotted) {
    if (map.containsKey(dotted)) {
      return new Lookup(true, map.get(dotted));
    }
    int dot = dotted.indexOf('.');
    while (dot > 0) {
      Object head = map.get(dotted.substring(0, dot));
      if (head instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Lookup l = lookup((Map<String, ?>) m, dotted.substring(dot + 1));
        if (l.present()) {
          return l;
        }
      }
      dot = dotted.indexOf('.', dot + 1);
    }
    return new Lookup(false, null);
  }

  /**
   * @param used parameter values by name (see {@link #used})
   * @param flatten whether nested maps become one param per leaf
   * @param strategy what to do with values over 6,000 characters
   * @return the params and tags to log
   * @throws ConfigException for a value over 6,000 characters under {@link LongValueStrategy#FAIL}
   */
  static Plan plan(
      Map<String, @Nullable Object> used, boolean flatten, LongValueStrategy strategy) {
    Map<String, String> raw = new LinkedHashMap<>();
    used.forEach((k, v) -> flatten(k, v, flatten, raw));
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, String> tags = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    raw.forEach(
        (rawKey, value) -> {
          String key = fitKey(rawKey);
          if (!key.equals(rawKey)) {
            notes.add("'" + rawKey + "' logged as '" + key + "'");
          }
          if (value.length() > MAX_PARAM_VALUE) {
            switch (strategy) {
              case FAIL ->
                  throw new ConfigException(
                      "Parameter '"
                          + rawKey
                          + "' has a value of "
                          + value.length()
                          + " characters, more than MLflow's 6,000 for a param, and"
                          + " params.long_value_strategy is 'fail' (conf/<env>/mlflow.yml). Set it"
                          + " to 'truncate' or 'tag', or shorten the parameter.");
              case TAG -> {
                String tagValue =
                    value.length() > MAX_TAG_VALUE ? value.substring(0, MAX_TAG_VALUE) : value;
                if (tagValue.length() < value.length()) {
                  notes.add("'" + rawKey + "' cut to " + MAX_TAG_VALUE + " characters (tag limit)");
                }
                tags.put(key, tagValue);
                return;
              }
              case TRUNCATE -> {
                notes.add("'" + rawKey + "' cut to " + MAX_PARAM_VALUE + " characters");
                value = value.substring(0, MAX_PARAM_VALUE);
              }
            }
          }
          String earlier = params.putIfAbsent(key, value);
          if (earlier != null && !earlier.equals(value)) {
            notes.add("'" + rawKey + "' dropped: key '" + key + "' already holds another value");
          }
        });
    return new Plan(params, tags, notes);
  }

  private static void flatten(
      String key, @Nullable Object value, boolean flatten, Map<String, String> out) {
    if (flatten && value instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, v) -> flatten(key + "." + k, v, true, out));
      return;
    }
    out.putIfAbsent(key, render(value));
  }

  /**
   * Text of a value: strings as they are, numbers and booleans as written, lists and maps as JSON.
   */
  static String render(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        return value.toString();
      }
    }
    return value.toString();
  }

  /**
   * @param value a tag value
   * @return the value cut to MLflow's 8,000 characters for a tag value
   */
  static String fitTagValue(String value) {
    return value.length() > MAX_TAG_VALUE ? value.substring(0, MAX_TAG_VALUE) : value;
  }

  /** A key MLflow accepts: bad characters become {@code _}; over 250 characters, cut + hash. */
  static String fitKey(String key) {
    String k = MlflowKeys.sanitize(key);
    if (k.length() > MlflowKeys.MAX_KEY_LENGTH) {
      CRC32 crc = new CRC32();
      crc.update(key.getBytes(StandardCharsets.UTF_8));
      String hash = String.format("%08x", crc.getValue());
      k = k.substring(0, MlflowKeys.MAX_KEY_LENGTH - 9) + "_" + hash;
      k = MlflowKeys.sanitize(k);
    }
    return k;
  }
}
