package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cached: true} through {@link DataCatalog}, with Kedro's CachedDataset semantics. */
class CachedDatasetTest {
  @TempDir Path root;

  /** Stores a value, counts reads; pins by wrapping the text, as Spark would persist. */
  static final class Stored implements Dataset<String>, Cacheable<String> {
    final List<String> events = new ArrayList<>();
    final @Nullable String refusal;
    @Nullable String stored;
    int loads;

    Stored(@Nullable String refusal) {
      this.refusal = refusal;
    }

    @Override
    public String load() {
      loads++;
      return java.util.Objects.requireNonNull(stored, "nothing saved");
    }

    @Override
    public void save(String data) {
      events.add("save " + data);
      stored = data;
    }

    @Override
    public boolean exists() {
      return stored != null;
    }

    @Override
    public void release() {
      events.add("release");
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of("type", "test.Stored");
    }

    @Override
    public Optional<String> readBackDiffers() {
      return Optional.ofNullable(refusal);
    }

    @Override
    public String pin(String data) {
      events.add("pin " + data);
      return "pinned(" + data + ")";
    }

    @Override
    public void unpin(String pinned) {
      events.add("unpin " + pinned);
    }
  }

  /** Builds {@link Stored} datasets, keeping the last one; refuses when the entry says so. */
  static final class StoredType implements DatasetType {
    final List<DatasetSpec> specs = new ArrayList<>();
    @Nullable Stored last;

    @Override
    public List<String> names() {
      return List.of("test.Stored");
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      specs.add(spec);
      last = new Stored(spec.string("refuse"));
      return last;
    }
  }

  private final StoredType type = new StoredType();

  private DataCatalog catalog(Map<String, Object> entry) {
    return DataCatalog.fromConfig(
        Map.of("table", entry),
        Map.of(),
        DatasetContext.of(root),
        DatasetTypeRegistry.of(List.of(new MemoryDatasetType(), type)));
  }

  private Stored stored() {
    return java.util.Objects.requireNonNull(type.last);
  }

  @Test
  void aLoadAfterASaveGetsThePinnedDataWithoutReadingIt() {
    DataCatalog catalog = catalog(Map.of("type", "test.Stored", "cached", true));

    catalog.save("table", "rows");

    assertThat(catalog.load("table")).isEqualTo("pinned(rows)");
    assertThat(catalog.load("table")).isEqualTo("pinned(rows)");
    assertThat(stored().loads).isZero();
    // The writer wrote the pinned data, the same object the readers get.
    assertThat(stored().events).containsExactly("pin rows", "save pinned(rows)");
    assertThat(catalog.dataset("table")).isInstanceOf(CachedDataset.class);
    assertThat(catalog.dataset("table").describe()).containsEntry("cached", true);
    assertThat(type.specs.get(0).config()).doesNotContainKey("cached");
  }

  @Test
  void withoutTheFlagEveryLoadReads() {
    DataCatalog catalog = catalog(Map.of("type", "test.Stored"));

    catalog.save("table", "rows");
    catalog.load("table");
    catalog.load("table");

    assertThat(stored().loads).isEqualTo(2);
    assertThat(stored().events).containsExactly("save rows");
  }

  @Test
  void aLoadWithNothingCachedReadsOnceThenServesTheCache() {
    DataCatalog catalog = catalog(Map.of("type", "test.Stored", "cached", true));
    catalog.dataset("table");
    stored().stored = "on disk";

    assertThat(catalog.load("table")).isEqualTo("on disk");
    assertThat(catalog.load("table")).isEqualTo("on disk");

    assertThat(stored().loads).isEqualTo(1);
  }

  @Test
  void releaseUnpinsAndDropsTheCacheSoTheNextLoadReads() {
    DataCatalog catalog = catalog(Map.of("type", "test.Stored", "cached", true));
    catalog.save("table", "rows");

    catalog.release("table");

    assertThat(stored().events).endsWith("unpin pinned(rows)", "release");
    assertThat(catalog.load("table")).isEqualTo("pinned(rows)");
    assertThat(stored().loads).isEqualTo(1);
  }

  @Test
  void aSecondSaveUnpinsTheFirst() {
    DataCatalog catalog = catalog(Map.of("type", "test.Stored", "cached", true));
    catalog.save("table", "a");

    catalog.save("table", "b");

    assertThat(catalog.load("table")).isEqualTo("pinned(b)");
    assertThat(stored().events)
        .containsExactly("pin a", "save pinned(a)", "pin b", "save pinned(b)", "unpin pinned(a)");
  }

  @Test
  void anEntryWhoseReadBackDiffersIsRefusedWithTheReason() {
    DataCatalog catalog =
        catalog(Map.of("type", "test.Stored", "cached", true, "refuse", "CSV infers types"));

    assertThatThrownBy(() -> catalog.dataset("table"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'table'")
        .hasMessageContaining("'cached: true' is refused")
        .hasMessageContaining("CSV infers types");
  }

  @Test
  void aMemoryDatasetCanBeCachedAndExistsAfterASave() {
    DataCatalog catalog = catalog(Map.of("type", "MemoryDataset", "cached", true));
    assertThat(catalog.exists("table")).isFalse();

    catalog.save("table", List.of(1, 2));

    assertThat(catalog.exists("table")).isTrue();
    assertThat(catalog.load("table")).isEqualTo(List.of(1, 2));
  }
}
