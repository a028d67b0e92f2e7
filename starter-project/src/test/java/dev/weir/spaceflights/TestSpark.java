package dev.weir.spaceflights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * The one Spark session of this module's test JVM: {@code local[2]}, Delta configured, UI off, two
 * shuffle partitions, a warehouse in a temporary directory. Started on first use, stopped when the
 * JVM exits.
 */
public final class TestSpark {
  private static volatile @Nullable SparkSession session;

  private TestSpark() {}

  /**
   * @return the shared session
   */
  public static synchronized SparkSession session() {
    if (session == null) {
      Path warehouse;
      try {
        warehouse = Files.createTempDirectory("spaceflights-test-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("spaceflights-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.sql.warehouse.dir", warehouse.toString())
              .getOrCreate();
    }
    return session;
  }

  /**
   * @param ddl the schema, for example {@code "id INT, name STRING"}
   * @param rows one {@code Object[]} per row, values in schema order (null allowed)
   * @return a DataFrame of these rows
   */
  public static Dataset<Row> frame(String ddl, Object[]... rows) {
    List<Row> data = Arrays.stream(rows).map(RowFactory::create).toList();
    return session().createDataFrame(data, StructType.fromDDL(ddl));
  }
}
