package dev.weir.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A save was refused because the data's columns differ from what the table already holds (Delta's
 * {@code DELTA_METADATA_MISMATCH}, {@code FAILED_TO_MERGE_FIELDS}). Carries both schemas, column
 * name to type name in column order, so the runner can say which of the node's inputs brought the
 * change before the advice to change the table.
 */
public class SchemaMismatchException extends DatasetException {
  private static final long serialVersionUID = 1L;

  private final String datasetName;
  private final Map<String, String> tableColumns;
  private final Map<String, String> dataColumns;

  /**
   * @param message what failed, for which dataset, and how to fix it
   * @param datasetName the dataset being saved
   * @param tableColumns the table's columns, name to type, in order
   * @param dataColumns the columns of the data being saved, name to type, in order
   * @param cause the underlying error
   */
  public SchemaMismatchException(
      String message,
      String datasetName,
      Map<String, String> tableColumns,
      Map<String, String> dataColumns,
      @Nullable Throwable cause) {
    super(message, cause);
    this.datasetName = datasetName;
    this.tableColumns = Collections.unmodifiableMap(new LinkedHashMap<>(tableColumns));
    this.dataColumns = Collections.unmodifiableMap(new LinkedHashMap<>(dataColumns));
  }

  /**
   * @return the dataset being saved
   */
  public String datasetName() {
    return datasetName;
  }

  /**
   * @return the table's columns, name to type, in order
   */
  public Map<String, String> tableColumns() {
    return tableColumns;
  }

  /**
   * @return the data's columns, name to type, in order
   */
  public Map<String, String> dataColumns() {
    return dataColumns;
  }

  /**
   * @return the columns the data has and the table lacks (compared case-insensitively)
   */
  public List<String> newColumns() {
    return minus(dataColumns, tableColumns);
  }

  /**
   * @return the columns the table holds and the data lacks (compared case-insensitively)
   */
  public List<String> missingColumns() {
    return minus(tableColumns, dataColumns);
  }

  /**
   * @return the columns in both whose types differ, as {@code name (table type -> data type)}
   */
  public List<String> retypedColumns() {
    Map<String, String> table = lowerKeys(tableColumns);
    List<String> changed = new ArrayList<>();
    dataColumns.forEach(
        (name, type) -> {
          String old = table.get(name.toLowerCase(Locale.ROOT));
          if (old != null && !old.equalsIgnoreCase(type)) {
            changed.add(name + " (" + old + " -> " + type + ")");
          }
        });
    return changed;
  }

  /**
   * @return the names of the new and retyped columns: those an input that changed would carry
   */
  public List<String> changedColumnNames() {
    List<String> names = new ArrayList<>(newColumns());
    for (String retyped : retypedColumns()) {
      names.add(retyped.substring(0, retyped.indexOf(" (")));
    }
    return names;
  }

  /**
   * @return one sentence listing the differences, for example {@code new column rating; missing
   *     column company_rating}
   */
  public String differences() {
    List<String> parts = new ArrayList<>();
    add(parts, "new column", newColumns());
    add(parts, "missing column", missingColumns());
    add(parts, "changed type", retypedColumns());
    return parts.isEmpty() ? "column types or nullability differ" : String.join("; ", parts);
  }

  private static void add(List<String> parts, String what, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(what + (names.size() > 1 ? "s " : " ") + String.join(", ", names));
    }
  }

  private static List<String> minus(Map<String, String> a, Map<String, String> b) {
    Map<String, String> lower = lowerKeys(b);
    List<String> out = new ArrayList<>();
    for (String name : a.keySet()) {
      if (!lower.containsKey(name.toLowerCase(Locale.ROOT))) {
        out.add(name);
      }
    }
    return out;
  }

  private static Map<String, String> lowerKeys(Map<String, String> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }
}
