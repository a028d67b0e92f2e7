package dev.weir.io;

import java.util.Collection;
import java.util.Optional;

/**
 * The dataset types a catalog can build, found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.weir.io.DatasetType}) or added in code. A {@code type:} also resolves as
 * the fully qualified class name of a {@link DatasetType} implementation with a public no-arg
 * constructor, so a user's type works without a services file.
 */
public final class DatasetTypeRegistry {
  private DatasetTypeRegistry() {}

  /**
   * @return the types visible to the thread's context class loader (built-in ones included)
   */
  public static DatasetTypeRegistry loadInstalled() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param types the types to register
   * @return a registry of these types only
   */
  public static DatasetTypeRegistry of(Collection<? extends DatasetType> types) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a {@code type:} value
   * @return the matching type
   */
  public Optional<DatasetType> find(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a {@code type:} value
   * @return the matching type
   * @throws dev.weir.config.ConfigException for an unknown name, listing the closest registered
   *     names
   */
  public DatasetType get(String name) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return every registered name, sorted
   */
  public java.util.SortedSet<String> names() {
    throw new UnsupportedOperationException("TODO");
  }
}
