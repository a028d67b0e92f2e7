package dev.weir.config;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads a project's configuration as Kedro's {@code OmegaConfigLoader}
 * (kedro/config/omegaconf_config.py): {@code <confSource>/base} then {@code <confSource>/<env>}
 * (default {@code local}; {@code --env} or {@code WEIR_ENV}), files matched by {@code catalog*},
 * {@code parameters*}, {@code credentials*}, {@code spark*}, {@code mlflow*}, {@code databricks*},
 * {@code globals*} ({@code .yml}, {@code .yaml}), also in sub-folders. The same top-level key twice
 * within one environment is an error naming both files; the run environment replaces base per
 * top-level key (parameters may opt into a deep merge); {@code _}-prefixed top-level keys are
 * templates removed after interpolation. Interpolation: {@code ${a.b}}, {@code ${globals:key,
 * default}}, {@code ${runtime_params:key, default}}, and {@code ${env:VAR, default}} in
 * credentials only. YAML is loaded safely: global tags such as {@code !!java...} are rejected and
 * alias bombs hit SnakeYAML's limits.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * @param confSource the {@code conf} directory (a local path or a path in a JAR's file system)
   * @param env the environment; {@code null} means {@code WEIR_ENV}, else {@code local}
   * @param runtimeParams {@code --params} values, nested (see {@link RuntimeParams#parse})
   * @return a loader; files are read on first access of each kind
   * @throws ConfigException when {@code confSource} or its {@code base} is missing
   */
  public static ConfigLoader load(Path confSource, @Nullable String env, Map<String, Object> runtimeParams) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the resolved environment name
   */
  public String env() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the configuration directory
   */
  public Path confSource() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param kind {@code catalog}, {@code parameters}, {@code credentials}, {@code spark}, {@code
   *     mlflow}, {@code databricks} or {@code globals}
   * @return the merged, interpolated configuration of that kind (empty when no file matches)
   * @throws ConfigException on malformed YAML (file, line, column), a duplicate key (both files),
   *     or an unresolved interpolation (the key and file)
   */
  public Map<String, Object> get(String kind) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("catalog")}
   */
  public Map<String, Object> catalog() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("parameters")} with runtime params merged in (they win)
   */
  public Map<String, Object> parameters() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("credentials")}; never log it
   */
  public Map<String, Object> credentials() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("spark")}
   */
  public Map<String, Object> spark() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("mlflow")}
   */
  public Map<String, Object> mlflow() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return {@code get("databricks")}
   */
  public Map<String, Object> databricks() {
    throw new UnsupportedOperationException("TODO");
  }
}
