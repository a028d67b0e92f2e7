package dev.weir.runner;

import dev.weir.io.DataCatalog;
import dev.weir.io.SchemaMismatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names the input that brought a schema change. When a save is refused because the data's columns
 * differ from what the table holds ({@link SchemaMismatchException}), the cause is usually an
 * input, such as a raw CSV with a renamed column or bad rows; the message then starts with that
 * input, compared with what the table holds, before the dataset's advice to change the table. An
 * input is named when its columns include a new or retyped column; failing that, when it lacks
 * every missing column.
 */
final class InputSchemaChange {
  private InputSchemaChange() {}

  /**
   * @param e the refused save
   * @param inputs the node's loaded inputs, by dataset name
   * @param catalog the run's catalog, for the inputs' locations
   * @return {@code e} itself when no input can be named, else a {@link SchemaMismatchException}
   *     whose message starts with the inputs
   */
  static SchemaMismatchException explain(
      SchemaMismatchException e, Map<String, Object> inputs, DataCatalog catalog) {
    List<String> changed = lower(e.changedColumnNames());
    List<String> missing = lower(e.missingColumns());
    List<String> suspects = new ArrayList<>();
    inputs.forEach(
        (name, data) -> {
          Set<String> columns = SparkRunSupport.columnNames(data);
          if (columns.isEmpty()) {
            return;
          }
          boolean carries = changed.stream().anyMatch(columns::contains);
          boolean lacks =
              changed.isEmpty()
                  && !missing.isEmpty()
                  && missing.stream().noneMatch(columns::contains);
          if (carries || lacks) {
            suspects.add(name);
          }
        });
    if (suspects.isEmpty()) {
      return e;
    }
    StringBuilder m = new StringBuilder();
    m.append(suspects.size() == 1 ? "The schema of input " : "The schema of inputs ");
    for (int i = 0; i < suspects.size(); i++) {
      m.append(i == 0 ? "" : ", ").append('\'').append(suspects.get(i)).append('\'');
      m.append(where(suspects.get(i), catalog));
    }
    m.append(" changed compared with what '")
        .append(e.datasetName())
        .append("' holds: ")
        .append(e.differences())
        .append(". Check that data first. ")
        .append(e.getMessage());
    return new SchemaMismatchException(
        m.toString(),
        e.datasetName(),
        e.tableColumns(),
        e.dataColumns(),
        e.getCause() != null ? e.getCause() : e);
  }

  private static String where(String input, DataCatalog catalog) {
    if (!catalog.contains(input) || catalog.isMemory(input)) {
      return "";
    }
    try {
      Map<String, Object> d = catalog.dataset(input).describe();
      for (String key : List.of("filepath", "table", "path")) {
        Object v = d.get(key);
        if (v != null) {
          return " (" + v + ")";
        }
      }
    } catch (RuntimeException ignored) {
      // the location is a courtesy; the name is enough
    }
    return "";
  }

  private static List<String> lower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
  }
}
