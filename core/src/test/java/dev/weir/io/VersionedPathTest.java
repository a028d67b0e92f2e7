package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionedPathTest {
  @TempDir Path root;

  private static final String V1 = "2024-01-31T12.30.45.123Z";
  private static final String V2 = "2024-02-01T08.00.00.000Z";

  private void saveVersion(String version) throws IOException {
    Path file = root.resolve("data/06_models/regressor.json/" + version + "/regressor.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{}");
  }

  @Test
  void unversionedPathsAreTheResolvedFilepath() {
    VersionedPath p = VersionedPath.of("reg", "data/reg.json", false, DatasetContext.of(root));
    assertThat(p.loadPath()).isEqualTo(root.resolve("data/reg.json").toString());
    assertThat(p.savePath()).isEqualTo(p.loadPath());
  }

  @Test
  void saveUsesKedroLayoutWithTheRunSaveVersion() {
    DatasetContext ctx = DatasetContext.builder(root).saveVersion(V1).build();
    VersionedPath p = VersionedPath.of("regressor", "data/06_models/regressor.json", true, ctx);
    assertThat(p.savePath())
        .isEqualTo(
            root.resolve("data/06_models/regressor.json/" + V1 + "/regressor.json").toString());
  }

  @Test
  void generatedSaveVersionIsStablePerInstance() {
    VersionedPath p = VersionedPath.of("r", "data/r.json", true, DatasetContext.of(root));
    assertThat(p.saveVersion()).matches(Versions.VERSION_PATTERN);
    assertThat(p.savePath()).isEqualTo(p.savePath());
  }

  @Test
  void loadPicksTheLatestVersionUnlessOneIsGiven() throws IOException {
    saveVersion(V1);
    saveVersion(V2);
    VersionedPath latest =
        VersionedPath.of(
            "regressor", "data/06_models/regressor.json", true, DatasetContext.of(root));
    assertThat(latest.loadPath()).contains(V2).endsWith("regressor.json");
    DatasetContext pinned =
        DatasetContext.builder(root).loadVersions(Map.of("regressor", V1)).build();
    assertThat(
            VersionedPath.of("regressor", "data/06_models/regressor.json", true, pinned).loadPath())
        .contains(V1);
  }

  @Test
  void loadWithoutAnySavedVersionNamesTheDataset() {
    VersionedPath p =
        VersionedPath.of(
            "regressor", "data/06_models/regressor.json", true, DatasetContext.of(root));
    assertThatThrownBy(p::loadPath)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Did not find any versions of dataset 'regressor'")
        .hasMessageContaining("--load-versions regressor:");
  }

  @Test
  void missingLoadVersionIsAnError() throws IOException {
    saveVersion(V1);
    DatasetContext pinned =
        DatasetContext.builder(root).loadVersions(Map.of("regressor", V2)).build();
    assertThatThrownBy(
            () ->
                VersionedPath.of("regressor", "data/06_models/regressor.json", true, pinned)
                    .loadPath())
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Load version '" + V2 + "' of dataset 'regressor' does not exist")
        .hasMessageContaining("the latest is " + V1);
  }

  @Test
  void savingToAnExistingVersionFails() throws IOException {
    saveVersion(V1);
    DatasetContext ctx = DatasetContext.builder(root).saveVersion(V1).build();
    VersionedPath p = VersionedPath.of("regressor", "data/06_models/regressor.json", true, ctx);
    assertThatThrownBy(p::savePath)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("must not exist if versioning is enabled")
        .hasMessageContaining("'regressor'");
  }

  @Test
  void remoteFileSystemsUseTheDatasetsOwnLookups() {
    DatasetContext ctx = DatasetContext.builder(root).saveVersion(V2).build();
    VersionedPath p = VersionedPath.of("t", "s3a://bucket/t.parquet", true, ctx);
    assertThat(p.isLocal()).isFalse();
    assertThat(p.loadPath(fp -> java.util.Optional.of(V1)))
        .isEqualTo("s3a://bucket/t.parquet/" + V1 + "/t.parquet");
    assertThat(p.savePath(path -> false)).isEqualTo("s3a://bucket/t.parquet/" + V2 + "/t.parquet");
    assertThatThrownBy(p::loadPath).hasMessageContaining("not on the local file system");
  }

  @Test
  void badVersionFormatIsAnError() {
    DatasetContext ctx = DatasetContext.builder(root).saveVersion("yesterday").build();
    assertThatThrownBy(() -> VersionedPath.of("t", "t.csv", true, ctx))
        .hasMessageContaining("Invalid save version 'yesterday'");
  }
}
