package dev.weir.datasets.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a DataFrame to a {@link DeltaTarget} with a {@link DeltaWriteOptions}: the DataFrame
 * writer for {@code overwrite}, {@code append} and {@code replace_where}, SQL {@code MERGE INTO}
 * for {@code upsert} (both work over Spark Connect). Every Delta write is one commit, so a failed
 * write leaves the previous version readable.
 */
final class DeltaWriter {
  private DeltaWriter() {}

  static void write(
      String datasetName, DeltaTarget target, DeltaWriteOptions options, Dataset<Row> data) {
    SparkSession spark = data.sparkSession();
    String mode = options.mode();
    // Checking for the table costs a log read, and an overwrite does not need the answer.
    if (mode.equals("overwrite") || !target.exists(spark)) {
      // Kedro's ManagedTableDataset creates a missing table on the first upsert too.
      target.write(spark, writer(data, options, "overwrite"));
      return;
    }
    if (!options.mergeSchema()) {
      checkNoNewColumns(datasetName, target, options, spark, data);
    }
    switch (mode) {
      case "append" -> target.write(spark, writer(data, options, "append"));
      case "replace_where" ->
          target.write(
              spark,
              writer(data, options, "overwrite").option("replaceWhere", options.replaceWhere()));
      case "upsert" -> merge(target, options, spark, data);
      default -> throw new IllegalStateException(mode);
    }
  }

  private static DataFrameWriter<Row> writer(
      Dataset<Row> data, DeltaWriteOptions options, String mode) {
    DataFrameWriter<Row> w =
        data.write().format("delta").mode(mode).options(options.writerOptions());
    if (options.mergeSchema()) {
      w = w.option("mergeSchema", "true");
    }
    if (options.overwriteSchema()) {
      w = w.option("overwriteSchema", "true");
    }
    if (!options.partitionColumns().isEmpty() && mode.equals("overwrite")) {
      w = w.partitionBy(options.partitionColumns().toArray(String[]::new));
    }
    return w;
  }

  private static void merge(
      DeltaTarget target, DeltaWriteOptions options, SparkSession spark, Dataset<Row> data) {
    // A unique view per call: the parallel runner merges from several threads on one session.
    String view = "weir_merge_source_" + UUID.randomUUID().toString().replace("-", "");
    data.createOrReplaceTempView(view);
    try {
      StringBuilder sql = new StringBuilder("MERGE ");
      if (options.mergeSchema()) {
        sql.append("WITH SCHEMA EVOLUTION ");
      }
      sql.append("INTO ")
          .append(target.sqlName(spark))
          .append(" AS target USING ")
          .append(view)
          .append(" AS source ON ")
          .append(options.mergeOn());
      switch (options.whenMatched()) {
        case "update_all" -> sql.append(" WHEN MATCHED THEN UPDATE SET *");
        case "delete" -> sql.append(" WHEN MATCHED THEN DELETE");
        default -> {}
      }
      if (options.whenNotMatched().equals("insert_all")) {
        sql.append(" WHEN NOT MATCHED THEN INSERT *");
      }
      spark.sql(sql.toString()).collectAsList();
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  /**
   * Delta refuses an append or merge that brings columns the table lacks; saying which columns and
   * how to allow them is clearer than Delta's error (which over Connect arrives as an internal
   * error). Reads only the table's schema from its log.
   */
  private static void checkNoNewColumns(
      String datasetName,
      DeltaTarget target,
      DeltaWriteOptions options,
      SparkSession spark,
      Dataset<Row> data) {
    org.apache.spark.sql.types.StructType table = target.read(spark, java.util.Map.of()).schema();
    Set<String> existing =
        java.util.Arrays.stream(table.fields())
            .map(f -> f.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    List<String> added = new ArrayList<>();
    for (StructField f : data.schema().fields()) {
      if (!existing.contains(f.name().toLowerCase(Locale.ROOT))) {
        added.add(f.name());
      }
    }
    if (!added.isEmpty()) {
      throw SparkErrors.schemaMismatch(
          datasetName,
          options.mode() + " to " + target.display(),
          SparkErrors.columns(table),
          SparkErrors.columns(data.schema()),
          null);
    }
  }
}
