package dev.weir.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.testing.RecordingFileSystem;
import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetTypeRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code credentials:} on Spark datasets become Hadoop options of that dataset's reads and writes,
 * seen through a real catalog: the {@link RecordingFileSystem} ({@code recfs://<authority>/path},
 * the local disk) records the options each file-system instance was initialised with, by authority,
 * so each dataset gets its own authority.
 */
class DatasetCredentialsTest {
  private static final String ACCESS_KEY = "AKIA-weir-test-0001";
  private static final String SECRET = "s3cr3t-weir-value-9f8e";
  private static final Map<String, Object> CREDENTIALS =
      Map.of(
          "lake",
          Map.of("fs.s3a.access.key", ACCESS_KEY, "fs.s3a.secret.key", SECRET),
          "fsspec_style",
          new java.util.TreeMap<>(Map.of("key", ACCESS_KEY, "secret", SECRET)));

  @TempDir Path root;

  private DataCatalog catalog(Map<String, Object> entries) {
    DatasetContext context =
        DatasetContext.builder(root).service(SparkSession.class, SharedSpark::classic).build();
    return DataCatalog.fromConfig(
        entries, CREDENTIALS, context, DatasetTypeRegistry.loadInstalled());
  }

  private String recfs(String authority, String relative) {
    return RecordingFileSystem.SCHEME
        + "://"
        + authority
        + root.resolve(relative).toUri().getPath();
  }

  @Test
  @SuppressWarnings("unchecked")
  void credentialsReachTheFileSystemOfTheirDatasetOnlyAndNeverTheSession() {
    SparkSession spark = SharedSpark.classic();
    DataCatalog data =
        catalog(
            Map.of(
                "shuttles",
                Map.of(
                    "type", "spark.SparkDataset",
                    "filepath", recfs("secured-parquet", "data/shuttles.parquet"),
                    "credentials", "lake"),
                "companies",
                Map.of(
                    "type", "spark.SparkDataset",
                    "filepath", recfs("open-csv", "data/companies.csv"),
                    "file_format", "csv",
                    "load_args", Map.of("header", true, "schema", "id INT, name STRING"),
                    "save_args", Map.of("header", true)),
                "reviews",
                Map.of(
                    "type", "spark.DeltaTableDataset",
                    "filepath", recfs("secured-delta", "data/reviews"),
                    "credentials", "lake")));

    data.save("shuttles", spark.sql("SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)"));
    data.save("shuttles", spark.sql("SELECT * FROM VALUES (3, 'c') AS t(id, name)"));
    data.save("companies", spark.sql("SELECT * FROM VALUES (7, 'x') AS t(id, name)"));
    data.save("reviews", spark.sql("SELECT * FROM VALUES (5, 'r') AS t(id, name)"));

    assertThat(rows((org.apache.spark.sql.Dataset<Row>) data.load("shuttles")))
        .containsExactly("[3,c]");
    assertThat(rows((org.apache.spark.sql.Dataset<Row>) data.load("companies")))
        .containsExactly("[7,x]");
    assertThat(rows((org.apache.spark.sql.Dataset<Row>) data.load("reviews")))
        .containsExactly("[5,r]");
    assertThat(data.exists("shuttles")).isTrue();
    assertThat(root.resolve("data/shuttles.parquet")).isDirectory();
    assertThat(root.resolve("data/reviews/_delta_log")).isDirectory();

    List<String> expected =
        List.of("fs.s3a.access.key=" + ACCESS_KEY, "fs.s3a.secret.key=" + SECRET);
    assertThat(RecordingFileSystem.optionsSeen("secured-parquet")).containsAll(expected);
    assertThat(RecordingFileSystem.optionsSeen("secured-delta")).containsAll(expected);
    assertThat(RecordingFileSystem.optionsSeen("open-csv")).isNotEmpty();
    assertThat(String.join(" ", RecordingFileSystem.optionsSeen("open-csv")))
        .doesNotContain("fs.s3a.access.key=", "fs.s3a.secret.key=", SECRET);

    var classic = (org.apache.spark.sql.classic.SparkSession) spark;
    assertThat(spark.conf().getAll().toString()).doesNotContain(SECRET, ACCESS_KEY);
    assertThat(classic.sessionState().newHadoopConf().get("fs.s3a.secret.key")).isNull();
    assertThat(classic.sparkContext().hadoopConfiguration().get("fs.s3a.secret.key")).isNull();

    for (String name : List.of("shuttles", "companies", "reviews")) {
      assertThat(data.dataset(name).describe().toString()).doesNotContain(SECRET, ACCESS_KEY);
      assertThat(data.dataset(name).toString()).doesNotContain(SECRET, ACCESS_KEY);
      assertThat(String.valueOf(data.spec(name).orElseThrow())).doesNotContain(SECRET, ACCESS_KEY);
    }
  }

  @Test
  void aCredentialsKeyThatIsNoHadoopOptionNamesTheDatasetAndThePrefixes() {
    DataCatalog data =
        catalog(
            Map.of(
                "shuttles",
                Map.of(
                    "type", "spark.SparkDataset",
                    "filepath", "data/shuttles.parquet",
                    "credentials", "fsspec_style")));
    assertThatThrownBy(() -> data.load("shuttles"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'shuttles'")
        .hasMessageContaining("'key'")
        .hasMessageContaining("fs.s3a., fs.azure., fs.gs.")
        .message()
        .doesNotContain(SECRET, ACCESS_KEY);
  }

  @Test
  void credentialsOnATableOrAnUpsertAreRefusedNotIgnored() {
    DataCatalog data =
        catalog(
            Map.of(
                "model_input_table",
                Map.of(
                    "type", "databricks.ManagedTableDataset",
                    "table", "model_input_table",
                    "credentials", "lake"),
                "reviews",
                Map.of(
                    "type", "spark.DeltaTableDataset",
                    "filepath", "data/reviews",
                    "write_mode", "upsert",
                    "primary_key", "id",
                    "credentials", "lake")));
    assertThatThrownBy(() -> data.load("model_input_table"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'model_input_table'")
        .hasMessageContaining("table addressed by name")
        .message()
        .doesNotContain(SECRET, ACCESS_KEY);
    assertThatThrownBy(() -> data.load("reviews"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'reviews'")
        .hasMessageContaining("upsert")
        .message()
        .doesNotContain(SECRET, ACCESS_KEY);
  }

  private static List<String> rows(org.apache.spark.sql.Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
