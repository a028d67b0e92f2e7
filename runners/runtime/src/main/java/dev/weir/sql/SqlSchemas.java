package dev.weir.sql;

import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * The schema the catalog declares for a dataset: {@code load_args.schema} of its entry, as the
 * Spark datasets read it (kedro-datasets' {@code SparkDataset} convention): a DDL string ({@code
 * "id INT, name STRING"}), the path of a JSON schema file (Spark's {@code StructType.json()}
 * format), or {@code {filepath: ...}}. Parsed with spark-sql-api alone, without a session.
 */
final class SqlSchemas {
  private SqlSchemas() {}

  /**
   * @param catalog the catalog
   * @param dataset a dataset name as a node writes it
   * @return the declared schema, or empty when the entry declares none (or is not configured)
   * @throws SqlNodeException when a schema is declared but cannot be read
   */
  static Optional<StructType> declared(DataCatalog catalog, String dataset) {
    Optional<DatasetSpec> spec;
    try {
      spec = catalog.spec(dataset);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    Object value = spec.get().map("load_args").get("schema");
    if (value == null) {
      return Optional.empty();
    }
    String file = null;
    if (value instanceof Map<?, ?> m && m.get("filepath") != null) {
      file = m.get("filepath").toString();
    } else if (value.toString().strip().toLowerCase(Locale.ROOT).endsWith(".json")) {
      file = value.toString().strip();
    }
    try {
      if (file != null) {
        Path path = Path.of(catalog.context().resolvePath(file));
        DataType type = DataType.fromJson(Files.readString(path));
        return type instanceof StructType st ? Optional.of(st) : Optional.empty();
      }
      return Optional.of(StructType.fromDDL(value.toString()));
    } catch (IOException | RuntimeException e) {
      throw new SqlNodeException(
          "The catalog entry '"
              + dataset
              + "'"
              + (spec.get().source() == null ? "" : " (" + spec.get().source() + ")")
              + " declares load_args.schema, but it is neither a DDL string (\"id INT, name"
              + " STRING\") nor a readable JSON schema file: "
              + e.getMessage());
    }
  }
}
