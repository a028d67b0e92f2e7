package dev.weir.datasets.spark;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The write keys of a {@code spark.DeltaTableDataset} or {@code spark.SparkTableDataset} catalog
 * entry as written, bound by core's parameter binder ({@link dev.weir.datasets.Specs#bind}); {@link
 * DeltaWriteOptions} checks how they combine. Every key may be absent ({@code null}).
 *
 * @param writeMode {@code overwrite} (default), {@code append}, {@code upsert} (Delta {@code
 *     MERGE}) or {@code replace_where}
 * @param primaryKey the column, or list of columns, that identifies a row for an upsert
 * @param mergeCondition an explicit {@code MERGE} condition over {@code target} and {@code source}
 * @param whenMatched {@code update_all} (default), {@code delete} or {@code ignore}
 * @param whenNotMatched {@code insert_all} (default) or {@code ignore}
 * @param replaceWhere the predicate of the rows {@code replace_where} replaces
 * @param mergeSchema whether new columns are added to the table (Delta's {@code mergeSchema})
 * @param overwriteSchema whether an overwrite may replace the schema (Delta's {@code
 *     overwriteSchema})
 * @param partitionColumns the column, or list of columns, to partition a new table by
 * @param saveArgs more writer options, passed to Spark as strings
 */
public record DeltaWriteSpec(
    @Nullable WriteMode writeMode,
    @Nullable Object primaryKey,
    @Nullable String mergeCondition,
    @Nullable WhenMatched whenMatched,
    @Nullable WhenNotMatched whenNotMatched,
    @Nullable String replaceWhere,
    @Nullable Boolean mergeSchema,
    @Nullable Boolean overwriteSchema,
    @Nullable Object partitionColumns,
    @Nullable Map<String, @Nullable Object> saveArgs) {

  /** {@code write_mode}. */
  public enum WriteMode {
    /** Replace the table's rows. */
    OVERWRITE,
    /** Add rows. */
    APPEND,
    /** Delta {@code MERGE} on {@code primary_key} or {@code merge_condition}. */
    UPSERT,
    /** Replace the rows matching {@code replace_where}. */
    REPLACE_WHERE
  }

  /** {@code when_matched} of an upsert. */
  public enum WhenMatched {
    /** Update every column of a matched row. */
    UPDATE_ALL,
    /** Delete a matched row. */
    DELETE,
    /** Leave a matched row as it is. */
    IGNORE
  }

  /** {@code when_not_matched} of an upsert. */
  public enum WhenNotMatched {
    /** Insert a row that has no match. */
    INSERT_ALL,
    /** Skip a row that has no match. */
    IGNORE
  }
}
