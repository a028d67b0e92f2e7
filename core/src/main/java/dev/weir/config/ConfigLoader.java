package dev.weir.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Loads a project's configuration as Kedro's {@code OmegaConfigLoader}
 * (kedro/config/omegaconf_config.py): {@code <confSource>/base} then {@code <confSource>/<env>}
 * (default {@code local}; {@code --env} or {@code WEIR_ENV}), files matched by {@code catalog*},
 * {@code parameters*}, {@code credentials*}, {@code spark*}, {@code mlflow*}, {@code databricks*},
 * {@code globals*} ({@code .yml}, {@code .yaml}), also in sub-folders (see {@link ConfigFiles}).
 * The same top-level key twice within one environment is an error naming both files; the run
 * environment replaces base per top-level key (a kind listed in {@code deepMergeKinds}, typically
 * {@code parameters}, is merged key by key instead, Kedro's {@code merge_strategy: soft}). As in
 * Kedro, {@code ${...}} is resolved within each environment before the two are merged, and {@code
 * _}-prefixed top-level keys are templates removed after interpolation. Interpolation: {@code
 * ${a.b}}, {@code ${globals:key, default}}, {@code ${runtime_params:key, default}}, and {@code
 * ${env:VAR, default}} in credentials only. YAML is loaded safely: global tags such as {@code
 * !!java...} are rejected and alias bombs hit SnakeYAML's limits.
 *
 * <p>Files are read on first access of each kind and the result is cached; the loader is
 * thread-safe and returns unmodifiable maps. {@code confSource} may be a path in a zip or JAR file
 * system ({@link java.nio.file.FileSystems#newFileSystem(Path)}).
 */
public final class ConfigLoader {
  /** The base environment's directory name. */
  public static final String BASE_ENV = "base";

  /** The run environment when neither {@code --env} nor {@code WEIR_ENV} is given. */
  public static final String DEFAULT_RUN_ENV = "local";

  private final Path confSource;
  private final String env;
  private final Map<String, Object> runtimeParams;
  private final Set<String> deepMergeKinds;
  private final Function<String, @Nullable String> environment;
  private final Map<String, ConfigFiles> filesByEnv = new HashMap<>();
  private final Map<String, Map<String, Object>> cache = new HashMap<>();
  private final Map<String, Map<String, String>> sourcesCache = new HashMap<>();

  private ConfigLoader(Builder b) {
    this.confSource = b.confSource;
    this.runtimeParams = b.runtimeParams;
    this.deepMergeKinds = b.deepMergeKinds;
    this.environment = b.environment;
    String chosen = b.env != null ? b.env : environment.apply("WEIR_ENV");
    this.env = chosen == null || chosen.isBlank() ? DEFAULT_RUN_ENV : chosen.trim();
    if (!Files.isDirectory(confSource)) {
      throw new ConfigException(
          "Configuration directory "
              + confSource
              + " does not exist. Run from the project root or pass --conf-source.");
    }
    if (!Files.isDirectory(confSource.resolve(BASE_ENV))) {
      throw new ConfigException(
          "Configuration directory "
              + confSource
              + " has no '"
              + BASE_ENV
              + "' folder; create "
              + confSource.resolve(BASE_ENV)
              + ".");
    }
    if (!env.equals(DEFAULT_RUN_ENV) && !Files.isDirectory(confSource.resolve(env))) {
      throw new ConfigException(
          "Environment '"
              + env
              + "' has no folder "
              + confSource.resolve(env)
              + ". Create it, or pick another --env / WEIR_ENV.");
    }
  }

  /**
   * @param confSource the {@code conf} directory (a local path or a path in a JAR's file system)
   * @param env the environment; {@code null} means {@code WEIR_ENV}, else {@code local}
   * @param runtimeParams {@code --params} values, nested (see {@link RuntimeParams#parse})
   * @return a loader; files are read on first access of each kind
   * @throws ConfigException when {@code confSource} or its {@code base} is missing, or the folder
   *     of an environment other than {@code local} is missing
   */
  public static ConfigLoader load(
      Path confSource, @Nullable String env, Map<String, Object> runtimeParams) {
    return builder(confSource).env(env).runtimeParams(runtimeParams).build();
  }

  /**
   * As {@link #load(Path, String, Map)}, merging the listed kinds key by key across base and the
   * run environment (Kedro's {@code merge_strategy: {parameters: soft}}).
   *
   * @param confSource the {@code conf} directory
   * @param env the environment; {@code null} means {@code WEIR_ENV}, else {@code local}
   * @param runtimeParams {@code --params} values, nested
   * @param deepMergeKinds kinds to deep-merge, for example {@code Set.of("parameters")}
   * @return a loader
   * @throws ConfigException as {@link #load(Path, String, Map)}
   */
  public static ConfigLoader load(
      Path confSource,
      @Nullable String env,
      Map<String, Object> runtimeParams,
      Set<String> deepMergeKinds) {
    return builder(confSource)
        .env(env)
        .runtimeParams(runtimeParams)
        .deepMergeKinds(deepMergeKinds)
        .build();
  }

  /**
   * @param confSource the {@code conf} directory
   * @return a builder, for the options {@link #load} does not take (environment variables)
   */
  public static Builder builder(Path confSource) {
    return new Builder(confSource);
  }

  /**
   * @return the resolved environment name
   */
  public String env() {
    return env;
  }

  /**
   * @return the configuration directory
   */
  public Path confSource() {
    return confSource;
  }

  /**
   * @return the runtime params given to the loader (unmodifiable)
   */
  public Map<String, Object> runtimeParams() {
    return runtimeParams;
  }

  /**
   * @param kind {@code catalog}, {@code parameters}, {@code credentials}, {@code spark}, {@code
   *     mlflow}, {@code databricks}, {@code globals}, or any other name made of letters, digits and
   *     {@code _} (files {@code <kind>*})
   * @return the merged, interpolated configuration of that kind (empty when no file matches);
   *     unmodifiable
   * @throws ConfigException on malformed YAML (file, line, column), a duplicate key (both files),
   *     or an unresolved interpolation (the key and file)
   */
  public synchronized Map<String, Object> get(String kind) {
    if (!kind.matches("\\w+")) {
      throw new ConfigException(
          "Unknown configuration kind '" + kind + "': use letters, digits and _ only.");
    }
    Map<String, Object> cached = cache.get(kind);
    if (cached != null) {
      return cached;
    }
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, @Nullable Object> base = resolveEnv(BASE_ENV, kind, sources);
    Map<String, @Nullable Object> merged = base;
    if (!env.equals(BASE_ENV)) {
      Map<String, String> envSources = new LinkedHashMap<>();
      Map<String, @Nullable Object> overlay = resolveEnv(env, kind, envSources);
      merged =
          deepMergeKinds.contains(kind)
              ? Merging.deep(base, overlay)
              : Merging.shallow(base, overlay);
      sources.putAll(envSources);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> frozen =
        (Map<String, Object>) Objects.requireNonNull(SafeYaml.freeze(merged), "frozen config");
    cache.put(kind, frozen);
    sourcesCache.put(kind, Map.copyOf(sources));
    return frozen;
  }

  /**
   * Where each top-level key of a kind was defined (the run environment's file when both define
   * it), for messages such as the catalog's.
   *
   * @param kind a configuration kind
   * @return top-level key to file path
   */
  public synchronized Map<String, String> sources(String kind) {
    get(kind);
    return sourcesCache.getOrDefault(kind, Map.of());
  }

  /**
   * @return {@code get("catalog")}
   */
  public Map<String, Object> catalog() {
    return get("catalog");
  }

  /**
   * Kedro's rule: runtime params override parameters, merged key by key ({@code --params
   * model_options.test_size=0.3} changes only that key).
   *
   * @return {@code get("parameters")} with runtime params merged in (they win); unmodifiable
   */
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> parameters() {
    Map<String, Object> params = get("parameters");
    if (runtimeParams.isEmpty()) {
      return params;
    }
    // ':' cannot appear in a kind, so this key never collides with get(kind)'s entries
    return cache.computeIfAbsent(
        "parameters:runtime",
        k ->
            (Map<String, Object>)
                SafeYaml.freeze(
                    Merging.deep(new LinkedHashMap<>(params), new LinkedHashMap<>(runtimeParams))));
  }

  /**
   * @return {@code get("credentials")}; never log it
   */
  public Map<String, Object> credentials() {
    return get("credentials");
  }

  /**
   * @return {@code get("spark")}
   */
  public Map<String, Object> spark() {
    return get("spark");
  }

  /**
   * @return {@code get("mlflow")}
   */
  public Map<String, Object> mlflow() {
    return get("mlflow");
  }

  /**
   * @return {@code get("databricks")}
   */
  public Map<String, Object> databricks() {
    return get("databricks");
  }

  /**
   * @return {@code get("globals")}
   */
  public Map<String, Object> globals() {
    return get("globals");
  }

  private Map<String, @Nullable Object> resolveEnv(
      String envName, String kind, Map<String, String> sources) {
    ConfigFiles files =
        filesByEnv.computeIfAbsent(envName, e -> ConfigFiles.scan(confSource.resolve(e)));
    ConfigFiles.Layer layer = files.read(kind);
    sources.putAll(layer.sources());
    Function<String, java.util.Optional<Interpolator.Found>> globalsLookup =
        kind.equals("globals")
            ? key -> Interpolator.lookup(layer.values(), key)
            : key -> Interpolator.lookup(get("globals"), key);
    Map<String, @Nullable Object> resolved =
        new Interpolator(
                kind, layer.values(), layer.sources(), globalsLookup, runtimeParams, environment)
            .resolveAll();
    resolved.keySet().removeIf(k -> k.startsWith("_"));
    sources.keySet().removeIf(k -> k.startsWith("_"));
    return resolved;
  }

  /** Builds a {@link ConfigLoader}. */
  public static final class Builder {
    private final Path confSource;
    private @Nullable String env;
    private Map<String, Object> runtimeParams = Map.of();
    private Set<String> deepMergeKinds = Set.of();
    private Function<String, @Nullable String> environment = System::getenv;

    private Builder(Path confSource) {
      this.confSource = confSource;
    }

    /**
     * @param env the environment; {@code null} means {@code WEIR_ENV}, else {@code local}
     * @return this builder
     */
    public Builder env(@Nullable String env) {
      this.env = env;
      return this;
    }

    /**
     * @param params {@code --params} values, nested
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public Builder runtimeParams(Map<String, Object> params) {
      this.runtimeParams =
          (Map<String, Object>)
              Objects.requireNonNull(
                  SafeYaml.freeze(SafeYaml.normalize(params)), "frozen runtime params");
      return this;
    }

    /**
     * @param kinds kinds merged key by key across environments, for example {@code parameters}
     * @return this builder
     */
    public Builder deepMergeKinds(Set<String> kinds) {
      this.deepMergeKinds = Set.copyOf(kinds);
      return this;
    }

    /**
     * @param lookup environment variables, for {@code WEIR_ENV} and {@code ${env:VAR}} (default
     *     {@link System#getenv(String)}; tests pass a map's {@code get})
     * @return this builder
     */
    public Builder environmentVariables(Function<String, @Nullable String> lookup) {
      this.environment = lookup;
      return this;
    }

    /**
     * @return the loader
     * @throws ConfigException when {@code confSource}, its {@code base}, or a non-default
     *     environment folder is missing
     */
    public ConfigLoader build() {
      return new ConfigLoader(this);
    }
  }
}
