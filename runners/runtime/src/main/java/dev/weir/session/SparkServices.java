package dev.weir.session;

import dev.weir.datasets.spark.SparkSessions;
import dev.weir.io.DatasetContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's only contact with Spark types; the JVM loads this class only when {@link Session}
 * found Spark on the class path.
 */
final class SparkServices {
  private static final Logger LOG = LoggerFactory.getLogger(SparkServices.class);

  /** Spark's master setting, as spark-submit's {@code --master}. */
  static final String MASTER_KEY = "spark.master";

  /** Spark's comma-separated list of JARs shipped to the driver and executors. */
  static final String JARS_KEY = "spark.jars";

  private SparkServices() {}

  static void register(DatasetContext.Builder context, Supplier<Object> session) {
    context.service(SparkSession.class, () -> (SparkSession) session.get());
  }

  static boolean isSparkSession(Object candidate) {
    return candidate instanceof SparkSession;
  }

  /**
   * Resolves the session with {@link SparkSessions#resolve}. When Weir will create the embedded
   * session (none given, no Connect URL anywhere, none running):
   *
   * <ul>
   *   <li>{@code master} (from {@code --spark-master}) replaces {@code spark.master} of {@code
   *       spark.yml};
   *   <li>{@code spark.scheduler.mode} defaults to {@code FAIR} so the parallel runner's per-node
   *       pools share the cores (a static setting, so it is not sent to an existing or remote
   *       session);
   *   <li>with a cluster master (anything but {@code local} and {@code local[...]}: {@code
   *       spark://}, {@code k8s://}, {@code yarn}, {@code local-cluster[...]}) the application JAR
   *       is added to {@code spark.jars}, as spark-submit ships its {@code <application-jar>}, so
   *       executors can load the classes of the project's UDFs.
   * </ul>
   *
   * A Spark Connect or Databricks Connect client that Weir created gets the application JAR as an
   * artifact ({@code SparkSession.addArtifact}), which the server adds to the session's class
   * loader, for the same reason.
   *
   * @param master a master URL from the command line, or null for {@code spark.yml}'s
   * @param applicationJar the project's code as a JAR, computed only when needed
   * @throws dev.weir.config.ConfigException when a master is given together with a Connect URL
   */
  static Object resolve(
      @Nullable Object given,
      @Nullable String remote,
      @Nullable String master,
      Map<String, Object> sparkConf,
      Path projectRoot,
      Supplier<Optional<Path>> applicationJar) {
    Map<String, Object> conf = new LinkedHashMap<>(sparkConf);
    boolean explicitMaster = master != null && !master.isBlank();
    if (explicitMaster && SparkSessions.remoteUrl(remote, conf) != null) {
      throw new dev.weir.config.ConfigException(
          "--spark-master "
              + master
              + " starts a Spark driver in this JVM, but a Spark Connect URL is also set ("
              + SparkSessions.remoteUrl(remote, conf)
              + " from --spark-remote, spark.remote in spark.yml or SPARK_REMOTE). Give one of"
              + " them.");
    }
    if (explicitMaster) {
      conf.put(MASTER_KEY, master);
    }
    boolean embedded =
        given == null
            && SparkSessions.remoteUrl(remote, conf) == null
            && SparkSession.getActiveSession().isEmpty();
    if (embedded) {
      conf.putIfAbsent("spark.scheduler.mode", "FAIR");
      Object configured = conf.get(MASTER_KEY);
      if (configured != null && isCluster(configured.toString())) {
        applicationJar.get().ifPresent(jar -> conf.put(JARS_KEY, withJar(conf.get(JARS_KEY), jar)));
      }
    }
    SparkSession session = SparkSessions.resolve((SparkSession) given, remote, conf, projectRoot);
    if (given == null && !SparkSessions.isClassic(session) && SparkSessions.isOwned(session)) {
      applicationJar
          .get()
          .ifPresent(
              jar -> {
                session.addArtifact(jar.toString());
                LOG.info("Uploaded the application JAR {} to the Spark Connect server.", jar);
              });
    }
    return session;
  }

  /**
   * @param master a Spark master URL
   * @return whether executors run outside this JVM (anything but {@code local}, {@code local[N]},
   *     {@code local[*]} and {@code local[N,F]})
   */
  static boolean isCluster(String master) {
    String m = master.trim();
    return !m.equals("local") && !m.startsWith("local[");
  }

  /**
   * @param existing the {@code spark.jars} already configured, or null
   * @param jar the application JAR
   * @return {@code existing} with the JAR's URI appended, comma-separated
   */
  static String withJar(@Nullable Object existing, Path jar) {
    String uri = jar.toAbsolutePath().toUri().toString();
    if (existing == null || existing.toString().isBlank()) {
      return uri;
    }
    return existing + "," + uri;
  }
}
