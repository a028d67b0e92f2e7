package dev.weir.datasets.spark;

import dev.weir.datasets.Specs;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How a Delta dataset writes, from its catalog entry; checked when the catalog builds the dataset.
 *
 * <ul>
 *   <li>{@code write_mode}: {@code overwrite} (default), {@code append}, {@code upsert} ({@code
 *       MERGE INTO}), {@code replace_where} (overwrite only the rows matching {@code
 *       replace_where}, Delta's {@code replaceWhere} option);
 *   <li>{@code primary_key}: a column or list, the {@code upsert} match ({@code target.k = source.k
 *       AND ...}); or {@code merge_condition}: any condition over the aliases {@code target} (the
 *       table) and {@code source} (the new rows);
 *   <li>{@code when_matched}: {@code update_all} (default), {@code delete}, {@code ignore}; {@code
 *       when_not_matched}: {@code insert_all} (default), {@code ignore};
 *   <li>{@code merge_schema}: add new columns (Delta's {@code mergeSchema}, {@code MERGE WITH
 *       SCHEMA EVOLUTION}); {@code overwrite_schema}: replace the schema on overwrite (Delta's
 *       {@code overwriteSchema});
 *   <li>{@code partition_columns}: a column or list, used when the table is created or overwritten;
 *   <li>{@code save_args}: further Delta writer options.
 * </ul>
 *
 * @param mode the write mode, one of {@code overwrite}, {@code append}, {@code upsert}, {@code
 *     replace_where}
 * @param primaryKey the upsert key columns
 * @param mergeCondition a custom upsert condition, or null
 * @param whenMatched {@code update_all}, {@code delete} or {@code ignore}
 * @param whenNotMatched {@code insert_all} or {@code ignore}
 * @param replaceWhere the {@code replace_where} predicate, or null
 * @param mergeSchema whether new columns are added
 * @param overwriteSchema whether an overwrite replaces the schema
 * @param partitionColumns partition columns
 * @param writerOptions further writer options
 */
record DeltaWriteOptions(
    String mode,
    List<String> primaryKey,
    @Nullable String mergeCondition,
    String whenMatched,
    String whenNotMatched,
    @Nullable String replaceWhere,
    boolean mergeSchema,
    boolean overwriteSchema,
    List<String> partitionColumns,
    Map<String, String> writerOptions) {

  /** The accepted {@code write_mode} values. */

  /** The catalog keys this record reads. */
  static final Set<String> KEYS =
      Set.of(
          "write_mode",
          "primary_key",
          "merge_condition",
          "when_matched",
          "when_not_matched",
          "replace_where",
          "merge_schema",
          "overwrite_schema",
          "partition_columns",
          "save_args");

  DeltaWriteOptions {
    primaryKey = List.copyOf(primaryKey);
    partitionColumns = List.copyOf(partitionColumns);
    writerOptions = Map.copyOf(writerOptions);
  }

  static DeltaWriteOptions of(DatasetSpec spec) {
    DeltaWriteSpec written = Specs.bind(spec, KEYS, DeltaWriteSpec.class);
    String mode = name(written.writeMode(), "overwrite");
    List<String> primaryKey = Specs.stringList(spec, "primary_key");
    String mergeCondition = written.mergeCondition();
    String whenMatched = name(written.whenMatched(), "update_all");
    String whenNotMatched = name(written.whenNotMatched(), "insert_all");
    String replaceWhere = written.replaceWhere();
    boolean mergeSchema = Boolean.TRUE.equals(written.mergeSchema());
    boolean overwriteSchema = Boolean.TRUE.equals(written.overwriteSchema());
    Map<String, String> writerOptions = new LinkedHashMap<>();
    if (written.saveArgs() != null) {
      written
          .saveArgs()
          .forEach(
              (k, v) -> {
                if (v != null) {
                  writerOptions.put(k, v.toString());
                }
              });
    }
    String where = Specs.where(spec);
    if (mode.equals("upsert") && primaryKey.isEmpty() && mergeCondition == null) {
      throw new DatasetException(
          where
              + ": write_mode upsert needs the columns that identify a row: add primary_key"
              + " (a column or a list), or a merge_condition such as 'target.id = source.id'.");
    }
    if (!mode.equals("upsert")
        && (!primaryKey.isEmpty()
            || mergeCondition != null
            || spec.config().containsKey("when_matched")
            || spec.config().containsKey("when_not_matched"))) {
      throw new DatasetException(
          where
              + ": primary_key, merge_condition, when_matched and when_not_matched only apply to"
              + " write_mode upsert (write_mode is "
              + mode
              + ").");
    }
    if (mode.equals("upsert") && whenMatched.equals("ignore") && whenNotMatched.equals("ignore")) {
      throw new DatasetException(
          where
              + ": when_matched and when_not_matched are both 'ignore': the upsert would do nothing.");
    }
    if (mode.equals("replace_where") && (replaceWhere == null || replaceWhere.isBlank())) {
      throw new DatasetException(
          where
              + ": write_mode replace_where needs the predicate of the rows to replace, for"
              + " example replace_where: \"date >= '2024-01-01'\".");
    }
    if (replaceWhere != null && !mode.equals("replace_where")) {
      throw new DatasetException(
          where
              + ": replace_where only applies to write_mode replace_where (write_mode is "
              + mode
              + ").");
    }
    if (overwriteSchema && !mode.equals("overwrite")) {
      throw new DatasetException(
          where
              + ": overwrite_schema only applies to write_mode overwrite (write_mode is "
              + mode
              + "); use merge_schema to add columns.");
    }
    if (overwriteSchema && mergeSchema) {
      throw new DatasetException(where + ": set merge_schema or overwrite_schema, not both.");
    }
    return new DeltaWriteOptions(
        mode,
        primaryKey,
        mergeCondition,
        whenMatched,
        whenNotMatched,
        replaceWhere,
        mergeSchema,
        overwriteSchema,
        Specs.stringList(spec, "partition_columns"),
        writerOptions);
  }

  /**
   * @return the {@code ON} condition of the upsert's {@code MERGE INTO}
   */
  /** The YAML spelling of an enum constant ({@code REPLACE_WHERE} is {@code replace_where}). */
  private static String name(@Nullable Enum<?> value, String absent) {
    return value == null ? absent : value.name().toLowerCase(Locale.ROOT);
  }

  String mergeOn() {
    if (mergeCondition != null) {
      return mergeCondition;
    }
    return primaryKey.stream()
        .map(k -> "target." + DeltaTarget.quote(k) + " = source." + DeltaTarget.quote(k))
        .collect(Collectors.joining(" AND "));
  }
}
