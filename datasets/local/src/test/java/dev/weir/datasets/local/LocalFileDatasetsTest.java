package dev.weir.datasets.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileDatasetsTest {
  @TempDir Path root;

  record Metrics(String model, double r2, List<String> features) {}

  /** A value Jackson fails on part-way: the first property is written, the second throws. */
  public static final class Exploding {
    public String getA() {
      return "written first";
    }

    public String getB() {
      throw new IllegalStateException("boom");
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Dataset<T> create(
      DatasetType type, String name, Map<String, Object> config, DatasetContext context) {
    return (Dataset<T>)
        type.create(
            new DatasetSpec(
                name, type.names().get(0), config, Map.of("token", "s3cr3t-value"), "catalog.yml"),
            context);
  }

  private Dataset<Object> json(String file) {
    return create(
        new LocalFileTypes.Json(), "metrics", Map.of("filepath", file), DatasetContext.of(root));
  }

  @Test
  void jsonSavesRecordsAndLoadsPlainValues() throws Exception {
    Dataset<Object> ds = json("data/08_reporting/metrics.json");
    assertThat(ds.exists()).isFalse();
    ds.save(new Metrics("ols", 0.5, List.of("engines", "crew")));
    assertThat(ds.exists()).isTrue();
    assertThat(ds.load())
        .isEqualTo(Map.of("model", "ols", "r2", 0.5, "features", List.of("engines", "crew")));
    assertThat(Files.readString(root.resolve("data/08_reporting/metrics.json")))
        .contains("\n  \"model\"");
  }

  @Test
  void failedSaveKeepsThePreviousFileAndLeavesNoStagingFile() throws Exception {
    Dataset<Object> ds = json("out/m.json");
    ds.save(Map.of("v", 1));
    assertThatThrownBy(() -> ds.save(new Exploding()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'metrics'")
        .hasMessageContaining("unchanged");
    assertThat(ds.load()).isEqualTo(Map.of("v", 1));
    try (Stream<Path> files = Files.list(root.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.json");
    }
  }

  @Test
  void versionedSavesLoadLatestOrTheRequestedVersion() {
    Map<String, Object> config = Map.of("filepath", "data/params.yml", "versioned", true);
    DatasetType type = new LocalFileTypes.Yaml();
    create(
            type,
            "p",
            config,
            DatasetContext.builder(root).saveVersion("2024-01-01T00.00.00.000Z").build())
        .save(Map.of("alpha", 1));
    Dataset<Object> second =
        create(
            type,
            "p",
            config,
            DatasetContext.builder(root).saveVersion("2024-02-01T00.00.00.000Z").build());
    second.save(Map.of("alpha", 2));
    assertThat(root.resolve("data/params.yml/2024-01-01T00.00.00.000Z/params.yml")).isRegularFile();
    assertThat(second.load()).isEqualTo(Map.of("alpha", 2));
    Dataset<Object> pinned =
        create(
            type,
            "p",
            config,
            DatasetContext.builder(root)
                .loadVersions(Map.of("p", "2024-01-01T00.00.00.000Z"))
                .build());
    assertThat(pinned.load()).isEqualTo(Map.of("alpha", 1));
    assertThatThrownBy(() -> second.save(Map.of("alpha", 3)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("already saved");
    Dataset<Object> missing =
        create(
            type,
            "p",
            config,
            DatasetContext.builder(root)
                .loadVersions(Map.of("p", "2023-01-01T00.00.00.000Z"))
                .build());
    assertThat(missing.exists()).isFalse();
    assertThatThrownBy(missing::load)
        .hasMessageContaining("2023-01-01T00.00.00.000Z does not exist");
  }

  @Test
  void yamlLoadsSafelyAndDumpsRecordsWithoutTags() throws Exception {
    Files.writeString(root.resolve("evil.yml"), "x: !!java.io.File [\"/etc/passwd\"]\n");
    Dataset<Object> evil =
        create(
            new LocalFileTypes.Yaml(),
            "evil",
            Map.of("filepath", "evil.yml"),
            DatasetContext.of(root));
    assertThatThrownBy(evil::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'evil'");
    Dataset<Object> ds =
        create(
            new LocalFileTypes.Yaml(), "m", Map.of("filepath", "m.yml"), DatasetContext.of(root));
    ds.save(new Metrics("ols", 0.25, List.of("a")));
    assertThat(Files.readString(root.resolve("m.yml"))).doesNotContain("!!").contains("model: ols");
    assertThat(ds.load()).isEqualTo(Map.of("model", "ols", "r2", 0.25, "features", List.of("a")));
  }

  @Test
  void textAndBinaryRoundTrip() {
    Dataset<String> text =
        create(
            new LocalFileTypes.Text(),
            "t",
            Map.of("filepath", "t.txt", "encoding", "ISO-8859-1"),
            DatasetContext.of(root));
    text.save("café");
    assertThat(text.load()).isEqualTo("café");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    Dataset<byte[]> bin =
        create(
            new LocalFileTypes.Binary(),
            "chart",
            Map.of("filepath", "chart.png"),
            DatasetContext.of(root));
    bin.save(png);
    assertThat(bin.load()).containsExactly(png);
    assertThat(
            new String(
                text.load().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
        .isEqualTo("café");
  }

  @Test
  void missingFileUnknownKeyAndNonLocalPathAreClearErrors() {
    assertThatThrownBy(json("nope.json")::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'metrics'")
        .hasMessageContaining("nope.json");
    assertThatThrownBy(
            () ->
                create(
                    new LocalFileTypes.Json(),
                    "m",
                    Map.of("filepath", "a.json", "file_path", "x"),
                    DatasetContext.of(root)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("unknown key 'file_path'")
        .hasMessageContaining("Did you mean: filepath?");
    assertThatThrownBy(
            () ->
                create(
                    new LocalFileTypes.Text(),
                    "m",
                    Map.of("filepath", "s3a://bucket/a.txt"),
                    DatasetContext.of(root)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("not a local path");
    assertThatThrownBy(
            () ->
                create(
                    new LocalFileTypes.Text(),
                    "m",
                    Map.of("filepath", "a.txt", "encoding", "klingon-8"),
                    DatasetContext.of(root)))
        .hasMessageContaining("unknown encoding 'klingon-8'");
  }

  @Test
  void describeNamesTheFileAndNeverTheCredentials() {
    for (DatasetType type :
        List.of(
            new LocalFileTypes.Json(),
            new LocalFileTypes.Yaml(),
            new LocalFileTypes.Text(),
            new LocalFileTypes.Binary())) {
      Map<String, Object> d =
          create(type, "x", Map.of("filepath", "x.bin"), DatasetContext.of(root)).describe();
      assertThat(d).containsEntry("name", "x").containsKey("filepath");
      assertThat(d.toString()).doesNotContain("s3cr3t-value");
    }
  }
}
