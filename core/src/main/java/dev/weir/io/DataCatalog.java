package dev.weir.io;

import dev.weir.ClosestNames;
import dev.weir.WeirException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The run's datasets by name, as Kedro's {@code DataCatalog} (kedro/io/data_catalog.py). Built from
 * {@code catalog.yml} and credentials; datasets are created lazily on first use through the {@link
 * DatasetTypeRegistry}. Dataset factories ({@code "{name}_raw":} patterns) fill their placeholders
 * into every string value of the entry and are ranked as Kedro ranks them (see {@link
 * #resolvePattern}); at most one catch-all ({@code "{default}":}). Transcoded names ({@code
 * x@spark}) are entries of their own, looked up by the full name. {@code params:a.b} and {@code
 * parameters} resolve to parameter values (see {@link #addParameters}).
 *
 * <p>Entry keys: {@code type} (required), {@code credentials} (a credentials block name, or an
 * inline mapping; handed to the type as {@link DatasetSpec#credentials()}, never as config), and
 * everything else, passed through as {@link DatasetSpec#config()}: {@code versioned: true} for file
 * datasets (see {@link VersionedPath}), and {@code metadata:} (for example {@code {layer: 01_raw}},
 * read by tools such as the pipeline visualisation) which every dataset type must accept and may
 * ignore (see {@link DatasetSpec#metadata()}), and {@code cached: true}, which wraps the dataset in
 * a {@link CachedDataset} (never handed to the type).
 *
 * <p>Thread-safe: the parallel runner loads and saves from worker threads.
 */
public final class DataCatalog {
  private static final String PARAMS_PREFIX = "params:";
  private static final String PARAMETERS = "parameters";

  private final CatalogConfig config;
  private final DatasetContext context;
  private final DatasetTypeRegistry registry;
  private final Map<String, Dataset<?>> datasets = new ConcurrentHashMap<>();
  private final Set<String> createdFromConfig = ConcurrentHashMap.newKeySet();
  private volatile Map<String, Object> parameters = Map.of();

  private DataCatalog(CatalogConfig config, DatasetContext context, DatasetTypeRegistry registry) {
    this.config = config;
    this.context = context;
    this.registry = registry;
  }

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
   *     credentials block (its name and where it was looked for), or more than one catch-all
   *     pattern
   */
  public static DataCatalog fromConfig(
      Map<String, Object> catalog,
      Map<String, Object> credentials,
      DatasetContext context,
      DatasetTypeRegistry registry) {
    return fromConfig(catalog, credentials, Map.of(), context, registry);
  }

  /**
   * As {@link #fromConfig(Map, Map, DatasetContext, DatasetTypeRegistry)}, naming in messages the
   * file each entry came from.
   *
   * @param catalog the merged {@code catalog*} configuration
   * @param credentials the merged {@code credentials*} configuration
   * @param sources entry name to file (see {@link dev.weir.config.ConfigLoader#sources})
   * @param context project root, versions and services handed to dataset types
   * @param registry the dataset types
   * @return the catalog
   * @throws dev.weir.config.ConfigException as the other overload
   */
  public static DataCatalog fromConfig(
      Map<String, Object> catalog,
      Map<String, Object> credentials,
      Map<String, String> sources,
      DatasetContext context,
      DatasetTypeRegistry registry) {
    return new DataCatalog(
        CatalogConfig.parse(catalog, credentials, sources, registry), context, registry);
  }

  /**
   * @param datasets datasets by name
   * @return a catalog of these datasets only (the project root is the working directory)
   */
  public static DataCatalog of(Map<String, Dataset<?>> datasets) {
    DataCatalog catalog =
        new DataCatalog(
            CatalogConfig.empty(),
            DatasetContext.of(java.nio.file.Path.of("")),
            DatasetTypeRegistry.of(List.of(new MemoryDatasetType())));
    datasets.forEach((name, dataset) -> catalog.add(name, dataset, false));
    return catalog;
  }

  /**
   * @return the context handed to dataset types
   */
  public DatasetContext context() {
    return context;
  }

  /**
   * @param name a dataset name, {@code params:a.b} or {@code parameters}
   * @return the data
   * @throws DatasetException for an unknown name (closest names suggested) or a failed load
   */
  public Object load(String name) {
    Dataset<?> dataset = dataset(name);
    try {
      return dataset.load();
    } catch (WeirException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(
          "Failed while loading data from dataset '" + name + "' " + describe(dataset) + ": " + e,
          e);
    }
  }

  /**
   * Saves data; a name not in the catalog and matching no pattern becomes a {@link MemoryDataset}.
   *
   * @param name a dataset name
   * @param data the data; {@code null} is refused
   * @throws DatasetException when data is null or the save fails
   */
  @SuppressWarnings("unchecked")
  public void save(String name, @Nullable Object data) {
    if (data == null) {
      throw new DatasetException(
          "Saving 'null' to dataset '"
              + name
              + "' is not allowed: the node that outputs it must return a value (an empty"
              + " collection or DataFrame rather than null).");
    }
    Dataset<Object> dataset =
        (Dataset<Object>)
            (contains(name)
                ? dataset(name)
                : datasets.computeIfAbsent(name, n -> new MemoryDataset<>()));
    try {
      dataset.save(data);
    } catch (WeirException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(
          "Failed while saving data to dataset '" + name + "' " + describe(dataset) + ": " + e, e);
    }
  }

  /**
   * @param name a dataset name
   * @return whether the dataset exists (false for unknown names)
   * @throws DatasetException when the check itself fails
   */
  public boolean exists(String name) {
    if (!contains(name)) {
      return false;
    }
    Dataset<?> dataset = dataset(name);
    try {
      return dataset.exists();
    } catch (WeirException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(
          "Failed during exists check for dataset '" + name + "' " + describe(dataset) + ": " + e,
          e);
    }
  }

  /**
   * @param name a dataset name; unknown names and datasets not created yet are ignored
   */
  public void release(String name) {
    Dataset<?> dataset = datasets.get(name);
    if (dataset != null) {
      dataset.release();
    }
  }

  /**
   * Kedro's {@code confirm}: tells a dataset that can confirm (see {@link Confirmable}) that its
   * data was consumed.
   *
   * @param name a dataset name
   * @throws DatasetException when the dataset cannot confirm
   */
  public void confirm(String name) {
    Dataset<?> dataset = dataset(name);
    if (!(dataset instanceof Confirmable confirmable)) {
      throw new DatasetException(
          "Dataset '"
              + name
              + "' does not have a 'confirm' method (its type does not implement"
              + " Confirmable).");
    }
    confirmable.confirm();
  }

  /**
   * @param name a dataset name
   * @return whether an entry, a pattern or a registered dataset answers to the name
   */
  public boolean contains(String name) {
    return datasets.containsKey(name)
        || config.entries().containsKey(name)
        || config.patternFor(name).isPresent();
  }

  /**
   * @param name a dataset name
   * @return the dataset, created on first use
   * @throws DatasetException for an unknown name or a bad entry
   */
  public Dataset<?> dataset(String name) {
    Dataset<?> existing = datasets.get(name);
    if (existing != null) {
      return existing;
    }
    Optional<DatasetSpec> spec = config.spec(name);
    if (spec.isEmpty()) {
      throw unknown(name);
    }
    return datasets.computeIfAbsent(
        name,
        n -> {
          Dataset<?> created = create(spec.get());
          createdFromConfig.add(n);
          return created;
        });
  }

  /**
   * @param name a dataset name
   * @return its entry with factory placeholders filled in, if configured or matched
   * @throws DatasetException when a matched pattern's entry uses a placeholder the pattern lacks
   */
  public Optional<DatasetSpec> spec(String name) {
    return config.spec(name);
  }

  /**
   * @param name a dataset name
   * @return the factory pattern the name matches, the best-ranked one: Kedro ranks by specificity
   *     (more characters outside placeholders first), then more placeholders, then alphabetical;
   *     the catch-all last. {@code params:} names never match a pattern.
   */
  public Optional<String> resolvePattern(String name) {
    return config.patternFor(name).map(DatasetPattern::pattern);
  }

  /**
   * @return names of explicit entries and registered datasets (not patterns, not params), sorted
   */
  public Set<String> listDatasets() {
    Set<String> names = new TreeSet<>(config.entries().keySet());
    for (String name : datasets.keySet()) {
      if (!isParameter(name)) {
        names.add(name);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * @return the dataset factory patterns, in rank order
   */
  public Set<String> patterns() {
    Set<String> out = new LinkedHashSet<>();
    config.patterns().forEach(p -> out.add(p.pattern()));
    return Collections.unmodifiableSet(out);
  }

  /**
   * @param name a dataset name
   * @return whether it lives only in memory ({@link MemoryDataset} or not configured at all)
   */
  public boolean isMemory(String name) {
    Dataset<?> dataset = datasets.get(name);
    if (dataset != null && !createdFromConfig.contains(name)) {
      return dataset instanceof MemoryDataset<?>;
    }
    return spec(name)
        .map(s -> registry.find(s.type()).map(t -> t instanceof MemoryDatasetType).orElse(false))
        .orElse(true);
  }

  /**
   * @param name a dataset name
   * @return the canonical type name, for example {@code spark.SparkDataset}, or {@code
   *     MemoryDataset} for names not configured; for a dataset added in code, its {@code
   *     describe()} {@code type}, else its class name
   */
  public String typeName(String name) {
    Dataset<?> dataset = datasets.get(name);
    if (dataset != null && !createdFromConfig.contains(name)) {
      if (dataset instanceof MemoryDataset<?>) {
        return "MemoryDataset";
      }
      Object type = dataset.describe().get("type");
      return type != null ? type.toString() : dataset.getClass().getName();
    }
    return spec(name)
        .map(s -> registry.find(s.type()).map(DatasetTypeRegistry::canonicalName).orElse(s.type()))
        .orElse("MemoryDataset");
  }

  /**
   * @param name a dataset name
   * @param dataset the dataset
   * @param replace whether to replace an existing one
   * @throws DatasetException when the name exists and {@code replace} is false
   */
  public void add(String name, Dataset<?> dataset, boolean replace) {
    if (!replace && (datasets.containsKey(name) || config.entries().containsKey(name))) {
      throw new DatasetException(
          "Dataset '" + name + "' has already been registered; pass replace=true to replace it.");
    }
    datasets.put(name, dataset);
    createdFromConfig.remove(name);
  }

  /**
   * Kedro's {@code add_feed_dict}: each value becomes a {@link MemoryDataset} ({@code assign}
   * mode), except a {@link Dataset}, which is added as it is.
   *
   * @param data values by dataset name
   * @param replace whether to replace existing datasets
   * @throws DatasetException when a name exists and {@code replace} is false
   */
  public void addFeedDict(Map<String, ?> data, boolean replace) {
    data.forEach(
        (name, value) ->
            add(
                name,
                value instanceof Dataset<?> d ? d : new MemoryDataset<>(value, "assign"),
                replace));
  }

  /**
   * Registers {@code parameters} (the whole map) and {@code params:<key>} for every key path,
   * nested keys joined with {@code .} (Kedro's {@code _get_feed_dict}). Replaces parameters
   * registered before. Values are made unmodifiable, so a node cannot change another node's
   * parameters.
   *
   * @param parameters the merged parameters, runtime params applied
   */
  @SuppressWarnings("unchecked")
  public synchronized void addParameters(Map<String, Object> parameters) {
    Map<String, Object> frozen =
        (Map<String, Object>) Objects.requireNonNull(Frozen.copy(parameters), "parameters");
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put(PARAMETERS, frozen);
    flatten(PARAMS_PREFIX, frozen, feed);
    datasets.keySet().removeIf(DataCatalog::isParameter);
    feed.forEach((name, value) -> datasets.put(name, new MemoryDataset<>(value, "assign")));
    this.parameters = frozen;
  }

  /**
   * @return the parameters registered with {@link #addParameters}, or empty
   */
  public Map<String, Object> parameters() {
    return parameters;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> out) {
    map.forEach(
        (k, v) -> {
          if (v == null) {
            return; // a MemoryDataset cannot hold null; params:<key> of a null value is unknown
          }
          out.put(prefix + k, v);
          if (v instanceof Map<?, ?> nested) {
            flatten(prefix + k + ".", (Map<String, Object>) nested, out);
          }
        });
  }

  private static boolean isParameter(String name) {
    return name.startsWith(PARAMS_PREFIX) || name.equals(PARAMETERS);
  }

  private Dataset<?> create(DatasetSpec spec) {
    DatasetType type = registry.get(spec.type());
    try {
      if (CachedDataset.requested(spec)) {
        return CachedDataset.wrap(
            spec.name(), type.create(CachedDataset.withoutKey(spec), context));
      }
      return type.create(CachedDataset.withoutKey(spec), context);
    } catch (WeirException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DatasetException(
          "Cannot create dataset '"
              + spec.name()
              + "' of type "
              + spec.type()
              + (spec.source() == null ? "" : " (" + spec.source() + ")")
              + ": "
              + e,
          e);
    }
  }

  private DatasetException unknown(String name) {
    List<String> known = new ArrayList<>(config.entries().keySet());
    known.addAll(datasets.keySet());
    if (name.startsWith(PARAMS_PREFIX)) {
      return new DatasetException(
          "Parameter '"
              + name
              + "' not found: no key '"
              + name.substring(PARAMS_PREFIX.length())
              + "' in the parameters (parameters*.yml or --params)."
              + ClosestNames.didYouMean(
                  name, known.stream().filter(DataCatalog::isParameter).toList()));
    }
    return new DatasetException(
        "Dataset '"
            + name
            + "' not found in the catalog."
            + ClosestNames.didYouMean(name, known.stream().filter(n -> !isParameter(n)).toList())
            + " Add it to a catalog*.yml file, or check the node's inputs.");
  }

  private static String describe(Dataset<?> dataset) {
    try {
      return dataset.describe().toString();
    } catch (RuntimeException e) {
      return "(" + dataset.getClass().getSimpleName() + ")";
    }
  }
}
