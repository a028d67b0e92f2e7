package dev.weir.runner;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/** The only class of the runners that names Spark types; loaded on first use. */
final class SparkCalls {
  private static final Logger LOG = LoggerFactory.getLogger(SparkCalls.class);
  private static final String POOL = "spark.scheduler.pool";
  private static final String CLASSIC = "org.apache.spark.sql.classic.SparkSession";
  private static final AtomicBoolean WARNED_FIFO = new AtomicBoolean();

  private SparkCalls() {}

  static void persist(Object dataFrame) {
    ((Dataset<?>) dataFrame).persist();
  }

  static java.util.Set<String> columnNames(Object dataFrame) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (String c : ((Dataset<?>) dataFrame).columns()) {
      names.add(c.toLowerCase(java.util.Locale.ROOT));
    }
    return names;
  }

  static void unpersist(Object dataFrame) {
    ((Dataset<?>) dataFrame).unpersist(false);
  }

  static AutoCloseable enterPool(String pool) {
    SparkSession session = classicSession();
    if (session == null) {
      return () -> {};
    }
    // Local properties belong to the thread, so concurrent nodes each get their own pool.
    SparkContext context = session.sparkContext();
    if (!"FAIR".equalsIgnoreCase(context.getConf().get("spark.scheduler.mode", "FIFO"))
        && WARNED_FIFO.compareAndSet(false, true)) {
      LOG.info(
          "Spark's scheduler mode is FIFO: concurrent nodes queue behind each other's jobs. Set"
              + " spark.scheduler.mode: FAIR in conf/base/spark.yml to share the cluster.");
    }
    String previous = context.getLocalProperty(POOL);
    context.setLocalProperty(POOL, pool);
    return () -> context.setLocalProperty(POOL, previous);
  }

  private static @Nullable SparkSession classicSession() {
    Option<SparkSession> active = SparkSession.getActiveSession();
    SparkSession session = active.isDefined() ? active.get() : null;
    if (session == null) {
      Option<SparkSession> fallback = SparkSession.getDefaultSession();
      session = fallback.isDefined() ? fallback.get() : null;
    }
    // sparkContext() throws over Spark Connect: only classic sessions get pools.
    return session != null && session.getClass().getName().equals(CLASSIC) ? session : null;
  }
}
