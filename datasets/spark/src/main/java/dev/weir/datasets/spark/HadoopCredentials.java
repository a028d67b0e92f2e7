package dev.weir.datasets.spark;

import dev.weir.datasets.Specs;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Spark dataset's {@code credentials:} block as Hadoop FileSystem options of that dataset only.
 *
 * <p>Each entry is a Hadoop configuration key for cloud storage ({@code fs.s3a.access.key}, {@code
 * fs.azure.account.key.<account>.dfs.core.windows.net}, {@code fs.gs.auth.service.account.json
 * .keyfile}, ...) and its value. They are passed as DataFrameReader / DataFrameWriter options,
 * which Spark's file sources copy into the Hadoop configuration of that one read or write ({@code
 * SessionState.newHadoopConfWithOptions}) and Delta Lake applies to path-based loads and saves
 * (Delta's {@code spark.databricks.delta.loadFileSystemConfigsFromDataFrameOptions}, on by default
 * since Delta 2.2; not for {@code DataFrameReader.table} / {@code saveAsTable}). Weir's own
 * file-system calls ({@link SparkStorage}) add them to a copy of the session's Hadoop
 * configuration. The session's configuration ({@code spark.conf}, the Hadoop configuration) is
 * never changed, and the values are never printed: {@link #toString()} shows the keys only.
 *
 * @param options Hadoop key to value; empty when the entry has no credentials
 */
record HadoopCredentials(Map<String, String> options) {

  /** The key prefixes accepted: Hadoop's S3A, Azure (ABFS / WASB) and Google Cloud Storage. */
  static final List<String> PREFIXES = List.of("fs.s3a.", "fs.azure.", "fs.gs.");

  /** No credentials. */
  static final HadoopCredentials NONE = new HadoopCredentials(Map.of());

  HadoopCredentials {
    options = Map.copyOf(options);
  }

  /**
   * @param spec the catalog entry, with its credentials block resolved
   * @return the block's entries as Hadoop options
   * @throws DatasetException naming the dataset, the key and {@link #PREFIXES} when a key is not a
   *     Hadoop FileSystem option of cloud storage, or a value is not a single value (the value is
   *     never shown)
   */
  static HadoopCredentials of(DatasetSpec spec) {
    Map<String, String> options = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : spec.credentials().entrySet()) {
      String key = e.getKey();
      if (PREFIXES.stream().noneMatch(key::startsWith)) {
        throw new DatasetException(
            Specs.where(spec)
                + ": credentials key '"
                + key
                + "' is not a Hadoop FileSystem option. Spark datasets take credentials as"
                + " Hadoop options of that dataset's reads and writes, with keys starting with "
                + String.join(", ", PREFIXES)
                + " (for example fs.s3a.access.key and fs.s3a.secret.key, or"
                + " fs.azure.account.key.<account>.dfs.core.windows.net).");
      }
      Object value = e.getValue();
      if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
        throw new DatasetException(
            Specs.where(spec)
                + ": credentials key '"
                + key
                + "' needs a single value (text or a number), got "
                + (value == null
                    ? "nothing"
                    : "a YAML " + (value instanceof Map ? "mapping" : "list"))
                + ".");
      }
      options.put(key, value.toString());
    }
    return new HadoopCredentials(options);
  }

  /**
   * @return whether there are no options
   */
  boolean isEmpty() {
    return options.isEmpty();
  }

  /** The keys only: values are secrets. */
  @Override
  public String toString() {
    return "HadoopCredentials" + options.keySet();
  }
}
