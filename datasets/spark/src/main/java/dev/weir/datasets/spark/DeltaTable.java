package dev.weir.datasets.spark;

import dev.weir.io.DatasetException;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * A Delta table addressed by name: {@code table}, {@code schema.table} or Unity Catalog's {@code
 * catalog.schema.table}.
 *
 * <p>On a session with a persistent catalog (Unity Catalog, a Hive metastore: Databricks) the table
 * is written with {@code saveAsTable} and read with {@code spark.read().table(...)}.
 *
 * <p>The embedded session has Spark's in-memory catalog ({@code spark.sql.catalogImplementation =
 * in-memory}), which forgets tables when the JVM ends. There the table's data lives as a Delta
 * directory where Spark would put a managed table ({@code <warehouse>/<table>} or {@code
 * <warehouse>/<schema>.db/<table>}), written by path, and the table is registered as {@code CREATE
 * TABLE IF NOT EXISTS ... USING delta LOCATION '<dir>'} whenever it is missing from the catalog but
 * its directory holds a Delta log. A table written in one run is thus readable by name in the next,
 * and by SQL once the dataset was loaded or saved.
 */
final class DeltaTable extends DeltaTarget {
  private final @Nullable String catalog;
  private final @Nullable String schema;
  private final String table;

  DeltaTable(@Nullable String catalog, @Nullable String schema, String table) {
    this.catalog = catalog;
    this.schema = schema;
    this.table = table;
  }

  /**
   * @param name {@code table}, {@code schema.table} or {@code catalog.schema.table}
   * @return the target
   */
  static DeltaTable parse(String name) {
    String[] parts = name.split("\\.");
    return switch (parts.length) {
      case 1 -> new DeltaTable(null, null, parts[0]);
      case 2 -> new DeltaTable(null, parts[0], parts[1]);
      case 3 -> new DeltaTable(parts[0], parts[1], parts[2]);
      default ->
          throw new IllegalArgumentException(
              "'" + name + "' has more than three parts (catalog.schema.table)");
    };
  }

  @Override
  String sqlName(SparkSession spark) {
    StringBuilder sb = new StringBuilder();
    if (catalog != null) {
      sb.append(quote(catalog)).append('.');
    }
    if (schema != null) {
      sb.append(quote(schema)).append('.');
    }
    return sb.append(quote(table)).toString();
  }

  @Override
  String display() {
    return (catalog == null ? "" : catalog + ".") + (schema == null ? "" : schema + ".") + table;
  }

  @Override
  boolean exists(SparkSession spark) {
    checkCatalog(spark);
    if (spark.catalog().tableExists(sqlName(spark))) {
      return true;
    }
    return inMemoryCatalog(spark)
        && new DeltaPath(location(spark), HadoopCredentials.NONE).exists(spark);
  }

  @Override
  Dataset<Row> read(SparkSession spark, Map<String, String> options) {
    checkCatalog(spark);
    register(spark);
    return spark.read().options(options).table(sqlName(spark));
  }

  @Override
  void write(SparkSession spark, DataFrameWriter<Row> writer) {
    if (inMemoryCatalog(spark)) {
      writer.save(location(spark));
      register(spark);
    } else {
      writer.saveAsTable(sqlName(spark));
    }
  }

  /**
   * Makes the table known to the embedded session's in-memory catalog (see the class comment); does
   * nothing on other sessions or when it is already registered.
   *
   * @param spark the session
   */
  void register(SparkSession spark) {
    if (!inMemoryCatalog(spark) || spark.catalog().tableExists(sqlName(spark))) {
      return;
    }
    String location = location(spark);
    if (!new DeltaPath(location, HadoopCredentials.NONE).exists(spark)) {
      return;
    }
    if (schema != null) {
      spark.sql("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + sqlName(spark)
            + " USING delta LOCATION '"
            + location.replace("\\", "\\\\").replace("'", "\\'")
            + "'");
  }

  /**
   * @param spark the session
   * @return whether the session's catalog is Spark's in-memory one (the embedded session)
   */
  static boolean inMemoryCatalog(SparkSession spark) {
    try {
      return "in-memory".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"));
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * @param spark the session
   * @throws DatasetException on the embedded session for a catalog other than {@code
   *     spark_catalog}, the only one it has
   */
  private void checkCatalog(SparkSession spark) {
    if (catalog != null && !catalog.equalsIgnoreCase("spark_catalog") && inMemoryCatalog(spark)) {
      throw new DatasetException(
          "Table "
              + display()
              + ": catalog '"
              + catalog
              + "' does not exist on the embedded Spark session, which has only spark_catalog."
              + " Leave 'catalog' out of the local environment's entry (conf/local), or run"
              + " against Databricks.");
    }
  }

  /**
   * @param spark the embedded session
   * @return the directory of the table's Delta data under the warehouse
   */
  String location(SparkSession spark) {
    checkCatalog(spark);
    String warehouse = spark.conf().get("spark.sql.warehouse.dir");
    String base =
        warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
    String name = table.toLowerCase(Locale.ROOT);
    if (schema == null || schema.equalsIgnoreCase("default")) {
      return base + "/" + name;
    }
    return base + "/" + schema.toLowerCase(Locale.ROOT) + ".db/" + name;
  }
}
