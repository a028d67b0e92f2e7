package dev.weir.sql;

import dev.weir.io.DataCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output columns of a SQL node found by Spark's analyser, computing nothing: when every
 * DataFrame input has a schema declared in the catalog, the query runs over empty DataFrames of
 * those schemas ({@code createDataFrame(List.of(), schema)}, a local relation) and only its {@code
 * schema()} is asked for. Works the same on classic Spark and over Spark Connect.
 */
final class SqlAnalysis {
  private SqlAnalysis() {}

  /**
   * @param spark the session
   * @param fn the node's function
   * @param inputs the node's input dataset names, in argument order
   * @param catalog the catalog (input schemas, parameter values)
   * @return the output column names, or empty when an input has no declared schema
   * @throws RuntimeException Spark's analysis error (an unknown column, a type mismatch)
   */
  static Optional<List<String>> outputColumns(
      SparkSession spark, SqlNodeFunction fn, List<String> inputs, DataCatalog catalog) {
    Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
    Map<String, Object> args = new LinkedHashMap<>();
    // Inputs pair with the function's names by position: a modular pipeline renames datasets
    // but not the names the query uses.
    int view = 0;
    int param = 0;
    for (String input : inputs) {
      if (input.startsWith("params:")) {
        String name = fn.parameterNames().get(param++);
        Object value = catalog.contains(input) ? catalog.load(input) : null;
        args.put(name, SqlArguments.toColumn(name, fn.source(), value));
        continue;
      }
      String name = fn.viewNames().get(view++);
      Optional<StructType> schema = SqlSchemas.declared(catalog, input);
      if (schema.isEmpty()) {
        return Optional.empty();
      }
      frames.put(name, spark.createDataFrame(List.<Row>of(), schema.get()));
    }
    Dataset<Row> result = SqlExecution.run(spark, fn.query(), frames, args);
    List<String> names = new ArrayList<>();
    for (StructField field : result.schema().fields()) {
      names.add(field.name());
    }
    return Optional.of(names);
  }
}
