package dev.weir.io;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Data held in memory for the length of a run, as Kedro's {@code MemoryDataset}. Copy modes:
 * {@code assign} (default: the object itself is handed on) and {@code copy} (collections and maps
 * are copied on load and save, so a node cannot change another node's input).
 *
 * @param <T> the data type
 */
public final class MemoryDataset<T> implements Dataset<T> {
  private volatile @Nullable T data;
  private final String copyMode;

  /** An empty dataset in {@code assign} mode. */
  public MemoryDataset() {
    this(null, "assign");
  }

  /**
   * @param data initial data, or {@code null} for none
   * @param copyMode {@code assign} or {@code copy}
   * @throws DatasetException for another copy mode
   */
  public MemoryDataset(@Nullable T data, String copyMode) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public T load() {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public void save(T data) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public boolean exists() {
    return data != null;
  }

  @Override
  public void release() {
    data = null;
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("type", "MemoryDataset", "copy_mode", copyMode);
  }
}
