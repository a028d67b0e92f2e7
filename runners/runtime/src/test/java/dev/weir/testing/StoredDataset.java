package dev.weir.testing;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A "persisted" dataset for runner tests: holds its value like a file would (it is not a {@link
 * dev.weir.io.MemoryDataset}, so the catalog counts it as persisted) and counts releases.
 */
public final class StoredDataset implements Dataset<Object> {
  private volatile @Nullable Object value;
  private final AtomicInteger releases = new AtomicInteger();

  /**
   * @param initial the stored value, or {@code null} for a missing dataset
   */
  public StoredDataset(@Nullable Object initial) {
    this.value = initial;
  }

  @Override
  public Object load() {
    Object v = value;
    if (v == null) {
      throw new DatasetException("StoredDataset has no data");
    }
    return v;
  }

  @Override
  public void save(Object data) {
    value = data;
  }

  @Override
  public boolean exists() {
    return value != null;
  }

  @Override
  public void release() {
    releases.incrementAndGet();
  }

  /**
   * @return how often the runner released it
   */
  public int releases() {
    return releases.get();
  }

  /**
   * @return the stored value, or {@code null}
   */
  public @Nullable Object value() {
    return value;
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("type", "StoredDataset");
  }
}
