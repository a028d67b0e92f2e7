package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.io.DatasetSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowCountsTest {
  private static final Path PROJECT = Path.of("/work/project");

  private static DatasetSpec spec(Map<String, Object> config) {
    return new DatasetSpec("t", "ignored", config, Map.of(), null);
  }

  @Test
  void deltaFilesAreAddressedByTheirResolvedPath() {
    assertThat(
            RowCounts.deltaIdentifier(
                "spark.DeltaTableDataset", spec(Map.of("filepath", "data/03_primary/t")), PROJECT))
        .isEqualTo("delta.`/work/project/data/03_primary/t`");
    assertThat(
            RowCounts.deltaIdentifier(
                "spark.SparkDataset",
                spec(Map.of("filepath", "s3a://bucket/t", "file_format", "delta")),
                PROJECT))
        .isEqualTo("delta.`s3a://bucket/t`");
  }

  @Test
  void tablesAreAddressedByCatalogSchemaAndNameWithBackQuotesDoubled() {
    assertThat(
            RowCounts.deltaIdentifier(
                "databricks.ManagedTableDataset",
                spec(Map.of("catalog", "main", "database", "sales", "table", "odd`name")),
                PROJECT))
        .isEqualTo("`main`.`sales`.`odd``name`");
    assertThat(
            RowCounts.deltaIdentifier(
                "spark.SparkTableDataset", spec(Map.of("table", "t")), PROJECT))
        .isEqualTo("`t`");
  }

  @Test
  void formatsWithoutCommitMetricsAreNotCounted() {
    assertThat(
            RowCounts.deltaIdentifier(
                "spark.SparkDataset",
                spec(Map.of("filepath", "data/t.csv", "file_format", "csv")),
                PROJECT))
        .isNull();
    assertThat(
            RowCounts.deltaIdentifier(
                "spark.SparkTableDataset",
                spec(Map.of("table", "t", "format", "parquet")),
                PROJECT))
        .isNull();
    assertThat(
            RowCounts.deltaIdentifier("json.JSONDataset", spec(Map.of("filepath", "x")), PROJECT))
        .isNull();
  }

  @Test
  void dataThatIsNotASparkDataFrameHasNoSession() {
    assertThat(RowCounts.sparkSessionOf("not a DataFrame")).isNull();
  }
}
