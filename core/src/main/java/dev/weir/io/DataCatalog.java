package dev.weir.io;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run's datasets by name, as Kedro's {@code DataCatalog} (kedro/io/data_catalog.py). Built
 * from {@code catalog.yml} and credentials; datasets are created lazily on first use through the
 * {@link DatasetTypeRegistry}. Dataset factories ({@code "{name}_raw":} patterns) are ranked as
 * Kedro ranks them: fewer placeholders first... see {@link #resolvePattern}; at most one catch-all
 * ({@code "{default}":}). {@code params:a.b} and {@code parameters} resolve to parameter values.
 * Thread-safe: the parallel runner loads and saves from worker threads.
 */
public final class DataCatalog {
  private DataCatalog() {}

  /**
   * Builds a catalog from configuration; entries are validated (a {@code type}, a known type, the
   * named credentials exist) but datasets are created only on first use.
   *
   * @param catalog the merged {@code catalog*} configuration: dataset name or pattern to entry
   * @param credentials the merged {@code credentials*} configuration: block name to map
   * @param context project root, versions and services handed to dataset types
   * @param registry the dataset types
   * @return the catalog
   * @throws dev.weir.config.ConfigException on an entry without {@code type} (hint: prefix
   *     templates with {@code _}), an unknown type (closest registered names), a missing
   *     credentials block (its name and where it was looked for), or more than one catch-all pattern
   */
  public static DataCatalog fromConfig(Map<String, Object> catalog, Map<String, Object> credentials, DatasetContext context, DatasetTypeRegistry registry) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param datasets datasets by name
   * @return a catalog of these datasets only
   */
  public static DataCatalog of(Map<String, Dataset<?>> datasets) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name, {@code params:a.b} or {@code parameters}
   * @return the data
   * @throws DatasetException for an unknown name (closest names suggested) or a failed load
   */
  public Object load(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Saves data; a name not in the catalog and matching no pattern becomes a {@link MemoryDataset}.
   *
   * @param name a dataset name
   * @param data the data; {@code null} is refused
   * @throws DatasetException when data is null or the save fails
   */
  public void save(String name, Object data) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return whether the dataset exists (false for unknown names)
   */
  public boolean exists(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name; unknown names are ignored
   */
  public void release(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code confirm}: tells a dataset that can confirm (see {@link Confirmable}) that its
   * data was consumed.
   *
   * @param name a dataset name
   * @throws DatasetException when the dataset cannot confirm
   */
  public void confirm(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return whether an entry, a pattern or a registered dataset answers to the name
   */
  public boolean contains(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return the dataset, created on first use
   * @throws DatasetException for an unknown name or a bad entry
   */
  public Dataset<?> dataset(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return its entry with factory placeholders filled in, if configured or matched
   */
  public Optional<DatasetSpec> spec(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return the factory pattern the name matches, the best-ranked one: Kedro ranks by
   *     specificity (more characters outside placeholders first), then fewer placeholders, then
   *     alphabetical; the catch-all last
   */
  public Optional<String> resolvePattern(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return names of explicit entries and registered datasets (not patterns, not params), sorted
   */
  public Set<String> listDatasets() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the dataset factory patterns, in rank order
   */
  public Set<String> patterns() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return whether it lives only in memory ({@link MemoryDataset} or not configured at all)
   */
  public boolean isMemory(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @return the canonical type name, for example {@code spark.SparkDataset}, or {@code
   *     MemoryDataset} for names not configured
   */
  public String typeName(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a dataset name
   * @param dataset the dataset
   * @param replace whether to replace an existing one
   * @throws DatasetException when the name exists and {@code replace} is false
   */
  public void add(String name, Dataset<?> dataset, boolean replace) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code add_feed_dict}: each value becomes a {@link MemoryDataset}.
   *
   * @param data values by dataset name
   * @param replace whether to replace existing datasets
   */
  public void addFeedDict(Map<String, Object> data, boolean replace) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Registers {@code parameters} (the whole map) and {@code params:<key>} for every key path,
   * nested keys joined with {@code .}.
   *
   * @param parameters the merged parameters, runtime params applied
   */
  public void addParameters(Map<String, Object> parameters) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the parameters registered with {@link #addParameters}, or empty
   */
  public Map<String, Object> parameters() {
    throw new UnsupportedOperationException("TODO");
  }
}
