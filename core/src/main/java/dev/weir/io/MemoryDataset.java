package dev.weir.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Data held in memory for the length of a run, as Kedro's {@code MemoryDataset}
 * (kedro/io/memory_dataset.py). Copy modes: {@code assign} (default: the object itself is handed
 * on, right for Spark DataFrames, which are immutable plans) and {@code copy} (a {@link List},
 * {@link Set} or {@link Map} is copied shallowly on save and on load, so a node that changes its
 * input cannot change another node's; other objects are handed on as they are). Thread-safe.
 *
 * @param <T> the data type
 */
public final class MemoryDataset<T> implements Dataset<T> {
  /** The copy modes this dataset accepts. */
  public static final List<String> COPY_MODES = List.of("assign", "copy");

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
    if (!COPY_MODES.contains(copyMode)) {
      throw new DatasetException(
          "Invalid copy_mode '" + copyMode + "' for MemoryDataset: use one of " + COPY_MODES + ".");
    }
    this.copyMode = copyMode;
    this.data = data == null ? null : copy(data);
  }

  /**
   * @return {@code assign} or {@code copy}
   */
  public String copyMode() {
    return copyMode;
  }

  /**
   * @throws DatasetException when nothing was saved yet (or it was released)
   */
  @Override
  public T load() {
    T current = data;
    if (current == null) {
      throw new DatasetException(
          "Data for MemoryDataset has not been saved yet (or was released): run the node that"
              + " produces it first.");
    }
    return copy(current);
  }

  /**
   * @throws DatasetException when {@code data} is {@code null}
   */
  @Override
  public void save(T data) {
    if (data == null) {
      throw new DatasetException("Saving 'null' to a MemoryDataset is not allowed.");
    }
    this.data = copy(data);
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
    T current = data;
    return Map.of(
        "type",
        "MemoryDataset",
        "copy_mode",
        copyMode,
        "data",
        current == null ? "<none>" : current.getClass().getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private T copy(T value) {
    if (!copyMode.equals("copy")) {
      return value;
    }
    if (value instanceof List<?> list) {
      return (T) new ArrayList<>(list);
    }
    if (value instanceof Set<?> set) {
      return (T) new LinkedHashSet<>(set);
    }
    if (value instanceof Map<?, ?> map) {
      return (T) new LinkedHashMap<>(map);
    }
    return value;
  }
}
