package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCatalogTest {
  @TempDir Path root;

  /** A dataset that can confirm. */
  static final class ConfirmingDataset implements Dataset<String>, Confirmable {
    boolean confirmed;

    @Override
    public String load() {
      return "x";
    }

    @Override
    public void save(String data) {}

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("type", "test.Confirming");
    }

    @Override
    public void confirm() {
      confirmed = true;
    }
  }

  private final RecordingType recording = new RecordingType();
  private final DatasetTypeRegistry registry =
      DatasetTypeRegistry.of(List.of(new MemoryDatasetType(), recording));

  private DataCatalog catalog(Map<String, Object> config) {
    return catalog(config, Map.of());
  }

  private DataCatalog catalog(Map<String, Object> config, Map<String, Object> credentials) {
    return DataCatalog.fromConfig(config, credentials, DatasetContext.of(root), registry);
  }

  private static Map<String, Object> entry(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void datasetsAreCreatedLazilyOnceAndWithTheirConfig() {
    DataCatalog c =
        catalog(
            Map.of("companies", entry("type", "test.Recording", "filepath", "data/companies.csv")));
    assertThat(recording.created).hasValue(0);
    c.save("companies", List.of(1));
    assertThat(c.load("companies")).isEqualTo(List.of(1));
    assertThat(recording.created).hasValue(1);
    assertThat(recording.specs.get(0).config()).containsEntry("filepath", "data/companies.csv");
  }

  @Test
  void factoriesFillPlaceholdersIntoNestedValues() {
    DataCatalog c =
        catalog(
            Map.of(
                "{namespace}.{name}_raw",
                entry(
                    "type",
                    "test.Recording",
                    "filepath",
                    "data/01_raw/{namespace}/{name}.csv",
                    "load_args",
                    Map.of("sheet", "{name}"),
                    "columns",
                    List.of("{name}_id", 3))));
    DatasetSpec spec = c.spec("france.companies_raw").orElseThrow();
    assertThat(spec.config())
        .containsEntry("filepath", "data/01_raw/france/companies.csv")
        .containsEntry("load_args", Map.of("sheet", "companies"))
        .containsEntry("columns", List.of("companies_id", 3));
    assertThat(c.contains("france.companies_raw")).isTrue();
    assertThat(c.contains("companies")).isFalse();
    assertThat(c.typeName("france.companies_raw")).isEqualTo("test.Recording");
  }

  @Test
  void factoriesAreRankedAsKedroRanksThem() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("{default}", entry("type", "MemoryDataset"));
    config.put("{namespace}.{name}", entry("type", "test.Recording"));
    config.put("{namespace}.int_{name}{a}", entry("type", "test.Recording"));
    config.put("{namespace}.ant_{name}{c}", entry("type", "test.Recording"));
    config.put("{name}_raw", entry("type", "test.Recording"));
    config.put("{x}_{y}_raw", entry("type", "test.Recording"));
    DataCatalog c = catalog(config);
    assertThat(c.patterns())
        .containsExactly(
            "{namespace}.ant_{name}{c}",
            "{namespace}.int_{name}{a}",
            "{x}_{y}_raw",
            "{name}_raw",
            "{namespace}.{name}",
            "{default}");
    assertThat(c.resolvePattern("a_b_raw")).contains("{x}_{y}_raw");
    assertThat(c.resolvePattern("ab_raw")).contains("{name}_raw");
    assertThat(c.resolvePattern("fr.cars")).contains("{namespace}.{name}");
    assertThat(c.resolvePattern("anything")).contains("{default}");
    assertThat(c.isMemory("anything")).isTrue();
    assertThat(c.isMemory("fr.cars")).isFalse();
  }

  @Test
  void repeatedPlaceholderMustMatchTheSameText() {
    DataCatalog c = catalog(Map.of("{a}.{a}", entry("type", "test.Recording")));
    assertThat(c.resolvePattern("x.x")).contains("{a}.{a}");
    assertThat(c.resolvePattern("x.y")).isEmpty();
  }

  @Test
  void atMostOneCatchAll() {
    assertThatThrownBy(
            () ->
                catalog(
                    Map.of(
                        "{a}",
                        entry("type", "MemoryDataset"),
                        "{b}",
                        entry("type", "MemoryDataset"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Multiple catch-all patterns")
        .hasMessageContaining("{a}")
        .hasMessageContaining("{b}");
  }

  @Test
  void placeholderNotInPatternIsAnError() {
    DataCatalog c =
        catalog(Map.of("{name}_raw", entry("type", "test.Recording", "filepath", "{other}.csv")));
    assertThatThrownBy(() -> c.dataset("x_raw"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'{other}'")
        .hasMessageContaining("x_raw");
  }

  @Test
  void transcodedNamesAreLookedUpByTheirFullName() {
    DataCatalog c =
        catalog(
            Map.of(
                "table@spark", entry("type", "test.Recording", "format", "delta"),
                "table@memory", entry("type", "MemoryDataset")));
    assertThat(c.typeName("table@spark")).isEqualTo("test.Recording");
    assertThat(c.typeName("table@memory")).isEqualTo("MemoryDataset");
    assertThat(c.contains("table")).isFalse();
    assertThat(c.spec("table@spark").orElseThrow().config()).containsEntry("format", "delta");
  }

  @Test
  void entryWithoutTypeHintsAtTemplates() {
    assertThatThrownBy(() -> catalog(Map.of("base_csv", entry("filepath", "x.csv"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'base_csv'")
        .hasMessageContaining("has no 'type'")
        .hasMessageContaining("prefix its name with '_'");
  }

  @Test
  void unknownTypeSuggestsClosestRegisteredNames() {
    assertThatThrownBy(() -> catalog(Map.of("a", entry("type", "MemoryDatset"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Catalog entry 'a'")
        .hasMessageContaining("Unknown dataset type 'MemoryDatset'")
        .hasMessageContaining("Did you mean: MemoryDataset");
  }

  @Test
  void entrySourceIsNamedInMessages() {
    assertThatThrownBy(
            () ->
                DataCatalog.fromConfig(
                    Map.of("a", entry("type", "Nope")),
                    Map.of(),
                    Map.of("a", "conf/base/catalog.yml"),
                    DatasetContext.of(root),
                    registry))
        .hasMessageContaining("(in conf/base/catalog.yml)");
  }

  @Test
  void missingCredentialsNameTheBlockAndWhereItWasLookedFor() {
    Map<String, Object> creds = Map.of("db_credentials", Map.of("password", "hunter2"));
    assertThatThrownBy(
            () ->
                catalog(
                    Map.of("a", entry("type", "test.Recording", "credentials", "db_creds")), creds))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("credentials 'db_creds'")
        .hasMessageContaining("credentials*.yml")
        .hasMessageContaining("conf/base")
        .hasMessageContaining("Did you mean: db_credentials")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void credentialsAreHandedOverApartFromConfigAndMetadataIsKept() {
    Map<String, Object> creds = Map.of("db", Map.of("password", "hunter2"));
    DataCatalog c =
        catalog(
            Map.of(
                "a",
                entry(
                    "type",
                    "test.Recording",
                    "credentials",
                    "db",
                    "versioned",
                    true,
                    "metadata",
                    Map.of("layer", "01_raw"))),
            creds);
    DatasetSpec spec = c.spec("a").orElseThrow();
    assertThat(spec.credentials()).containsEntry("password", "hunter2");
    assertThat(spec.config()).doesNotContainKey("credentials").containsEntry("versioned", true);
    assertThat(spec.metadata()).containsEntry("layer", "01_raw");
    assertThat(spec.options()).doesNotContainKey("metadata").containsEntry("versioned", true);
    assertThat(c.dataset("a")).isNotNull();
  }

  @Test
  void memoryEntryAcceptsMetadata() {
    DataCatalog c =
        catalog(Map.of("m", entry("type", "MemoryDataset", "metadata", Map.of("layer", "x"))));
    c.save("m", "v");
    assertThat(c.load("m")).isEqualTo("v");
  }

  @Test
  void unknownDatasetSuggestsClosestNames() {
    DataCatalog c = catalog(Map.of("companies", entry("type", "MemoryDataset")));
    assertThatThrownBy(() -> c.load("compnies"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'compnies' not found")
        .hasMessageContaining("Did you mean: companies");
    assertThat(c.exists("compnies")).isFalse();
  }

  @Test
  void savingNullIsRefused() {
    DataCatalog c = catalog(Map.of());
    assertThatThrownBy(() -> c.save("x", null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Saving 'null' to dataset 'x' is not allowed");
  }

  @Test
  void unknownNamesSavedBecomeMemoryDatasets() {
    DataCatalog c = catalog(Map.of("a", entry("type", "test.Recording")));
    c.save("intermediate", 42);
    assertThat(c.load("intermediate")).isEqualTo(42);
    assertThat(c.isMemory("intermediate")).isTrue();
    assertThat(c.typeName("intermediate")).isEqualTo("MemoryDataset");
    assertThat(c.listDatasets()).containsExactly("a", "intermediate");
    c.release("intermediate");
    assertThat(c.exists("intermediate")).isFalse();
  }

  @Test
  void parametersAreAvailableAsParamsAndParameters() {
    DataCatalog c = catalog(Map.of());
    c.addParameters(
        Map.of("model_options", Map.of("test_size", 0.2, "features", List.of("a")), "seed", 1));
    assertThat(c.load("params:model_options.test_size")).isEqualTo(0.2);
    assertThat(c.load("params:seed")).isEqualTo(1);
    assertThat(c.load("params:model_options"))
        .isEqualTo(Map.of("test_size", 0.2, "features", List.of("a")));
    assertThat(c.load("parameters")).isEqualTo(c.parameters());
    assertThat(c.listDatasets()).isEmpty();
    assertThatThrownBy(() -> c.load("params:model_option"))
        .hasMessageContaining("Parameter 'params:model_option' not found")
        .hasMessageContaining("params:model_options");
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) c.load("params:model_options");
    assertThatThrownBy(() -> options.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    c.addParameters(Map.of("seed", 2));
    assertThat(c.load("params:seed")).isEqualTo(2);
    assertThat(c.contains("params:model_options")).isFalse();
  }

  @Test
  void paramsNeverMatchACatchAll() {
    DataCatalog c = catalog(Map.of("{default}", entry("type", "MemoryDataset")));
    assertThat(c.contains("params:x")).isFalse();
  }

  @Test
  void addRefusesExistingNamesUnlessReplacing() {
    DataCatalog c = catalog(Map.of("a", entry("type", "test.Recording")));
    ConfirmingDataset d = new ConfirmingDataset();
    assertThatThrownBy(() -> c.add("a", d, false)).hasMessageContaining("already been registered");
    c.add("a", d, true);
    assertThat(c.typeName("a")).isEqualTo("test.Confirming");
    assertThat(c.isMemory("a")).isFalse();
    c.confirm("a");
    assertThat(d.confirmed).isTrue();
    c.addFeedDict(Map.of("b", "value"), false);
    assertThat(c.load("b")).isEqualTo("value");
    assertThatThrownBy(() -> c.confirm("b"))
        .hasMessageContaining("does not have a 'confirm' method");
  }

  @Test
  void ofBuildsACatalogFromDatasets() {
    DataCatalog c = DataCatalog.of(Map.of("x", new MemoryDataset<>("v", "assign")));
    assertThat(c.load("x")).isEqualTo("v");
    assertThat(c.listDatasets()).containsExactly("x");
  }

  @Test
  void failingDatasetErrorsNameTheDataset() {
    DataCatalog c = catalog(Map.of());
    c.add(
        "broken",
        new Dataset<String>() {
          @Override
          public String load() {
            throw new IllegalStateException("disk on fire");
          }

          @Override
          public void save(String data) {
            throw new IllegalStateException("disk on fire");
          }

          @Override
          public boolean exists() {
            return true;
          }

          @Override
          public Map<String, Object> describe() {
            return Map.of("type", "test.Broken");
          }
        },
        false);
    assertThatThrownBy(() -> c.load("broken"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Failed while loading data from dataset 'broken'")
        .hasMessageContaining("disk on fire");
    assertThatThrownBy(() -> c.save("broken", "x"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Failed while saving data to dataset 'broken'");
  }

  @Test
  void concurrentFirstUseCreatesEachDatasetOnce() throws Exception {
    Map<String, Object> config = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      config.put("d" + i, entry("type", "test.Recording"));
    }
    DataCatalog c = catalog(config);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 20; i++) {
                    c.save("d" + i, thread);
                    c.load("d" + i);
                    c.save("out" + thread + "_" + i, i);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(recording.created).hasValue(20);
    assertThat(c.listDatasets()).hasSize(20 + 8 * 20);
    assertThat(c.load("out3_7")).isEqualTo(7);
  }
}
