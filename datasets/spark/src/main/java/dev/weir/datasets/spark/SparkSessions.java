package dev.weir.datasets.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Resolves the Spark session of a run, once, in the order DESIGN.md gives ("Spark and the run
 * modes"):
 *
 * <ol>
 *   <li>a session handed in by the caller (a notebook);
 *   <li>a Spark Connect URL given explicitly as the {@code remote} argument ({@code
 *       --spark-remote});
 *   <li>the active session of the thread, else the default session of the JVM (a Databricks job or
 *       notebook);
 *   <li>a Spark Connect URL from the configuration: {@code spark.remote} in {@code
 *       conf/*&#47;spark.yml}, else the {@code SPARK_REMOTE} environment variable; every other
 *       setting that the server lets a session change is set on the session;
 *   <li>else an embedded session: {@code local[*]}, Delta's SQL extension and catalog, UI off, the
 *       warehouse in {@code <projectRoot>/spark-warehouse}, small-data settings ({@code
 *       spark.sql.shuffle.partitions} twice the processors, {@code
 *       spark.databricks.delta.snapshotPartitions} 2); every setting of {@code spark.yml} is passed
 *       to the builder and wins over these defaults. The settings are logged at DEBUG ({@code weir
 *       --verbose}), secrets redacted.
 * </ol>
 *
 * <p>The embedded session keeps Spark's in-memory catalog (no Hive, no Derby {@code metastore_db}).
 * Table datasets therefore store tables as Delta directories under the warehouse and register them
 * again in a new run (see {@link SparkTableDataset}), so a table written in one run is readable in
 * the next.
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

  /** The Connect URL setting in {@code spark.yml} (as pyspark's {@code spark.remote}). */
  public static final String REMOTE_KEY = "spark.remote";

  /** Sessions this class built, the only ones {@link #stopIfOwned} stops. */
  private static final Set<SparkSession> OWNED = ConcurrentHashMap.newKeySet();

  /** Classic Spark's session class, or null on a Connect-only classpath (Databricks Connect). */
  private static final @Nullable Class<?> CLASSIC = classicSessionClass();

  private SparkSessions() {}

  private static @Nullable Class<?> classicSessionClass() {
    try {
      return Class.forName(
          "org.apache.spark.sql.classic.SparkSession", false, SparkSessions.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * @param given a session handed in by the caller, or null
   * @param remote a Connect URL such as {@code sc://localhost:15002} (from {@code --spark-remote}),
   *     or null
   * @param sparkConf the merged {@code spark*} configuration: Spark setting name to value
   * @param projectRoot the project directory; the embedded warehouse goes under it
   * @return the session for the run
   */
  public static SparkSession resolve(
      @Nullable SparkSession given,
      @Nullable String remote,
      Map<String, Object> sparkConf,
      Path projectRoot) {
    if (given != null) {
      return given;
    }
    if (remote != null && !remote.isBlank()) {
      // An explicit --spark-remote is the caller's choice: it wins over a classic session that
      // happens to exist in the JVM (an IDE, a test JVM), which would otherwise be picked silently.
      return connect(remote, sparkConf);
    }
    Optional<SparkSession> running = activeOrDefault();
    if (running.isPresent()) {
      return running.get();
    }
    if (DATABRICKS_SESSION != null) {
      // Databricks Connect (the starter's databricks-connect profile) has no local Spark: its
      // session comes from the SDK's configuration (DATABRICKS_HOST, DATABRICKS_CLUSTER_ID or
      // serverless, ~/.databrickscfg profiles, SPARK_REMOTE).
      return databricksConnect(DATABRICKS_SESSION);
    }
    String url = remoteUrl(remote, sparkConf);
    if (url != null) {
      return connect(url, sparkConf);
    }
    return embedded(sparkConf, projectRoot);
  }

  /**
   * {@code com.databricks.connect.DatabricksSession}, when Databricks Connect is on the classpath.
   */
  private static final @Nullable Class<?> DATABRICKS_SESSION =
      optionalClass("com.databricks.connect.DatabricksSession");

  private static @Nullable Class<?> optionalClass(String name) {
    try {
      return Class.forName(name, false, SparkSessions.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * {@code DatabricksSession.builder().getOrCreate()}, called reflectively so that Weir does not
   * depend on Databricks Connect.
   */
  private static SparkSession databricksConnect(Class<?> databricksSession) {
    try {
      Object builder = databricksSession.getMethod("builder").invoke(null);
      SparkSession session =
          (SparkSession) builder.getClass().getMethod("getOrCreate").invoke(builder);
      OWNED.add(session);
      LOG.info("Connected to Databricks over Databricks Connect (Spark {}).", session.version());
      return session;
    } catch (java.lang.reflect.InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new dev.weir.config.ConfigException(
          "Databricks Connect could not create a session: "
              + cause.getMessage()
              + ". Set DATABRICKS_HOST and DATABRICKS_CLUSTER_ID (or DATABRICKS_SERVERLESS_COMPUTE_ID"
              + "=auto), or a ~/.databrickscfg profile with DATABRICKS_CONFIG_PROFILE.",
          cause);
    } catch (ReflectiveOperationException e) {
      throw new dev.weir.config.ConfigException(
          "com.databricks.connect.DatabricksSession is on the classpath but has no"
              + " builder().getOrCreate(): use databricks-connect 17.x or 18.x.",
          e);
    }
  }

  /**
   * The session already running in this JVM: the thread's active session, else the default one.
   * Spark 4 keeps these per implementation, and which one {@code SparkSession.getActiveSession()}
   * consults depends on {@code spark.api.mode} and the classpath, so the classic companion is asked
   * too (when spark-sql is on the classpath).
   *
   * @return the running session, or empty
   */
  static Optional<SparkSession> activeOrDefault() {
    List<Supplier<Option<? extends SparkSession>>> lookups = new ArrayList<>();
    lookups.add(SparkSession::getActiveSession);
    if (CLASSIC != null) {
      lookups.add(org.apache.spark.sql.classic.SparkSession::getActiveSession);
    }
    lookups.add(SparkSession::getDefaultSession);
    if (CLASSIC != null) {
      lookups.add(org.apache.spark.sql.classic.SparkSession::getDefaultSession);
    }
    for (Supplier<Option<? extends SparkSession>> lookup : lookups) {
      Option<? extends SparkSession> found = lookup.get();
      if (found.isDefined()) {
        return Optional.of(found.get());
      }
    }
    return Optional.empty();
  }

  /**
   * The Connect URL that {@link #resolve} would use.
   *
   * @param remote the CLI value, or null
   * @param sparkConf the {@code spark.yml} settings
   * @return the URL, or null for an embedded / active session
   */
  public static @Nullable String remoteUrl(@Nullable String remote, Map<String, Object> sparkConf) {
    return remoteUrl(remote, sparkConf, System.getenv());
  }

  /**
   * {@link #remoteUrl(String, Map)} with the environment given.
   *
   * @param remote the CLI value, or null
   * @param sparkConf the {@code spark.yml} settings
   * @param environment environment variables; {@code SPARK_REMOTE} is read from it
   * @return the URL, or null for an embedded / active session
   */
  static @Nullable String remoteUrl(
      @Nullable String remote, Map<String, Object> sparkConf, Map<String, String> environment) {
    if (remote != null && !remote.isBlank()) {
      return remote;
    }
    Object fromConf = sparkConf.get(REMOTE_KEY);
    if (fromConf != null && !fromConf.toString().isBlank()) {
      return fromConf.toString();
    }
    String env = environment.get("SPARK_REMOTE");
    return env == null || env.isBlank() ? null : env;
  }

  /**
   * The settings of an embedded session: the defaults below, then every {@code spark.yml} setting.
   *
   * @param sparkConf the {@code spark.yml} settings
   * @param projectRoot the project directory
   * @return setting name to value, in builder order
   */
  public static Map<String, String> embeddedSettings(
      Map<String, Object> sparkConf, Path projectRoot) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.master", "local[*]");
    settings.put("spark.app.name", "weir");
    // Without it a Connect-capable classpath could pick Connect mode (SPARK-58223 makes
    // builder().classic() unusable, so the setting is the reliable switch).
    settings.put("spark.api.mode", "classic");
    settings.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    settings.put(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    settings.put("spark.ui.enabled", "false");
    // Small-data defaults for a laptop; a cluster or Connect session keeps its own. Spark's 200
    // shuffle partitions and Delta's 50 snapshot partitions schedule hundreds of near-empty tasks
    // per join and per first read of a table on a few cores.
    settings.put(
        "spark.sql.shuffle.partitions",
        String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors())));
    settings.put("spark.databricks.delta.snapshotPartitions", "2");
    settings.put(
        "spark.sql.warehouse.dir",
        projectRoot.toAbsolutePath().normalize().resolve("spark-warehouse").toString());
    sparkConf.forEach(
        (k, v) -> {
          if (!REMOTE_KEY.equals(k) && v != null) {
            settings.put(k, v.toString());
          }
        });
    return settings;
  }

  /**
   * @param settings session settings
   * @return the same, with the value of every key Spark itself redacts ({@code
   *     spark.redaction.regex}'s default: secret, password, token, access key) replaced
   */
  static Map<String, String> redacted(Map<String, String> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    settings.forEach(
        (k, v) -> out.put(k, SECRET_KEY.matcher(k).find() ? "*********(redacted)" : v));
    return out;
  }

  private static final java.util.regex.Pattern SECRET_KEY =
      java.util.regex.Pattern.compile("(?i)secret|password|token|access[.]?key");

  private static SparkSession embedded(Map<String, Object> sparkConf, Path projectRoot) {
    SparkSession.Builder builder = SparkSession.builder();
    Map<String, String> settings = embeddedSettings(sparkConf, projectRoot);
    settings.forEach(builder::config);
    if (LOG.isDebugEnabled()) {
      LOG.debug("Embedded Spark session settings (spark.yml wins): {}", redacted(settings));
    }
    SparkSession session = builder.getOrCreate();
    OWNED.add(session);
    LOG.info(
        "Started an embedded Spark {} session ({}).",
        session.version(),
        session.conf().get("spark.master", "local[*]"));
    return session;
  }

  private static SparkSession connect(String url, Map<String, Object> sparkConf) {
    // builder().remote(url) alone returns an existing classic session of the same JVM; connect()
    // forces a Connect client (SPARK-NOTES).
    SparkSession session = SparkSession.builder().connect().remote(url).getOrCreate();
    OWNED.add(session);
    sparkConf.forEach(
        (k, v) -> {
          if (REMOTE_KEY.equals(k) || v == null) {
            return;
          }
          if (session.conf().isModifiable(k)) {
            session.conf().set(k, v.toString());
          } else {
            LOG.info("Spark setting {} is fixed by the Connect server; not applied.", k);
          }
        });
    LOG.info("Connected to Spark {} over Spark Connect.", session.version());
    return session;
  }

  /**
   * Stops a session only if {@link #resolve} created it (embedded or a Connect client); a session
   * handed in or found active belongs to someone else and keeps running.
   *
   * @param session the run's session
   * @return whether it was stopped
   */
  public static boolean stopIfOwned(SparkSession session) {
    if (OWNED.remove(session)) {
      session.stop();
      return true;
    }
    return false;
  }

  /**
   * @param session a session
   * @return whether {@link #resolve} created it (embedded or a Connect client) and it was not
   *     stopped yet
   */
  public static boolean isOwned(SparkSession session) {
    return OWNED.contains(session);
  }

  /**
   * Makes a classic session the thread's active one before a read or write. Delta looks the session
   * up with {@code SparkSession.active()}; in a JVM that also holds a Spark Connect client (an IDE
   * or test talking to both) that lookup can return the client, whose session state Delta cannot
   * use. Connect clients are left alone.
   *
   * @param session the session about to be used
   */
  static void activate(SparkSession session) {
    if (isClassic(session)) {
      SparkSession.setActiveSession(session);
    }
  }

  /**
   * @param session a session
   * @return whether it is a classic (in-JVM) session, as opposed to a Spark Connect client
   */
  public static boolean isClassic(SparkSession session) {
    return CLASSIC != null && CLASSIC.isInstance(session);
  }
}
