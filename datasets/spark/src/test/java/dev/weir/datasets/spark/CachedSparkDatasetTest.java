package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.MemoryDatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cached: true} on Spark entries, through {@link DataCatalog} on the shared classic session:
 * the DataFrame is persisted before the write, later loads get it without reading the table, and
 * entries whose read-back differs are refused.
 */
class CachedSparkDatasetTest {
  @TempDir Path root;

  private static SparkSession spark() {
    return SharedSpark.classic();
  }

  private DataCatalog catalog(Map<String, Object> entries) {
    return DataCatalog.fromConfig(
        entries,
        Map.of(),
        DatasetContext.builder(root)
            .service(SparkSession.class, CachedSparkDatasetTest::spark)
            .build(),
        DatasetTypeRegistry.of(
            List.of(
                new MemoryDatasetType(), new SparkDataset.Type(), new DeltaTableDataset.Type())));
  }

  /** Random values: recomputing the plan would give other rows, so equal rows prove one copy. */
  private static org.apache.spark.sql.Dataset<Row> randomRows() {
    return spark().range(0, 200, 1, 2).selectExpr("id", "rand() AS r");
  }

  private static List<String> rows(org.apache.spark.sql.Dataset<Row> df) {
    return df.orderBy("id").collectAsList().stream().map(Row::toString).toList();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCachedDeltaTableHandsReadersThePersistedDataFrameTheWriterWrote() throws IOException {
    DataCatalog catalog =
        catalog(
            Map.of(
                "features",
                Map.of(
                    "type",
                    "spark.DeltaTableDataset",
                    "filepath",
                    "data/features",
                    "cached",
                    true)));
    org.apache.spark.sql.Dataset<Row> written = randomRows();

    catalog.save("features", written);
    var loaded = (org.apache.spark.sql.Dataset<Row>) catalog.load("features");

    assertThat(loaded.storageLevel().useMemory()).isTrue();
    List<String> onDisk =
        rows(spark().read().format("delta").load(root.resolve("data/features").toString()));
    assertThat(rows(loaded)).hasSize(200).isEqualTo(onDisk);
    // No read: with the table gone, the load still answers, from the cache.
    delete(root.resolve("data/features"));
    var again = (org.apache.spark.sql.Dataset<Row>) catalog.load("features");
    assertThat(again).isSameAs(loaded);
    assertThat(rows(again)).isEqualTo(onDisk);

    catalog.release("features");

    assertThat(loaded.storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void withoutCachedALoadReadsTheTable() throws IOException {
    DataCatalog catalog =
        catalog(
            Map.of(
                "features", Map.of("type", "spark.DeltaTableDataset", "filepath", "data/plain")));

    catalog.save("features", randomRows());
    delete(root.resolve("data/plain"));

    assertThatThrownBy(() -> catalog.load("features"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no Delta table");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCachedParquetFileIsServedFromTheCache() {
    DataCatalog catalog =
        catalog(
            Map.of(
                "shuttles",
                Map.of(
                    "type",
                    "spark.SparkDataset",
                    "filepath",
                    "data/shuttles.parquet",
                    "cached",
                    true)));

    catalog.save("shuttles", randomRows());
    var loaded = (org.apache.spark.sql.Dataset<Row>) catalog.load("shuttles");

    assertThat(loaded.storageLevel().useMemory()).isTrue();
    assertThat(rows(loaded))
        .isEqualTo(rows(spark().read().parquet(root.resolve("data/shuttles.parquet").toString())));
  }

  @Test
  void csvWithoutASchemaIsRefused() {
    DataCatalog catalog =
        catalog(
            Map.of(
                "report",
                Map.of(
                    "type",
                    "spark.SparkDataset",
                    "filepath",
                    "data/report.csv",
                    "file_format",
                    "csv",
                    "load_args",
                    Map.of("header", true, "inferSchema", true),
                    "cached",
                    true)));

    assertThatThrownBy(() -> catalog.dataset("report"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'cached: true' is refused")
        .hasMessageContaining("file_format csv")
        .hasMessageContaining("load_args.schema");
  }

  @Test
  void csvWithASchemaAndAnAppendingDeltaTable() {
    DataCatalog catalog =
        catalog(
            Map.of(
                "report",
                Map.of(
                    "type",
                    "spark.SparkDataset",
                    "filepath",
                    "data/report.csv",
                    "file_format",
                    "csv",
                    "load_args",
                    Map.of("header", true, "schema", "id BIGINT, r DOUBLE"),
                    "save_args",
                    Map.of("header", true),
                    "cached",
                    true),
                "log",
                Map.of(
                    "type",
                    "spark.DeltaTableDataset",
                    "filepath",
                    "data/log",
                    "write_mode",
                    "append",
                    "cached",
                    true)));

    assertThat(catalog.dataset("report").describe()).containsEntry("cached", true);
    assertThatThrownBy(() -> catalog.dataset("log"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("write_mode append");
  }
}
