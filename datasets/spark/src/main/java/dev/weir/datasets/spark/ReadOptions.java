package dev.weir.datasets.spark;

import dev.weir.datasets.Specs;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's {@code load_args}: Spark reader options, plus {@code schema} given as a DDL string
 * ({@code "id INT, name STRING"}), as the path of a JSON schema file (Spark's {@code
 * StructType.json()} format, as Kedro's SparkDataset takes it), or as {@code {filepath: ...}}.
 *
 * @param options reader options, values as strings
 * @param schema the schema, or null to let Spark infer it
 */
record ReadOptions(Map<String, String> options, @Nullable StructType schema) {

  ReadOptions {
    options = Map.copyOf(options);
  }

  static ReadOptions of(DatasetSpec spec, DatasetContext context) {
    Map<String, String> options = new LinkedHashMap<>();
    StructType schema = null;
    for (Map.Entry<String, Object> e : spec.map("load_args").entrySet()) {
      if ("schema".equals(e.getKey())) {
        schema = schema(spec, context, e.getValue());
      } else if (e.getValue() != null) {
        options.put(e.getKey(), e.getValue().toString());
      }
    }
    return new ReadOptions(options, schema);
  }

  DataFrameReader apply(DataFrameReader reader) {
    DataFrameReader r = reader.options(options);
    return schema == null ? r : r.schema(schema);
  }

  private static StructType schema(DatasetSpec spec, DatasetContext context, Object value) {
    String file = null;
    if (value instanceof Map<?, ?> m && m.get("filepath") != null) {
      file = m.get("filepath").toString();
    } else if (value instanceof String s
        && s.trim().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
      file = s.trim();
    }
    try {
      if (file != null) {
        Path path = Path.of(context.resolvePath(file));
        DataType type = DataType.fromJson(Files.readString(path));
        if (type instanceof StructType st) {
          return st;
        }
        throw new DatasetException(
            Specs.where(spec) + ": the schema file " + path + " does not hold a struct type.");
      }
      return StructType.fromDDL(value.toString());
    } catch (IOException | RuntimeException e) {
      if (e instanceof DatasetException de) {
        throw de;
      }
      throw new DatasetException(
          Specs.where(spec)
              + ": load_args.schema is neither a DDL string (\"id INT, name STRING\") nor a"
              + " readable JSON schema file: "
              + e.getMessage(),
          e);
    }
  }
}
