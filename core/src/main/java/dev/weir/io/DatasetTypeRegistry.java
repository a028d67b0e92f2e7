package dev.weir.io;

import dev.weir.ClosestNames;
import dev.weir.config.ConfigException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset types a catalog can build, found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.weir.io.DatasetType}) or added in code. A {@code type:} also resolves as
 * the fully qualified class name of a {@link DatasetType} implementation with a public no-arg
 * constructor, so a user's type works without a services file. When two types claim the same name,
 * the first one found keeps it and a warning is logged. Thread-safe.
 */
public final class DatasetTypeRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetTypeRegistry.class);

  private final Map<String, DatasetType> byName;
  private final Map<String, DatasetType> byClassName = new ConcurrentHashMap<>();
  private final @Nullable ClassLoader classLoader;

  private DatasetTypeRegistry(Iterable<? extends DatasetType> types, @Nullable ClassLoader loader) {
    Map<String, DatasetType> names = new LinkedHashMap<>();
    for (DatasetType type : types) {
      for (String name : type.names()) {
        DatasetType previous = names.putIfAbsent(name, type);
        if (previous != null && previous.getClass() != type.getClass()) {
          LOG.warn(
              "Dataset type name '{}' is claimed by {} and {}; keeping the first",
              name,
              previous.getClass().getName(),
              type.getClass().getName());
        }
      }
    }
    this.byName = Collections.unmodifiableMap(names);
    this.classLoader = loader;
  }

  /**
   * @return the types visible to the thread's context class loader (built-in ones included)
   */
  public static DatasetTypeRegistry loadInstalled() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = DatasetTypeRegistry.class.getClassLoader();
    }
    return new DatasetTypeRegistry(ServiceLoader.load(DatasetType.class, loader), loader);
  }

  /**
   * @param types the types to register
   * @return a registry of these types only (fully qualified class names still resolve)
   */
  public static DatasetTypeRegistry of(Collection<? extends DatasetType> types) {
    return new DatasetTypeRegistry(types, Thread.currentThread().getContextClassLoader());
  }

  /**
   * @param name a {@code type:} value
   * @return the matching type: a registered name, else the fully qualified name of a {@link
   *     DatasetType} class with a public no-arg constructor
   */
  public Optional<DatasetType> find(String name) {
    DatasetType type = byName.get(name);
    if (type != null) {
      return Optional.of(type);
    }
    if (!name.contains(".")) {
      return Optional.empty();
    }
    DatasetType loaded = byClassName.get(name);
    if (loaded == null) {
      loaded = instantiate(name);
      if (loaded == null) {
        return Optional.empty();
      }
      DatasetType raced = byClassName.putIfAbsent(name, loaded);
      loaded = raced == null ? loaded : raced;
    }
    return Optional.of(loaded);
  }

  /**
   * @param name a {@code type:} value
   * @return the matching type
   * @throws ConfigException for an unknown name, listing the closest registered names
   */
  public DatasetType get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new ConfigException(
                    "Unknown dataset type '"
                        + name
                        + "'."
                        + ClosestNames.didYouMean(name, byName.keySet())
                        + " Registered types: "
                        + String.join(", ", names())
                        + ". A type from another library needs its jar on the classpath (it"
                        + " registers itself in META-INF/services/dev.weir.io.DatasetType), or"
                        + " write the fully qualified name of a DatasetType class."));
  }

  /**
   * @param type a registered type
   * @return its canonical (first) name
   */
  public static String canonicalName(DatasetType type) {
    return type.names().isEmpty() ? type.getClass().getName() : type.names().get(0);
  }

  /**
   * @return every registered name, sorted
   */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
  }

  private @Nullable DatasetType instantiate(String className) {
    Class<?> cls;
    try {
      cls = Class.forName(className, true, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    if (!DatasetType.class.isAssignableFrom(cls) || Modifier.isAbstract(cls.getModifiers())) {
      return null;
    }
    try {
      Constructor<?> constructor = cls.getConstructor();
      return (DatasetType) constructor.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new ConfigException(
          "Dataset type class "
              + className
              + " cannot be created: it needs a public no-argument constructor ("
              + e
              + ").",
          e);
    }
  }
}
