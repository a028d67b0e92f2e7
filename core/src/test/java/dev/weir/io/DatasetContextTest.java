package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link DatasetContext#resolvePath} turns a catalog {@code filepath} into a storage path. */
class DatasetContextTest {
  @TempDir Path root;

  @Test
  void relativePathsResolveAgainstTheProjectRoot() {
    DatasetContext context = DatasetContext.of(root);
    assertThat(context.resolvePath("data/01_raw/companies.csv"))
        .isEqualTo(root.resolve("data/01_raw/companies.csv").toString());
    assertThat(context.resolvePath("./data/../data/02_intermediate/x.parquet"))
        .isEqualTo(root.resolve("data/02_intermediate/x.parquet").toString());
  }

  @Test
  void theRootIsMadeAbsoluteSoRelativePathsNeverDependOnTheWorkingDirectoryLater() {
    Path relativeRoot = Path.of("some/project/..");
    DatasetContext context = DatasetContext.of(relativeRoot);
    String resolved = context.resolvePath("data/x.csv");
    assertThat(Path.of(resolved)).isAbsolute();
    assertThat(resolved)
        .isEqualTo(relativeRoot.toAbsolutePath().normalize().resolve("data/x.csv").toString());
  }

  @Test
  void remoteUrisDatabricksPathsAndAbsolutePathsPassThroughUnchanged() {
    DatasetContext context = DatasetContext.of(root);
    List<String> unchanged =
        List.of(
            "dbfs:/mnt/raw/companies.csv",
            "/Volumes/main/raw/landing/companies.csv",
            "s3a://bucket/data/companies.parquet",
            "abfss://container@account.dfs.core.windows.net/data/companies.parquet",
            "gs://bucket/data/companies.parquet",
            "file:/tmp/data/companies.csv",
            "file:///tmp/data/companies.csv",
            "/tmp/data/companies.csv");
    for (String path : unchanged) {
      assertThat(context.resolvePath(path)).as(path).isEqualTo(path);
    }
  }

  @Test
  void aColonAfterTheFirstSlashDoesNotMakeAScheme() {
    DatasetContext context = DatasetContext.of(root);
    assertThat(context.resolvePath("data/run:1/x.csv"))
        .isEqualTo(root.resolve("data/run:1/x.csv").toString());
  }
}
