package dev.weir.runner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark-specific runner logic behind Spark-free signatures: no Spark class is loaded unless Spark
 * is on the class path and a Spark object is seen, so the runners work without Spark. Spark types
 * are touched only in {@code SparkCalls}, which the JVM loads on first use.
 */
public final class SparkRunSupport {
  private static final Logger LOG = LoggerFactory.getLogger(SparkRunSupport.class);
  private static final String DATASET_CLASS = "org.apache.spark.sql.Dataset";
  private static final AutoCloseable NO_POOL = () -> {};

  private SparkRunSupport() {}

  /**
   * @param data any object
   * @return whether it is a Spark {@code Dataset} (a DataFrame), classic or Spark Connect
   */
  public static boolean isDataFrame(Object data) {
    for (Class<?> c = data.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(DATASET_CLASS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @param data any object
   * @return the lower-cased names of its top-level columns when it is a DataFrame, else empty
   *     (reading a schema costs no Spark job for a loaded dataset)
   */
  public static java.util.Set<String> columnNames(Object data) {
    if (!SparkPresence.AVAILABLE || !isDataFrame(data)) {
      return java.util.Set.of();
    }
    try {
      return SparkCalls.columnNames(data);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("No schema for {}: {}", data.getClass().getName(), e.toString());
      return java.util.Set.of();
    }
  }

  /**
   * A policy that persists a DataFrame saved to memory when two or more nodes read it, once, and
   * unpersists it after its last reader finished (or when the run ends), so its lineage is computed
   * once instead of once per reader. Uses the default storage level ({@code MEMORY_AND_DISK}),
   * which works on classic Spark and over Spark Connect.
   *
   * @return a new policy for one run
   */
  public static MemoryDataPolicy sharedDataFramePersistence() {
    return new Persistence();
  }

  /**
   * Puts the calling thread's Spark jobs into a FAIR scheduler pool named after the node, on a
   * classic Spark session that is already active or default (Spark Connect has no local properties
   * of this kind: nothing is done there, nor without Spark).
   *
   * @param pool the pool name, the node name
   * @return closes the scope: restores the thread's previous pool
   */
  public static AutoCloseable schedulerPool(String pool) {
    if (!SparkPresence.AVAILABLE) {
      return NO_POOL;
    }
    try {
      return SparkCalls.enterPool(pool);
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("No Spark scheduler pool for node {}: {}", pool, e.toString());
      return NO_POOL;
    }
  }

  private static final class Persistence implements MemoryDataPolicy {
    private final Map<String, Object> persisted = new ConcurrentHashMap<>();

    @Override
    public void beforeMemorySave(String datasetName, Object data, int consumers) {
      if (consumers >= 2 && isDataFrame(data) && persisted.putIfAbsent(datasetName, data) == null) {
        LOG.info("Persisting DataFrame '{}': {} nodes read it", datasetName, consumers);
        SparkCalls.persist(data);
      }
    }

    @Override
    public void afterLastConsumer(String datasetName) {
      Object data = persisted.remove(datasetName);
      if (data != null) {
        LOG.debug("Unpersisting DataFrame '{}'", datasetName);
        SparkCalls.unpersist(data);
      }
    }

    @Override
    public void runEnded() {
      for (String name : persisted.keySet()) {
        afterLastConsumer(name);
      }
    }
  }

  /** Whether Spark's session class can be loaded, checked once. */
  private static final class SparkPresence {
    static final boolean AVAILABLE = present();

    private static boolean present() {
      try {
        Class.forName(
            "org.apache.spark.sql.SparkSession", false, SparkRunSupport.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  }
}
