package dev.weir.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.datasets.testing.RecordingFileSystem;
import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetTypeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV / Parquet overwrite killed mid-write leaves {@code .<name>.weir-staging-<uuid>} next to the
 * target; the next save of that dataset through the catalog removes it, and only it: another
 * dataset's staging directory and names that merely look alike stay. Run on a local path ({@code
 * java.nio}) and on a Hadoop file system ({@code recfs://}, the local disk through Hadoop).
 */
class StaleStagingTest {
  @TempDir Path root;

  @Test
  void nextSaveOfALocalDatasetRemovesItsStaleStagingOnly() throws IOException {
    checkStaleStagingRemoved("data/companies.csv");
  }

  @Test
  void nextSaveOnAHadoopFileSystemRemovesItsStaleStagingOnly() throws IOException {
    checkStaleStagingRemoved(
        RecordingFileSystem.SCHEME
            + "://staging"
            + root.resolve("data/companies.csv").toUri().getPath());
  }

  @SuppressWarnings("unchecked")
  private void checkStaleStagingRemoved(String companiesPath) throws IOException {
    SparkSession spark = SharedSpark.classic();
    Path dir = Files.createDirectories(root.resolve("data"));
    DataCatalog data =
        DataCatalog.fromConfig(
            Map.of(
                "companies",
                Map.of(
                    "type",
                    "spark.SparkDataset",
                    "filepath",
                    companiesPath,
                    "file_format",
                    "csv",
                    "load_args",
                    Map.of("header", true, "schema", "id INT, name STRING"),
                    "save_args",
                    Map.of("header", true)),
                "companies_raw",
                Map.of("type", "spark.SparkDataset", "filepath", "data/companies.csv.raw")),
            Map.of(),
            DatasetContext.builder(root).service(SparkSession.class, SharedSpark::classic).build(),
            DatasetTypeRegistry.loadInstalled());
    data.save("companies", spark.sql("SELECT * FROM VALUES (1, 'old') AS t(id, name)"));

    Path stale = killedSave(dir, ".companies.csv.weir-staging-" + UUID.randomUUID());
    Path staleAfterSwap = killedSave(dir, ".companies.csv.weir-old-" + UUID.randomUUID());
    Path neighbour = killedSave(dir, ".companies.csv.raw.weir-staging-" + UUID.randomUUID());
    Path lookAlike = killedSave(dir, ".companies.csv.weir-staging-by-hand");

    data.save(
        "companies", spark.sql("SELECT * FROM VALUES (2, 'new'), (3, 'newer') AS t(id, name)"));

    assertThat(stale).doesNotExist();
    assertThat(staleAfterSwap).doesNotExist();
    assertThat(neighbour).isDirectory();
    assertThat(neighbour.resolve("part-00000.csv")).hasContent("2,half");
    assertThat(lookAlike).isDirectory();
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "companies.csv",
              neighbour.getFileName().toString(),
              lookAlike.getFileName().toString());
    }
    List<String> rows =
        ((org.apache.spark.sql.Dataset<Row>) data.load("companies"))
            .collectAsList().stream().map(Row::toString).sorted().toList();
    assertThat(rows).containsExactly("[2,new]", "[3,newer]");
  }

  /** A directory as a killed Spark write leaves it: a part file, no {@code _SUCCESS}. */
  private static Path killedSave(Path dir, String name) throws IOException {
    Path staging = Files.createDirectories(dir.resolve(name));
    Files.writeString(staging.resolve("part-00000.csv"), "2,half");
    return staging;
  }
}
