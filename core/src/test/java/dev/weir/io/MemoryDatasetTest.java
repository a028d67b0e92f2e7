package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryDatasetTest {
  @Test
  void assignHandsOnTheSameObject() {
    MemoryDataset<List<Integer>> ds = new MemoryDataset<>();
    List<Integer> data = new ArrayList<>(List.of(1));
    ds.save(data);
    assertThat(ds.load()).isSameAs(data);
  }

  @Test
  void copyProtectsSavedDataFromChanges() {
    MemoryDataset<List<Integer>> ds = new MemoryDataset<>(null, "copy");
    List<Integer> data = new ArrayList<>(List.of(1));
    ds.save(data);
    data.add(2);
    List<Integer> loaded = ds.load();
    assertThat(loaded).containsExactly(1).isNotSameAs(data);
    loaded.add(3);
    assertThat(ds.load()).containsExactly(1);
    MemoryDataset<Map<String, Integer>> maps =
        new MemoryDataset<>(new HashMap<>(Map.of("a", 1)), "copy");
    maps.load().put("b", 2);
    assertThat(maps.load()).containsOnlyKeys("a");
  }

  // save(null) on purpose: the runtime guard for callers NullAway does not check.
  @Test
  @SuppressWarnings("NullAway")
  void loadBeforeSaveAndNullSaveAreErrors() {
    MemoryDataset<String> ds = new MemoryDataset<>();
    assertThat(ds.exists()).isFalse();
    assertThatThrownBy(ds::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("has not been saved yet");
    assertThatThrownBy(() -> ds.save(null))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("null");
    ds.save("x");
    ds.release();
    assertThat(ds.exists()).isFalse();
  }

  @Test
  void unknownCopyModeIsAnError() {
    assertThatThrownBy(() -> new MemoryDataset<>(null, "deep"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("'deep'")
        .hasMessageContaining("assign");
  }

  @Test
  void typeReadsCopyModeAndInitialDataAndRejectsUnknownKeys() {
    DatasetContext ctx = DatasetContext.of(Path.of("."));
    Dataset<?> ds =
        new MemoryDatasetType()
            .create(
                new DatasetSpec(
                    "m", "MemoryDataset", Map.of("copy_mode", "copy", "data", 5), Map.of(), null),
                ctx);
    assertThat(ds.load()).isEqualTo(5);
    assertThat(ds.describe()).containsEntry("copy_mode", "copy");
    assertThatThrownBy(
            () ->
                new MemoryDatasetType()
                    .create(
                        new DatasetSpec(
                            "m", "MemoryDataset", Map.of("filepath", "x"), Map.of(), null),
                        ctx))
        .hasMessageContaining("Dataset 'm'")
        .hasMessageContaining("'filepath'");
  }
}
