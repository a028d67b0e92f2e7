package dev.weir.datasets.spark;

import org.apache.spark.sql.Row;

/**
 * How Spark datasets pin a DataFrame for {@code cached: true} ({@link dev.weir.io.CachedDataset}):
 * {@code persist()} (Spark's default storage level, memory and disk) before the write, so the write
 * fills the cache and every later reader in the run gets the same rows from it; {@code unpersist()}
 * without blocking when the cache is released. DataFrame API only, so it works over Spark Connect.
 *
 * <p>Over Spark Connect the server finds the cached data by comparing plans: a nondeterministic
 * expression written as SQL text ({@code selectExpr("rand()")}) gets a new seed each time the
 * server analyses the plan, so such a DataFrame is never found in the cache and each reader
 * recomputes it. {@code functions.rand()} fixes its seed on the client and is cached as on classic
 * Spark (seen in {@code ConnectSparkDatasetTest}).
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
