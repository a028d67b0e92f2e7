package dev.weir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTypeRegistryTest {
  @Test
  void installedTypesIncludeMemoryDatasetUnderAllItsNames() {
    DatasetTypeRegistry registry = DatasetTypeRegistry.loadInstalled();
    assertThat(registry.names())
        .contains("MemoryDataset", "io.MemoryDataset", "dev.weir.io.MemoryDataset");
    assertThat(registry.get("io.MemoryDataset")).isInstanceOf(MemoryDatasetType.class);
    assertThat(DatasetTypeRegistry.canonicalName(registry.get("dev.weir.io.MemoryDataset")))
        .isEqualTo("MemoryDataset");
  }

  @Test
  void fullyQualifiedNameOfATypeClassResolvesWithoutRegistration() {
    DatasetTypeRegistry registry = DatasetTypeRegistry.of(List.of());
    DatasetType type = registry.get(RecordingType.class.getName());
    assertThat(type).isInstanceOf(RecordingType.class);
    assertThat(registry.get(RecordingType.class.getName())).isSameAs(type);
  }

  @Test
  void unknownTypeListsClosestNames() {
    DatasetTypeRegistry registry = DatasetTypeRegistry.of(List.of(new MemoryDatasetType()));
    assertThatThrownBy(() -> registry.get("memorydataset2"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown dataset type 'memorydataset2'")
        .hasMessageContaining("Did you mean: MemoryDataset");
    assertThat(registry.find("java.lang.String")).isEmpty();
  }
}
