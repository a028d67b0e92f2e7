package dev.weir.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Kedro's {@code CachedDataset} (kedro/io/cached_dataset.py), switched on with {@code cached: true}
 * on a catalog entry: a save writes through to the wrapped dataset and keeps the data in memory, so
 * later loads in the same run get it without reading it back; a load with nothing cached reads the
 * wrapped dataset once and keeps the result. {@link #release()} (the runner calls it after the last
 * node that reads the dataset) drops the cache. {@link #exists()} is true when either has data.
 *
 * <p>Beyond Kedro: a wrapped dataset with the {@link Cacheable} ability pins the data before the
 * write (a Spark DataFrame is persisted, so the writer and the readers see the same rows) and
 * refuses the flag when a read-back would differ from the saved data (CSV or JSON with inferred
 * types, appends, merges); see {@link #wrap}. A dataset without the ability is cached as Kedro
 * does: the object saved is the object loaded.
 *
 * @param <T> the data type
 */
public final class CachedDataset<T> implements Dataset<T>, LoadVersioned {
  /** The catalog entry key that switches caching on. */
  public static final String KEY = "cached";

  private final Dataset<T> dataset;
  private final @Nullable Cacheable<T> ability;
  private @Nullable T cache;

  private CachedDataset(Dataset<T> dataset, @Nullable Cacheable<T> ability) {
    this.dataset = dataset;
    this.ability = ability;
  }

  /**
   * @param spec a catalog entry
   * @return whether it has {@code cached: true}
   */
  public static boolean requested(DatasetSpec spec) {
    return spec.bool(KEY, false);
  }

  /**
   * @param spec a catalog entry
   * @return the entry without the {@code cached} key, for the wrapped dataset's type ({@code spec}
   *     itself when it has no such key)
   */
  public static DatasetSpec withoutKey(DatasetSpec spec) {
    if (!spec.config().containsKey(KEY)) {
      return spec;
    }
    Map<String, Object> config = new LinkedHashMap<>(spec.config());
    config.remove(KEY);
    return new DatasetSpec(spec.name(), spec.type(), config, spec.credentials(), spec.source());
  }

  /**
   * @param name the dataset name, for the error
   * @param dataset the dataset its type built
   * @param <T> the data type
   * @return the cached dataset
   * @throws DatasetException when the dataset is {@link Cacheable} and its read-back would differ
   *     from the saved data, with the reason
   */
  @SuppressWarnings("unchecked")
  public static <T> CachedDataset<T> wrap(String name, Dataset<T> dataset) {
    Cacheable<T> ability = dataset instanceof Cacheable<?> c ? (Cacheable<T>) c : null;
    if (ability != null) {
      Optional<String> differs = ability.readBackDiffers();
      if (differs.isPresent()) {
        throw new DatasetException(
            "Dataset '"
                + name
                + "': 'cached: true' is refused because a load after the save would not return"
                + " the saved data: "
                + differs.get()
                + ". Remove 'cached: true', or change the entry as the reason says.");
      }
    }
    return new CachedDataset<>(dataset, ability);
  }

  /**
   * @return the wrapped dataset
   */
  public Dataset<T> dataset() {
    return dataset;
  }

  @Override
  public synchronized T load() {
    T data = cache;
    if (data == null) {
      data = dataset.load();
      cache = data;
    }
    return data;
  }

  @Override
  public synchronized void save(T data) {
    T kept = ability == null ? data : ability.pin(data);
    try {
      dataset.save(kept);
    } catch (RuntimeException e) {
      if (ability != null && kept != data) {
        ability.unpin(kept);
      }
      throw e;
    }
    drop();
    cache = kept;
  }

  @Override
  public synchronized boolean exists() {
    return cache != null || dataset.exists();
  }

  @Override
  public synchronized void release() {
    drop();
    dataset.release();
  }

  private void drop() {
    T old = cache;
    cache = null;
    if (old != null && ability != null) {
      ability.unpin(old);
    }
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>(dataset.describe());
    d.put(KEY, true);
    return java.util.Collections.unmodifiableMap(d);
  }

  @Override
  public boolean acceptsLoadVersions() {
    return dataset instanceof LoadVersioned lv && lv.acceptsLoadVersions();
  }

  @Override
  public Optional<List<String>> listVersions() {
    return dataset instanceof LoadVersioned lv ? lv.listVersions() : Optional.empty();
  }
}
