package dev.weir.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path conf;

  private void write(String relative, String yaml) throws IOException {
    Path file = conf.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  private ConfigLoader loader(@Nullable String env) {
    return ConfigLoader.builder(conf)
        .env(env)
        .environmentVariables(Map.of("DB_PASSWORD", "s3cret")::get)
        .build();
  }

  @Test
  void runEnvironmentReplacesBasePerTopLevelKey() throws IOException {
    write("base/parameters.yml", "model:\n  alpha: 1\n  beta: 2\nseed: 7\n");
    write("local/parameters.yml", "model:\n  alpha: 10\n");
    Map<String, Object> params = loader(null).get("parameters");
    assertThat(params).containsEntry("seed", 7).containsEntry("model", Map.of("alpha", 10));
  }

  @Test
  void parametersMayOptIntoDeepMerge() throws IOException {
    write("base/parameters.yml", "model:\n  alpha: 1\n  beta: 2\n");
    write("local/parameters.yml", "model:\n  alpha: 10\n");
    ConfigLoader loader = ConfigLoader.load(conf, "local", Map.of(), Set.of("parameters"));
    assertThat(loader.parameters()).containsEntry("model", Map.of("alpha", 10, "beta", 2));
  }

  @Test
  void envComesFromWeirEnvThenDefaultsToLocal() throws IOException {
    write("base/catalog.yml", "a: {type: MemoryDataset}\n");
    Files.createDirectories(conf.resolve("prod"));
    ConfigLoader fromVar =
        ConfigLoader.builder(conf).environmentVariables(Map.of("WEIR_ENV", "prod")::get).build();
    assertThat(fromVar.env()).isEqualTo("prod");
    assertThat(ConfigLoader.builder(conf).environmentVariables(k -> null).build().env())
        .isEqualTo("local");
  }

  @Test
  void missingLocalFolderIsFineButOtherEnvironmentsMustExist() throws IOException {
    write("base/parameters.yml", "a: 1\n");
    assertThat(loader("local").get("parameters")).containsEntry("a", 1);
    assertThatThrownBy(() -> loader("staging"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Environment 'staging'")
        .hasMessageContaining(conf.resolve("staging").toString());
  }

  @Test
  void filesInSubFoldersAndPrefixedNamesAreRead() throws IOException {
    write("base/catalog.yml", "a: {type: MemoryDataset}\n");
    write("base/catalog/extra.yml", "b: {type: MemoryDataset}\n");
    write("base/pipelines/ds/catalog_ds.yaml", "c: {type: MemoryDataset}\n");
    write("base/parameters_ds.yml", "p: 1\n");
    write("base/other.yml", "d: {type: MemoryDataset}\n");
    write("base/.ipynb_checkpoints/catalog.yml", "e: {type: MemoryDataset}\n");
    ConfigLoader loader = loader(null);
    assertThat(loader.catalog()).containsOnlyKeys("a", "b", "c");
    assertThat(loader.parameters()).containsOnlyKeys("p");
    assertThat(loader.sources("catalog").get("c")).endsWith("catalog_ds.yaml");
  }

  @Test
  void duplicateKeyInOneEnvironmentNamesBothFiles() throws IOException {
    write("base/catalog.yml", "companies: {type: MemoryDataset}\n");
    write("base/catalog_more.yml", "companies: {type: MemoryDataset}\n");
    assertThatThrownBy(() -> loader(null).catalog())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Duplicate key 'companies'")
        .hasMessageContaining(conf.resolve("base/catalog.yml").toString())
        .hasMessageContaining(conf.resolve("base/catalog_more.yml").toString());
  }

  @Test
  void malformedYamlReportsFileLineAndColumn() throws IOException {
    write("base/catalog.yml", "a:\n  type: MemoryDataset\n  bad: [1, 2\n");
    assertThatThrownBy(() -> loader(null).catalog())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Malformed YAML in " + conf.resolve("base/catalog.yml") + ":4:1");
  }

  @Test
  void duplicateKeyWithinOneFileIsMalformed() throws IOException {
    write("base/parameters.yml", "a: 1\nb: 2\na: 3\n");
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(conf.resolve("base/parameters.yml") + ":3:1")
        .hasMessageContaining("duplicate key a");
  }

  @Test
  void javaTagIsRejected() throws IOException {
    write("base/parameters.yml", "f: !!java.io.File /etc/passwd\n");
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(conf.resolve("base/parameters.yml").toString())
        .hasMessageContaining("java.io.File")
        .hasMessageContaining("does not construct objects from tags");
  }

  @Test
  void customTagIsRejected() throws IOException {
    write("base/parameters.yml", "f: !custom value\n");
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":1:4")
        .hasMessageContaining("!custom");
  }

  @Test
  void aliasBombHitsTheAliasLimit() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String previous = "a";
    for (char c = 'b'; c <= 'i'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      yaml.append("]\n");
      previous = String.valueOf(c);
    }
    write("base/parameters.yml", yaml.toString());
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(conf.resolve("base/parameters.yml").toString())
        .hasMessageContaining("aliases")
        .hasMessageContaining("alias bombs");
  }

  @Test
  void templatesAreDroppedAfterInterpolation() throws IOException {
    write(
        "base/catalog.yml",
        "_csv: &csv\n  type: MemoryDataset\n  copy_mode: copy\n"
            + "a: ${_csv}\n"
            + "b:\n  <<: *csv\n");
    Map<String, Object> catalog = loader(null).catalog();
    assertThat(catalog).containsOnlyKeys("a", "b");
    assertThat(catalog.get("a")).isEqualTo(Map.of("type", "MemoryDataset", "copy_mode", "copy"));
    assertThat(catalog.get("b")).isEqualTo(Map.of("type", "MemoryDataset", "copy_mode", "copy"));
  }

  @Test
  void wholeValueReferenceKeepsTypeAndEmbeddedBecomesText() throws IOException {
    write(
        "base/parameters.yml",
        "base_rate: 0.5\nopts: {n: 3}\n"
            + "rate: ${base_rate}\ncopy: ${opts}\nlabel: rate=${base_rate}\nfirst: ${list.1}\nlist: [a, b]\n"
            + "literal: \\${not_a_ref}\n");
    Map<String, Object> params = loader(null).parameters();
    assertThat(params.get("rate")).isEqualTo(0.5);
    assertThat(params.get("copy")).isEqualTo(Map.of("n", 3));
    assertThat(params.get("label")).isEqualTo("rate=0.5");
    assertThat(params.get("first")).isEqualTo("b");
    assertThat(params.get("literal")).isEqualTo("${not_a_ref}");
  }

  @Test
  void globalsAndRuntimeParamsAreInterpolated() throws IOException {
    write("base/globals.yml", "bucket: s3://data\nfolders: {raw: 01_raw}\n");
    write(
        "base/catalog.yml",
        "a:\n  type: MemoryDataset\n  path: ${globals:bucket}/${globals:folders.raw}/a.csv\n"
            + "  fmt: ${globals:format, parquet}\n");
    write(
        "base/parameters.yml", "size: ${runtime_params:size, 10}\nname: ${runtime_params:name}\n");
    ConfigLoader loader =
        ConfigLoader.builder(conf).runtimeParams(RuntimeParams.parse("name=x,size=3")).build();
    assertThat(loader.catalog().get("a"))
        .isEqualTo(
            Map.of("type", "MemoryDataset", "path", "s3://data/01_raw/a.csv", "fmt", "parquet"));
    assertThat(loader.get("parameters")).containsEntry("size", 3).containsEntry("name", "x");
    ConfigLoader defaults = ConfigLoader.builder(conf).runtimeParams(Map.of("name", "y")).build();
    assertThat(defaults.get("parameters")).containsEntry("size", 10);
  }

  @Test
  void runtimeParamsOverrideParametersKeyByKey() throws IOException {
    write("base/parameters.yml", "model_options:\n  test_size: 0.2\n  random_state: 3\n");
    ConfigLoader loader =
        ConfigLoader.load(
            conf, null, RuntimeParams.parse("model_options.test_size=0.3,extra=true"));
    assertThat(loader.parameters())
        .containsEntry("model_options", Map.of("test_size", 0.3, "random_state", 3))
        .containsEntry("extra", true);
  }

  @Test
  void envVariablesResolveInCredentialsOnly() throws IOException {
    write(
        "base/credentials.yml",
        "db:\n  user: admin\n  password: ${env:DB_PASSWORD}\n  host: ${oc.env:DB_HOST, localhost}\n");
    write("base/parameters.yml", "p: ${env:DB_PASSWORD}\n");
    ConfigLoader loader = loader(null);
    assertThat(loader.credentials().get("db"))
        .isEqualTo(Map.of("user", "admin", "password", "s3cret", "host", "localhost"));
    assertThatThrownBy(loader::parameters)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allowed in credentials only")
        .hasMessageContaining("key 'p'")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void unsetEnvVariableWithoutDefaultIsAnError() throws IOException {
    write("base/credentials.yml", "db:\n  token: ${env:MISSING_TOKEN}\n");
    assertThatThrownBy(() -> loader(null).credentials())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MISSING_TOKEN is not set")
        .hasMessageContaining("db.token");
  }

  @Test
  void unresolvedInterpolationNamesKeyAndFile() throws IOException {
    write("base/catalog.yml", "a:\n  type: MemoryDataset\n  path: ${base_path}/a\n");
    assertThatThrownBy(() -> loader(null).catalog())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'a.path'")
        .hasMessageContaining(conf.resolve("base/catalog.yml").toString())
        .hasMessageContaining("${base_path}");
    write("base/parameters.yml", "x: ${globals:nope}\n");
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("key 'x'")
        .hasMessageContaining("parameters.yml")
        .hasMessageContaining("${globals:nope}");
  }

  @Test
  void referenceCycleIsAnError() throws IOException {
    write("base/parameters.yml", "a: ${b}\nb: ${a}\n");
    assertThatThrownBy(() -> loader(null).parameters())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refers to itself");
  }

  @Test
  void datesStayText() throws IOException {
    write("base/parameters.yml", "run_date: 2024-01-31\nflag: yes\n");
    assertThat(loader(null).parameters())
        .containsEntry("run_date", "2024-01-31")
        .containsEntry("flag", true);
  }

  @Test
  void resultsAreUnmodifiableAndCached() throws IOException {
    write("base/parameters.yml", "a: {b: [1]}\n");
    ConfigLoader loader = loader(null);
    Map<String, Object> params = loader.get("parameters");
    assertThat(loader.get("parameters")).isSameAs(params);
    assertThatThrownBy(() -> params.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) Objects.requireNonNull(params.get("a"));
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) Objects.requireNonNull(a.get("b"));
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void missingConfSourceOrBaseIsAnError() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(conf.resolve("nope"), null, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> ConfigLoader.load(conf, null, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("has no 'base' folder");
  }

  @Test
  void readsConfigurationInsideAZipFileSystem(@TempDir Path tmp) throws IOException {
    Path zip = tmp.resolve("project.jar");
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
      Path base = fs.getPath("/conf/base/catalog");
      Files.createDirectories(base);
      Files.writeString(base.resolve("x.yml"), "a: {type: MemoryDataset}\n");
      Files.createDirectories(fs.getPath("/conf/local"));
      Files.writeString(fs.getPath("/conf/local/parameters.yml"), "p: 2\n");
    }
    try (FileSystem fs = FileSystems.newFileSystem(zip)) {
      ConfigLoader loader = ConfigLoader.load(fs.getPath("/conf"), null, Map.of());
      assertThat(loader.catalog()).containsOnlyKeys("a");
      assertThat(loader.parameters()).containsEntry("p", 2);
    }
  }
}
