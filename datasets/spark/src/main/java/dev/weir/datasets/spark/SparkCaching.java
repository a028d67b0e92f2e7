package dev.weir.datasets.spark;

import org.apache.spark.sql.Row;

/**
 * How Spark datasets pin a DataFrame for {@code cached: true} ({@link dev.weir.io.CachedDataset}):
 * {@code persist()} (Spark's default storage level, memory and disk) before the write, so the write
 * fills the cache and every later reader in the run gets the same rows from it; {@code unpersist()}
 * without blocking when the cache is released. DataFrame API only, so it works over Spark Connect.
 */
final class SparkCaching {
  private SparkCaching() {}

  /**
   * @param data the node's output
   * @return {@code data}, persisted
   */
  static org.apache.spark.sql.Dataset<Row> pin(org.apache.spark.sql.Dataset<Row> data) {
    return data.persist();
  }

  /**
   * @param pinned what {@link #pin} returned
   */
  static void unpin(org.apache.spark.sql.Dataset<Row> pinned) {
    pinned.unpersist(false);
  }
}
