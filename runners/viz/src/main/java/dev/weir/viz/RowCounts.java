package dev.weir.viz;

import dev.weir.io.DatasetSpec;
import java.nio.file.Path;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Row counts of saved Spark outputs for the run record, read so they cost no extra pass over the
 * data: Delta Lake records rows written in each commit's {@code operationMetrics} (Delta's {@code
 * numOutputRows} for writes, {@code numTargetRowsInserted} + {@code numTargetRowsUpdated} + {@code
 * numTargetRowsCopied} for {@code MERGE}); {@code DESCRIBE HISTORY ... LIMIT 1} reads only the
 * transaction log. Counting other formats (CSV, Parquet, JSON) would re-read or recompute the
 * output, so their count is left unknown rather than doubling the run's cost.
 *
 * <p>Spark is optional on the classpath of {@code weir-runners}: every Spark type is referenced
 * only from {@link SparkRowCounts}, which is loaded only when {@code org.apache.spark.sql.Dataset}
 * is present.
 */
final class RowCounts {
  /** The {@link LastRun.DatasetRun#rowsSource()} of counts from Delta's commit metrics. */
  static final String DELTA_SOURCE = "delta:operationMetrics";

  private static final boolean SPARK_PRESENT = sparkPresent();
  private static final Set<String> TABLE_TYPES =
      Set.of("spark.SparkTableDataset", "databricks.ManagedTableDataset");

  private RowCounts() {}

  private static boolean sparkPresent() {
    try {
      Class.forName("org.apache.spark.sql.Dataset", false, RowCounts.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * @param data saved data
   * @return the Spark session of a Spark {@code Dataset}, or {@code null} for anything else or when
   *     Spark is not on the classpath
   */
  static @Nullable Object sparkSessionOf(Object data) {
    return SPARK_PRESENT ? SparkRowCounts.sessionOf(data) : null;
  }

  /**
   * The SQL name of the Delta table a catalog entry writes, as {@code DESCRIBE HISTORY} takes it.
   *
   * @param typeName the canonical type name ({@code spark.DeltaTableDataset}, ...)
   * @param spec the entry
   * @param projectPath the project root, for relative {@code filepath}s
   * @return {@code delta.`/abs/path`} or {@code `catalog`.`schema`.`table`}, or {@code null} when
   *     the entry is not a Delta table
   */
  static @Nullable String deltaIdentifier(String typeName, DatasetSpec spec, Path projectPath) {
    boolean table = TABLE_TYPES.contains(typeName);
    String format = spec.string(table ? "format" : "file_format");
    boolean delta =
        typeName.equals("spark.DeltaTableDataset")
            || (typeName.equals("spark.SparkDataset")
                && "delta".equalsIgnoreCase(format == null ? "" : format))
            || (table && (format == null || "delta".equalsIgnoreCase(format)));
    if (!delta) {
      return null;
    }
    String tableName = spec.string("table");
    if (tableName != null) {
      StringBuilder id = new StringBuilder();
      for (String key : new String[] {"catalog", "database", "schema"}) {
        String part = spec.string(key);
        if (part != null && !part.isBlank()) {
          id.append(quoteIdentifier(part)).append('.');
        }
      }
      return id.append(quoteIdentifier(tableName)).toString();
    }
    String filepath = spec.string("filepath");
    if (filepath == null) {
      return null;
    }
    String path = dev.weir.io.DatasetContext.of(projectPath).resolvePath(filepath);
    return "delta." + quoteIdentifier(path);
  }

  /** Spark SQL's back-quoted identifier; a back quote inside is doubled. */
  static String quoteIdentifier(String part) {
    return "`" + part.replace("`", "``") + "`";
  }

  /**
   * The rows written by the latest commit of the Delta table a catalog entry writes: read from the
   * table's {@code _delta_log} when the session runs in this JVM and the table is a local directory
   * (no Spark job), else with {@code DESCRIBE HISTORY ... LIMIT 1}.
   *
   * @param session a Spark session from {@link #sparkSessionOf}
   * @param typeName the entry's canonical type name
   * @param spec the entry
   * @param projectPath the project root, for relative {@code filepath}s
   * @return the rows written, or {@code null} when the entry is not a Delta table or its latest
   *     commit has no such metric
   * @throws java.io.UncheckedIOException when the local log cannot be read
   */
  static @Nullable Long deltaRowsWritten(
      Object session, String typeName, DatasetSpec spec, Path projectPath) {
    String id = deltaIdentifier(typeName, spec, projectPath);
    if (id == null || !SPARK_PRESENT) {
      return null;
    }
    Path local = localTableDir(spec, projectPath);
    if (local != null && SparkRowCounts.isClassic(session)) {
      try {
        return DeltaCommitLog.latestCommitRows(local);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return SparkRowCounts.latestCommitRows(session, id);
  }

  /**
   * @return the entry's {@code filepath} as a local directory, or {@code null} for tables and for
   *     URIs other than {@code file:}
   */
  static @Nullable Path localTableDir(DatasetSpec spec, Path projectPath) {
    String filepath = spec.string("filepath");
    if (filepath == null || spec.string("table") != null) {
      return null;
    }
    String resolved = dev.weir.io.DatasetContext.of(projectPath).resolvePath(filepath);
    if (resolved.startsWith("file:")) {
      return Path.of(java.net.URI.create(resolved));
    }
    return resolved.startsWith("/") && !resolved.startsWith("/Volumes/") ? Path.of(resolved) : null;
  }

  /**
   * @param operationMetrics a Delta commit's {@code operationMetrics}
   * @return {@code numOutputRows} for writes; for {@code MERGE}, which reports rows per action,
   *     {@code numTargetRowsInserted} + {@code numTargetRowsUpdated} + {@code numTargetRowsCopied};
   *     {@code null} when none is there
   */
  static @Nullable Long rowsWritten(java.util.Map<String, String> operationMetrics) {
    String written = operationMetrics.get("numOutputRows");
    if (written != null) {
      return Long.parseLong(written);
    }
    Long total = null;
    for (String key :
        new String[] {"numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsCopied"}) {
      String v = operationMetrics.get(key);
      if (v != null) {
        total = (total == null ? 0L : total) + Long.parseLong(v);
      }
    }
    return total;
  }
}
