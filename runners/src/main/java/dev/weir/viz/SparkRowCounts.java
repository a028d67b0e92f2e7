package dev.weir.viz;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The Spark side of {@link RowCounts}; loaded only when Spark is on the classpath. Uses only the
 * DataFrame / SQL API, so it works over Spark Connect too.
 */
final class SparkRowCounts {
  private SparkRowCounts() {}

  static @Nullable Object sessionOf(Object data) {
    return data instanceof Dataset<?> df ? df.sparkSession() : null;
  }

  static @Nullable Long latestCommitRows(Object session, String deltaIdentifier) {
    Dataset<Row> history =
        ((SparkSession) session).sql("DESCRIBE HISTORY " + deltaIdentifier + " LIMIT 1");
    Row[] rows = (Row[]) history.select("operationMetrics").collect();
    if (rows.length == 0 || rows[0].isNullAt(0)) {
      return null;
    }
    Map<String, String> metrics = rows[0].getJavaMap(0);
    String written = metrics.get("numOutputRows");
    if (written != null) {
      return Long.parseLong(written);
    }
    // MERGE reports rows per action instead of one total.
    Long total = null;
    for (String key :
        new String[] {"numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsCopied"}) {
      String v = metrics.get(key);
      if (v != null) {
        total = (total == null ? 0L : total) + Long.parseLong(v);
      }
    }
    return total;
  }
}
