package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.excel.ExcelDataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalog entries are checked when the dataset is built, without starting Spark. */
class SparkSpecValidationTest {
  // Spark datasets take credentials as per-dataset Hadoop options (HadoopCredentials).
  private static final Map<String, Object> CREDENTIALS =
      Map.of("fs.s3a.secret.key", "TOPSECRET123");

  private static Object create(DatasetType type, Map<String, Object> config) {
    return create(type, config, CREDENTIALS);
  }

  /** Tables by name and upserts refuse credentials, so their checks run without them. */
  private static Object createWithoutCredentials(DatasetType type, Map<String, Object> config) {
    return create(type, config, Map.of());
  }

  private static Object create(
      DatasetType type, Map<String, Object> config, Map<String, Object> credentials) {
    return type.create(
        new DatasetSpec(
            "shuttles", type.names().get(0), config, credentials, "conf/base/catalog.yml"),
        DatasetContext.of(Path.of("/project")));
  }

  @Test
  void wrongFileFormatListsTheValidOnes() {
    assertThatThrownBy(
            () ->
                create(new SparkDataset.Type(), Map.of("filepath", "a", "file_format", "parquett")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'shuttles'")
        .hasMessageContaining("conf/base/catalog.yml")
        .hasMessageContaining("parquet, csv, json, orc, text, delta")
        .hasMessageContaining("Did you mean: parquet?");
  }

  @Test
  void sparkDatasetRefusesDeltaOnlyModes() {
    assertThatThrownBy(
            () ->
                create(
                    new SparkDataset.Type(),
                    Map.of("filepath", "a", "save_args", Map.of("mode", "upsert"))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("does not fit spark.SparkDataset")
        .hasMessageContaining("spark.DeltaTableDataset");
  }

  @Test
  void deltaWriteModesAreChecked() {
    DatasetType delta = new DeltaTableDataset.Type();
    assertThatThrownBy(
            () -> createWithoutCredentials(delta, Map.of("filepath", "d", "write_mode", "merge")))
        .hasMessageContaining("Dataset 'shuttles'")
        .hasMessageContaining("write_mode")
        .hasMessageContaining("'merge' is not one of overwrite, append, upsert, replace_where");
    assertThatThrownBy(
            () -> createWithoutCredentials(delta, Map.of("filepath", "d", "write_mode", "upsert")))
        .hasMessageContaining("upsert needs")
        .hasMessageContaining("primary_key");
    assertThatThrownBy(
            () ->
                createWithoutCredentials(
                    delta, Map.of("filepath", "d", "write_mode", "replace_where")))
        .hasMessageContaining("replace_where needs the predicate");
    assertThatThrownBy(
            () ->
                createWithoutCredentials(
                    delta,
                    Map.of("filepath", "d", "write_mode", "append", "overwrite_schema", true)))
        .hasMessageContaining("overwrite_schema only applies to write_mode overwrite");
    assertThatThrownBy(
            () -> createWithoutCredentials(delta, Map.of("filepath", "d", "primary_key", "id")))
        .hasMessageContaining("only apply to write_mode upsert");
    assertThatThrownBy(() -> createWithoutCredentials(delta, Map.of("filepath", "d", "table", "t")))
        .hasMessageContaining("exactly one of 'filepath'");
    assertThatThrownBy(
            () ->
                createWithoutCredentials(
                    delta, Map.of("filepath", "d", "version", 1, "timestamp", "2024-01-01")))
        .hasMessageContaining("version or timestamp, not both");
    assertThatThrownBy(
            () -> createWithoutCredentials(delta, Map.of("filepath", "d", "version", "latest")))
        .hasMessageContaining("whole number");
  }

  @Test
  void tableNamesAreChecked() {
    DatasetType table = new SparkTableDataset.Type();
    assertThat(table.names())
        .contains("databricks.ManagedTableDataset", SparkTableDataset.class.getName());
    assertThatThrownBy(
            () -> createWithoutCredentials(table, Map.of("catalog", "main", "table", "t")))
        .hasMessageContaining("also give database");
    assertThatThrownBy(
            () ->
                createWithoutCredentials(
                    table, Map.of("database", "a", "schema", "b", "table", "t")))
        .hasMessageContaining("database or schema");
    assertThatThrownBy(() -> createWithoutCredentials(table, Map.of("table", "a.b.c.d")))
        .hasMessageContaining("more than three parts");
    assertThat(
            ((SparkTableDataset)
                    createWithoutCredentials(
                        table, Map.of("catalog", "main", "schema", "sales", "table", "orders")))
                .describe())
        .containsEntry("table", "main.sales.orders");
  }

  @Test
  void describeNeverContainsCredentials() {
    Map<String, Object> secretOptions =
        new HashMap<>(Map.of("filepath", "s3a://bucket/x", "file_format", "csv"));
    secretOptions.put("save_args", Map.of("fs.s3a.secret.key", "TOPSECRET123"));
    List<Object> datasets =
        List.of(
            create(new SparkDataset.Type(), secretOptions),
            create(
                new DeltaTableDataset.Type(),
                Map.of("filepath", "d", "save_args", Map.of("x", "TOPSECRET123"))),
            createWithoutCredentials(new SparkTableDataset.Type(), Map.of("table", "t")),
            create(new ExcelDataset.Type(), Map.of("filepath", "a.xlsx")));
    for (Object ds : datasets) {
      Map<String, Object> d = ((dev.weir.io.Dataset<?>) ds).describe();
      assertThat(d).containsEntry("name", "shuttles");
      assertThat(d.toString()).doesNotContain("TOPSECRET123");
    }
  }
}
