package dev.weir.mlflow;

import dev.weir.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mlflow*.yml} configuration of a project (merged by {@link
 * dev.weir.config.ConfigLoader#mlflow()}):
 *
 * <pre>{@code
 * tracking_uri: http://mlflow.example.com:5000  # or databricks, databricks://<profile>,
 *                                               # sqlite:///path, file:./mlruns (MLflow 2.x);
 *                                               # default sqlite:///mlflow.db in the project
 * experiment: spaceflights      # created if missing; default: the project folder's name
 * run_name: nightly             # default: the pipeline names
 * tags: {team: pricing}
 * params:
 *   flatten: true               # model_options.test_size rather than one JSON value
 *   long_value_strategy: truncate   # or tag, or fail (values over 6,000 characters)
 * disable_for_pipelines: [data_processing]
 * timeout_seconds: 15           # the longest a tracking server may hold the run up
 * credentials: mlflow_server    # a credentials.yml block: token, or username and password
 * enabled: true
 * }</pre>
 *
 * <p>The environment variable {@code MLFLOW_TRACKING_URI} overrides {@code tracking_uri}; {@code
 * MLFLOW_TRACKING_TOKEN}, {@code MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} are
 * used when no credentials block is named, as MLflow's Python client does. kedro-mlflow's {@code
 * experiment: {name: ...}} is accepted too.
 *
 * @param enabled whether runs are tracked at all
 * @param trackingUri the tracking URI, or {@code null} for the local SQLite store {@code
 *     <project>/mlflow.db} ({@link SqliteStore})
 * @param experiment the experiment name
 * @param runName the MLflow run name, or {@code null} for the pipeline names
 * @param tags extra tags for every run
 * @param flattenParams whether nested parameters become one param per leaf, keys joined with {@code
 *     .}
 * @param longValueStrategy what to do with values over 6,000 characters
 * @param disableForPipelines pipelines whose runs are not tracked
 * @param timeout the longest one call to the tracking server may take; after the first failure the
 *     server is not called again in that run
 * @param credentials the server credentials ({@code token}, or {@code username} and {@code
 *     password}); never logged, hidden from {@link #toString()}
 */
public record MlflowSettings(
    boolean enabled,
    @Nullable String trackingUri,
    String experiment,
    @Nullable String runName,
    Map<String, String> tags,
    boolean flattenParams,
    LongValueStrategy longValueStrategy,
    List<String> disableForPipelines,
    Duration timeout,
    Map<String, String> credentials) {

  /** The {@code timeout_seconds} used when none is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  /** Copies the collections so the record stays immutable. */
  public MlflowSettings {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    disableForPipelines = List.copyOf(disableForPipelines);
    credentials = Map.copyOf(credentials);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /**
   * Defaults: tracking on, the local SQLite store, experiment named after the project folder.
   *
   * @param projectPath the project root
   * @return the settings used when no {@code mlflow.yml} exists
   */
  public static MlflowSettings defaults(Path projectPath) {
    return fromConfig(Map.of(), Map.of(), Map.of(), projectPath);
  }

  /**
   * Reads the settings.
   *
   * @param mlflow the merged {@code mlflow*} configuration
   * @param credentials the merged {@code credentials*} configuration (only the block named by
   *     {@code credentials:} is read)
   * @param env environment variables ({@code System.getenv()} in a run)
   * @param projectPath the project root (default experiment name)
   * @return the settings
   * @throws ConfigException on an unknown key (the closest known one named), a value of the wrong
   *     kind, a tracking URI scheme the MLflow Java client cannot use, or a credentials block that
   *     does not exist
   */
  public static MlflowSettings fromConfig(
      Map<String, Object> mlflow,
      Map<String, Object> credentials,
      Map<String, String> env,
      Path projectPath) {
    MlflowConfig config = MlflowConfig.bind(mlflow);
    String uri = config.trackingUri();
    String envUri = env.get("MLFLOW_TRACKING_URI");
    if (envUri != null && !envUri.isBlank()) {
      uri = envUri.trim();
    }
    Object exp = config.experiment();
    String experiment;
    if (exp instanceof Map<?, ?> m) {
      Object name = m.get("name");
      if (name == null) {
        throw new ConfigException(
            where("experiment") + " is a mapping without 'name'. Write experiment: <name>.");
      }
      experiment = name.toString();
    } else if (exp != null) {
      experiment = exp.toString();
    } else {
      Path name = projectPath.toAbsolutePath().normalize().getFileName();
      experiment = name == null ? "Default" : name.toString();
    }
    if (experiment.isBlank()) {
      throw new ConfigException(where("experiment") + " is empty. Name the MLflow experiment.");
    }

    Map<String, String> tags = new LinkedHashMap<>();
    if (config.tags() != null) {
      config.tags().forEach((k, v) -> tags.put(k, v == null ? "" : v.toString()));
    }
    MlflowConfig.Params params =
        config.params() != null ? config.params() : new MlflowConfig.Params(null, null);

    List<String> disabled = new ArrayList<>();
    Object d = config.disableForPipelines();
    if (d instanceof List<?> list) {
      list.forEach(x -> disabled.add(String.valueOf(x)));
    } else if (d instanceof String one) {
      disabled.add(one);
    } else if (d != null) {
      throw new ConfigException(
          where("disable_for_pipelines") + " must be a list of pipeline names.");
    }

    Duration timeout = DEFAULT_TIMEOUT;
    Double seconds = config.timeoutSeconds();
    if (seconds != null) {
      if (!(seconds > 0) || seconds > 3600) {
        throw new ConfigException(
            where("timeout_seconds")
                + " is '"
                + seconds
                + "'; use a number of seconds above 0 and at most 3600.");
      }
      timeout = Duration.ofMillis(Math.round(seconds * 1000));
    }

    String trackingUri = uri == null || uri.isBlank() ? null : uri.trim();
    if (trackingUri != null
        && !isLocalUri(trackingUri)
        && !isServerUri(trackingUri)
        && !isSqliteUri(trackingUri)) {
      throw new ConfigException(
          "MLflow tracking_uri '"
              + redact(trackingUri)
              + "' (conf/<env>/mlflow.yml or MLFLOW_TRACKING_URI) is not supported: use"
              + " http(s)://host:port, databricks, databricks://<profile>, sqlite:///<file>"
              + " or file:<folder>.");
    }
    if (trackingUri != null
        && trackingUri.startsWith("sqlite:")
        && sqlitePath(trackingUri).isEmpty()) {
      throw new ConfigException(
          "MLflow tracking_uri '"
              + redact(trackingUri)
              + "' (conf/<env>/mlflow.yml or MLFLOW_TRACKING_URI) names no database file: write"
              + " sqlite:///mlflow.db (relative to the project) or sqlite:////abs/path/mlflow.db.");
    }
    return new MlflowSettings(
        config.enabled() == null || config.enabled(),
        trackingUri,
        experiment,
        config.runName(),
        tags,
        params.flatten() == null || params.flatten(),
        params.longValueStrategy() != null
            ? params.longValueStrategy()
            : LongValueStrategy.TRUNCATE,
        disabled,
        timeout,
        credentials(config.credentials(), credentials, env));
  }

  private static Map<String, String> credentials(
      @Nullable String blockName, Map<String, Object> credentials, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    if (blockName == null) {
      putIfSet(out, "token", env.get("MLFLOW_TRACKING_TOKEN"));
      putIfSet(out, "username", env.get("MLFLOW_TRACKING_USERNAME"));
      putIfSet(out, "password", env.get("MLFLOW_TRACKING_PASSWORD"));
      return out;
    }
    Object block = credentials.get(blockName);
    if (!(block instanceof Map<?, ?> m)) {
      throw new ConfigException(
          where("credentials")
              + " names the credentials block '"
              + blockName
              + "', but no"
              + " credentials*.yml in conf/base or conf/<env> has a mapping of that name. Add it"
              + " with 'token:' or 'username:' and 'password:'.");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key =
          String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).replace("mlflow_tracking_", "");
      if (e.getValue() != null && Set.of("token", "username", "password").contains(key)) {
        out.put(key, e.getValue().toString());
      }
    }
    return out;
  }

  private static void putIfSet(Map<String, String> out, String key, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      out.put(key, value);
    }
  }

  private static String where(String key) {
    return "MLflow setting '" + key + "' (conf/<env>/mlflow.yml)";
  }

  /**
   * @return whether runs stay on this machine: the SQLite store (no URI, or {@code sqlite:}) or the
   *     file store (a path, or {@code file:})
   */
  public boolean isLocal() {
    return trackingUri == null || isLocalUri(trackingUri) || isSqliteUri(trackingUri);
  }

  /**
   * @return whether runs go to a SQLite file in MLflow's schema: no tracking URI, or {@code
   *     sqlite:///...}
   */
  public boolean isSqlite() {
    return trackingUri == null || isSqliteUri(trackingUri);
  }

  private static boolean isSqliteUri(String uri) {
    return uri.startsWith("sqlite:");
  }

  /** The path part of {@code sqlite:///<path>}, as SQLAlchemy reads it ({@code ////abs} = /abs). */
  private static String sqlitePath(String uri) {
    String rest = uri.substring("sqlite:".length());
    if (!rest.startsWith("//")) {
      return "";
    }
    rest = rest.substring(2);
    int slash = rest.indexOf('/');
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /**
   * The SQLite file of the local store.
   *
   * @param projectPath the project root, which relative paths resolve against
   * @return {@code <project>/mlflow.db} when no URI is set; for {@code sqlite:///<path>} the path,
   *     relative to the project unless absolute ({@code sqlite:////abs/mlflow.db})
   * @throws IllegalStateException when the tracking URI is not a SQLite one
   */
  public Path sqliteFile(Path projectPath) {
    if (trackingUri == null) {
      return projectPath.resolve("mlflow.db").toAbsolutePath().normalize();
    }
    if (!isSqliteUri(trackingUri)) {
      throw new IllegalStateException("not a sqlite tracking URI: " + displayUri());
    }
    return projectPath.resolve(sqlitePath(trackingUri)).toAbsolutePath().normalize();
  }

  private static boolean isLocalUri(String uri) {
    return uri.startsWith("file:")
        || !uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        || uri.matches("^[a-zA-Z]:[\\\\/].*");
  }

  private static boolean isServerUri(String uri) {
    return uri.startsWith("http://")
        || uri.startsWith("https://")
        || uri.equals("databricks")
        || uri.startsWith("databricks://");
  }

  /**
   * The file store folder for a {@code file:} or plain-path tracking URI.
   *
   * @param projectPath the project root, which relative paths resolve against
   * @return the URI's folder; {@code <project>/mlruns} when no URI is set
   */
  public Path localStore(Path projectPath) {
    if (trackingUri == null) {
      return projectPath.resolve("mlruns").toAbsolutePath().normalize();
    }
    String p = trackingUri;
    if (p.startsWith("file://")) {
      return Path.of(java.net.URI.create(p)).toAbsolutePath().normalize();
    }
    if (p.startsWith("file:")) {
      p = p.substring("file:".length());
    }
    return projectPath.resolve(p).toAbsolutePath().normalize();
  }

  /**
   * @return the tracking URI without user info or query, safe to print
   */
  public String displayUri() {
    return trackingUri == null ? "sqlite:///mlflow.db" : redact(trackingUri);
  }

  static String redact(String uri) {
    return uri.replaceAll("(?<=://)[^/@]*@", "").replaceAll("\\?.*$", "");
  }

  /** Hides credentials. */
  @Override
  public String toString() {
    return "MlflowSettings[enabled="
        + enabled
        + ", trackingUri="
        + (trackingUri == null ? "null" : redact(trackingUri))
        + ", experiment="
        + experiment
        + ", runName="
        + runName
        + ", tags="
        + tags
        + ", flattenParams="
        + flattenParams
        + ", longValueStrategy="
        + longValueStrategy
        + ", disableForPipelines="
        + disableForPipelines
        + ", timeout="
        + timeout
        + ", credentials="
        + (credentials.isEmpty() ? "none" : "***")
        + "]";
  }
}
