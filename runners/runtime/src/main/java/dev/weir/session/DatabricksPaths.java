package dev.weir.session;

/**
 * Paths as a Databricks driver's local file APIs see them. A JAR task reads files with {@code
 * java.nio}, which knows nothing of the {@code dbfs:} scheme; on a cluster DBFS is mounted at
 * {@code /dbfs} and Unity Catalog volumes at {@code /Volumes} (Databricks, "What are Unity Catalog
 * volumes?" and "Work with files on Databricks").
 */
public final class DatabricksPaths {
  private static final String DBFS_SCHEME = "dbfs:";

  private DatabricksPaths() {}

  /**
   * @param path a path as a user writes it: {@code dbfs:/conf}, {@code /Volumes/cat/schema/vol/x},
   *     a local path
   * @return {@code dbfs:/x} as {@code /dbfs/x}; any other path unchanged
   */
  public static String local(String path) {
    if (path.regionMatches(true, 0, DBFS_SCHEME, 0, DBFS_SCHEME.length())) {
      String rest = path.substring(DBFS_SCHEME.length());
      while (rest.startsWith("/")) {
        rest = rest.substring(1);
      }
      return "/dbfs/" + rest;
    }
    return path;
  }
}
