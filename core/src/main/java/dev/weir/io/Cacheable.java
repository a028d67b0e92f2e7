package dev.weir.io;

import java.util.Optional;

/**
 * Ability of a dataset type to take part in {@code cached: true} ({@link CachedDataset}): it says
 * whether a load right after a save returns what was saved, and it may pin the saved data (a Spark
 * DataFrame: {@code persist()}) so the writer and every later reader see the same rows.
 *
 * @param <T> the dataset's data type
 */
public interface Cacheable<T> {

  /**
   * Why a load after a save would not return the saved data as configured: CSV or JSON read back
   * with inferred types, an append or merge that leaves more than the saved rows. The catalog
   * refuses {@code cached: true} on such an entry with this reason.
   *
   * @return empty when the saved data is what a load would return, else the reason
   */
  Optional<String> readBackDiffers();

  /**
   * Called before the save: the data to write and hand to later loads.
   *
   * @param data the node's output
   * @return the same data, pinned where that makes sense (a Spark DataFrame persisted); by default
   *     {@code data}
   */
  default T pin(T data) {
    return data;
  }

  /**
   * Undoes {@link #pin} when the cache is released (after the last node that reads the dataset).
   *
   * @param pinned what {@link #pin} returned
   */
  default void unpin(T pinned) {}
}
