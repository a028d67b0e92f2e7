package dev.weir.session;

import dev.weir.datasets.spark.SparkSessions;
import dev.weir.io.DatasetContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The session's only contact with Spark types; the JVM loads this class only when {@link Session}
 * found Spark on the class path.
 */
final class SparkServices {
  private SparkServices() {}

  static void register(DatasetContext.Builder context, Supplier<Object> session) {
    context.service(SparkSession.class, () -> (SparkSession) session.get());
  }

  static boolean isSparkSession(Object candidate) {
    return candidate instanceof SparkSession;
  }

  /**
   * Resolves the session with {@link SparkSessions#resolve}. When Weir will create the embedded
   * session (none given, no Connect URL anywhere), {@code spark.scheduler.mode} defaults to {@code
   * FAIR} so the parallel runner's per-node pools share the cores; a static setting, so it is not
   * sent to an existing or remote session.
   */
  static Object resolve(
      @Nullable Object given,
      @Nullable String remote,
      Map<String, Object> sparkConf,
      Path projectRoot) {
    Map<String, Object> conf = new LinkedHashMap<>(sparkConf);
    boolean embedded =
        given == null
            && SparkSessions.remoteUrl(remote, conf) == null
            && SparkSession.getActiveSession().isEmpty();
    if (embedded) {
      conf.putIfAbsent("spark.scheduler.mode", "FAIR");
    }
    return SparkSessions.resolve((SparkSession) given, remote, conf, projectRoot);
  }
}
