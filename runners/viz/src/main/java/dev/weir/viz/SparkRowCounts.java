package dev.weir.viz;

import dev.weir.datasets.spark.SparkSessions;
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

  /** Whether the session runs in this JVM, so a local table path means this machine's disk. */
  static boolean isClassic(Object session) {
    return SparkSessions.isClassic((SparkSession) session);
  }

  static @Nullable Long latestCommitRows(Object session, String deltaIdentifier) {
    Dataset<Row> history =
        ((SparkSession) session).sql("DESCRIBE HISTORY " + deltaIdentifier + " LIMIT 1");
    Row[] rows = (Row[]) history.select("operationMetrics").collect();
    if (rows.length == 0 || rows[0].isNullAt(0)) {
      return null;
    }
    return RowCounts.rowsWritten(rows[0].getJavaMap(0));
  }
}
