package dev.weir.io;

import java.util.List;

/**
 * Factory for one kind of dataset, registered through {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.weir.io.DatasetType}. The catalog's {@code type:} value resolves against
 * {@link #names()}: Kedro's short names (for example {@code spark.SparkDataset}, {@code
 * MemoryDataset}) and the fully qualified class name of the dataset class. A user's own type plugs
 * in exactly like the built-in ones.
 */
public interface DatasetType {

  /**
   * Every name this type answers to in a catalog's {@code type:}; the first is the canonical short
   * name shown by {@code weir catalog list}.
   *
   * @return at least one name
   */
  List<String> names();

  /**
   * Builds a dataset from its catalog entry. Validate the entry here (unknown or missing keys, bad
   * values) so that a broken catalog fails before any node runs.
   *
   * @param spec the catalog entry, with credentials resolved
   * @param context the project root, versions and run-wide services (such as the Spark session)
   * @return a new dataset
   * @throws DatasetException when the entry is invalid; the message names the dataset and the key
   */
  Dataset<?> create(DatasetSpec spec, DatasetContext context);
}
