package dev.weir.io;

import java.util.List;
import java.util.Set;

/**
 * The {@code MemoryDataset} catalog type. Entry keys: {@code copy_mode} ({@code assign} or {@code
 * copy}, default {@code assign}), {@code data} (initial value, optional), {@code metadata}
 * (ignored). Names: {@code MemoryDataset}, {@code io.MemoryDataset}, {@code kedro.io.MemoryDataset}
 * and {@code dev.weir.io.MemoryDataset}.
 */
public final class MemoryDatasetType implements DatasetType {
  private static final Set<String> KEYS = Set.of("copy_mode", "data");

  /** Used by {@link java.util.ServiceLoader}. */
  public MemoryDatasetType() {}

  @Override
  public List<String> names() {
    return List.of(
        "MemoryDataset",
        "io.MemoryDataset",
        "kedro.io.MemoryDataset",
        MemoryDataset.class.getName());
  }

  /**
   * @throws DatasetException on an unknown key or copy mode, naming the dataset
   */
  @Override
  public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
    for (String key : spec.options().keySet()) {
      if (!KEYS.contains(key)) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "' (MemoryDataset) has an unknown key '"
                + key
                + "'; allowed keys: copy_mode, data (and metadata).");
      }
    }
    String mode = spec.string("copy_mode");
    try {
      return new MemoryDataset<>(spec.config().get("data"), mode == null ? "assign" : mode);
    } catch (DatasetException e) {
      throw new DatasetException("Dataset '" + spec.name() + "': " + e.getMessage(), e);
    }
  }
}
