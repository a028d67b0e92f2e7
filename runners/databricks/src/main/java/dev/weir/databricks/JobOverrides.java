package dev.weir.databricks;

import dev.weir.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies {@code conf/<env>/databricks.yml} to a generated job, as kedro-databricks does
 * (kedro_databricks/utilities/resource_overrider/jobs_resource_overrider.py):
 *
 * <pre>{@code
 * default:                      # every job
 *   job_clusters:
 *     - job_cluster_key: default
 *       new_cluster: {node_type_id: m5d.xlarge, num_workers: 2}
 *   tasks:
 *     - task_key: default       # every task of every job
 *       max_retries: 1
 * re:spaceflights_data_.*:      # jobs whose key matches the regular expression (whole key)
 *   timeout_seconds: 3600
 * spaceflights_reporting:       # one job, by key
 *   tasks:
 *     - task_key: reporting
 *       timeout_seconds: 600
 * }</pre>
 *
 * <p>Order: the generated job, then {@code default}, then every matching {@code re:} entry in file
 * order, then the job's own entry. Mappings merge key by key; lists of keyed entries merge by key
 * ({@code tasks} by {@code task_key}, where a {@code default} entry applies to every task, {@code
 * job_clusters} by {@code job_cluster_key}, {@code environments} by {@code environment_key}, {@code
 * parameters} by {@code name}, {@code depends_on} by {@code task_key}); an entry whose key is new
 * is appended; every other value is replaced.
 */
public final class JobOverrides {
  /** The entry applied to every job, and the task entry applied to every task. */
  public static final String DEFAULT_KEY = "default";

  /** Prefix of an entry whose key is a regular expression over job keys. */
  public static final String REGEX_PREFIX = "re:";

  private static final Map<String, String> LIST_KEYS =
      Map.of(
          "tasks", "task_key",
          "job_clusters", "job_cluster_key",
          "environments", "environment_key",
          "parameters", "name",
          "depends_on", "task_key");

  private JobOverrides() {}

  /**
   * @param jobKey the job's resource key, e.g. {@code spaceflights_data_processing}
   * @param job the generated job (not modified)
   * @param overrides the merged {@code databricks*} configuration
   * @return the job with the overrides applied
   * @throws ConfigException when an entry is not a mapping or a {@code re:} key is not a valid
   *     regular expression
   */
  public static Map<String, Object> apply(
      String jobKey, Map<String, Object> job, Map<String, Object> overrides) {
    Map<String, Object> result = job;
    result = merge(result, section(overrides, DEFAULT_KEY), "");
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      if (e.getKey().startsWith(REGEX_PREFIX) && pattern(e.getKey()).matcher(jobKey).matches()) {
        result = merge(result, section(overrides, e.getKey()), "");
      }
    }
    return merge(result, section(overrides, jobKey), "");
  }

  private static Pattern pattern(String key) {
    try {
      return Pattern.compile(key.substring(REGEX_PREFIX.length()));
    } catch (PatternSyntaxException e) {
      throw new ConfigException(
          "conf/*/databricks.yml key '"
              + key
              + "' is not a valid regular expression: "
              + e.getDescription()
              + ". Write re:<java regex>, e.g. re:spaceflights_.*");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> overrides, String key) {
    Object value = overrides.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new ConfigException(
          "conf/*/databricks.yml entry '"
              + key
              + "' must be a mapping of job settings (as the Jobs API's create request), got: "
              + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(
      Map<String, Object> base, Map<String, Object> override, String parentKey) {
    if (override.isEmpty()) {
      return base;
    }
    Map<String, Object> merged = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> e : override.entrySet()) {
      String key = e.getKey();
      Object old = merged.get(key);
      Object value = e.getValue();
      if (LIST_KEYS.containsKey(key)
          && old instanceof List<?> oldList
          && value instanceof List<?> list) {
        merged.put(key, mergeList((List<Object>) oldList, (List<Object>) list, key));
      } else if (old instanceof Map<?, ?> oldMap && value instanceof Map<?, ?> map) {
        merged.put(key, merge((Map<String, Object>) oldMap, (Map<String, Object>) map, key));
      } else {
        merged.put(key, value);
      }
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeList(List<Object> base, List<Object> override, String listKey) {
    String idKey = Objects.requireNonNull(LIST_KEYS.get(listKey), listKey);
    Map<String, Object> defaults = Map.of();
    Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Object item : override) {
      if (!(item instanceof Map<?, ?> map) || !map.containsKey(idKey)) {
        throw new ConfigException(
            "conf/*/databricks.yml: every entry of '"
                + listKey
                + "' needs a '"
                + idKey
                + "' to say which entry it overrides, got: "
                + item);
      }
      Map<String, Object> entry = (Map<String, Object>) map;
      if ("tasks".equals(listKey) && DEFAULT_KEY.equals(entry.get(idKey))) {
        defaults = entry;
      } else {
        byId.put(entry.get(idKey), entry);
      }
    }
    List<Object> result = new ArrayList<>();
    for (Object item : base) {
      if (item instanceof Map<?, ?> map) {
        Map<String, Object> entry = (Map<String, Object>) map;
        Map<String, Object> withDefaults = merge(entry, without(defaults, idKey), listKey);
        Map<String, Object> own = byId.remove(entry.get(idKey));
        result.add(own == null ? withDefaults : merge(withDefaults, own, listKey));
      } else {
        result.add(item);
      }
    }
    result.addAll(byId.values());
    return result;
  }

  private static Map<String, Object> without(Map<String, Object> entry, String key) {
    Map<String, Object> copy = new LinkedHashMap<>(entry);
    copy.remove(key);
    return copy;
  }
}
