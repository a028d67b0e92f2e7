package dev.weir.io;

import java.util.Map;

/**
 * A named piece of data that a node reads or writes, as Kedro's {@code AbstractDataset}. Instances
 * are built from a catalog entry by a {@link DatasetType}; they hold no data themselves except
 * {@link MemoryDataset}.
 *
 * @param <T> what {@link #load()} returns and {@link #save(Object)} takes (a Spark {@code
 *     Dataset<Row>}, a {@code Map}, a model object...)
 */
public interface Dataset<T> {

  /**
   * Reads the data.
   *
   * @return the data, never {@code null}
   * @throws DatasetException when the data does not exist or cannot be read; the message names the
   *     dataset (via {@link #describe()}) and its location
   */
  T load();

  /**
   * Writes the data. A save that fails part-way leaves the previously saved data readable.
   *
   * @param data the data, never {@code null}
   * @throws DatasetException when the data cannot be written
   */
  void save(T data);

  /**
   * Whether data is there to load, answered without reading the data itself.
   *
   * @return {@code true} when {@link #load()} would find data
   */
  boolean exists();

  /** Drops anything cached in memory (Kedro's {@code release}); the default does nothing. */
  default void release() {}

  /**
   * A description for logs, {@code weir catalog list} and error messages: keys such as {@code
   * type}, {@code filepath}, {@code table}, {@code file_format}. Never contains credentials.
   *
   * @return an immutable map of plain values
   */
  Map<String, Object> describe();
}
