package dev.weir.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link DatasetType} needs beyond its catalog entry: the project root that relative paths
 * resolve against, the run's save version and per-dataset load versions (Kedro's {@code
 * --load-versions}), and run-wide services such as the Spark session, looked up by type so that
 * {@code core} never names Spark. Services are created lazily, once, on first use.
 */
public final class DatasetContext {
  private final Path projectRoot;
  private final @Nullable String saveVersion;
  private final Map<String, String> loadVersions;
  private final Map<Class<?>, Supplier<?>> suppliers;
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

  private DatasetContext(
      Path projectRoot,
      @Nullable String saveVersion,
      Map<String, String> loadVersions,
      Map<Class<?>, Supplier<?>> suppliers) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.saveVersion = saveVersion;
    this.loadVersions = Map.copyOf(loadVersions);
    this.suppliers = Map.copyOf(suppliers);
  }

  /**
   * A context for a project directory with no versions and no services (tests, tools).
   *
   * @param projectRoot the directory relative dataset paths resolve against
   * @return a context
   */
  public static DatasetContext of(Path projectRoot) {
    return builder(projectRoot).build();
  }

  /**
   * @param projectRoot the directory relative dataset paths resolve against
   * @return a builder
   */
  public static Builder builder(Path projectRoot) {
    return new Builder(projectRoot);
  }

  /**
   * @return the absolute, normalized project root
   */
  public Path projectRoot() {
    return projectRoot;
  }

  /**
   * Resolves a dataset path: absolute paths and URIs with a scheme ({@code dbfs:/}, {@code s3a://},
   * {@code abfss://}, {@code gs://}, {@code file:}) and {@code /Volumes/...} pass through; relative
   * paths resolve against the project root.
   *
   * @param path as written in the catalog
   * @return the path to hand to the storage layer
   */
  public String resolvePath(String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || path.startsWith("/")) {
      return path;
    }
    return projectRoot.resolve(path).normalize().toString();
  }

  /**
   * @return the run's save version (Kedro timestamp format), if any
   */
  public Optional<String> saveVersion() {
    return Optional.ofNullable(saveVersion);
  }

  /**
   * @param datasetName a dataset name
   * @return the version to load for it ({@code --load-versions name:version}), if given
   */
  public Optional<String> loadVersion(String datasetName) {
    return Optional.ofNullable(loadVersions.get(datasetName));
  }

  /**
   * @return every load version given for the run, by dataset name
   */
  public Map<String, String> loadVersions() {
    return loadVersions;
  }

  /**
   * A run-wide service, created on first use.
   *
   * @param type the service type, for example {@code org.apache.spark.sql.SparkSession}
   * @param <T> the service type
   * @return the service
   * @throws DatasetException when no service of that type was registered
   */
  public <T> T service(Class<T> type) {
    return findService(type)
        .orElseThrow(
            () ->
                new DatasetException(
                    "No "
                        + type.getSimpleName()
                        + " is available to datasets in this run. Run through a Weir session (which"
                        + " provides one) or register it with DatasetContext.builder().service(...)."));
  }

  /**
   * @param type the service type
   * @param <T> the service type
   * @return the service, or empty when none was registered
   */
  public <T> Optional<T> findService(Class<T> type) {
    Supplier<?> supplier = suppliers.get(type);
    if (supplier == null) {
      return Optional.empty();
    }
    return Optional.of(type.cast(instances.computeIfAbsent(type, t -> supplier.get())));
  }

  /** Builds a {@link DatasetContext}. */
  public static final class Builder {
    private final Path projectRoot;
    private @Nullable String saveVersion;
    private final Map<String, String> loadVersions = new HashMap<>();
    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    private Builder(Path projectRoot) {
      this.projectRoot = projectRoot;
    }

    /**
     * @param version the save version for versioned datasets (Kedro timestamp format)
     * @return this builder
     */
    public Builder saveVersion(@Nullable String version) {
      this.saveVersion = version;
      return this;
    }

    /**
     * @param versions load versions by dataset name
     * @return this builder
     */
    public Builder loadVersions(Map<String, String> versions) {
      this.loadVersions.putAll(versions);
      return this;
    }

    /**
     * Registers a lazily created service.
     *
     * @param type the type datasets ask for
     * @param supplier called at most once, on first use
     * @param <T> the service type
     * @return this builder
     */
    public <T> Builder service(Class<T> type, Supplier<? extends T> supplier) {
      suppliers.put(type, supplier);
      return this;
    }

    /**
     * @return the context
     */
    public DatasetContext build() {
      return new DatasetContext(projectRoot, saveVersion, loadVersions, suppliers);
    }
  }
}
