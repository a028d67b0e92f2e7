package dev.weir.mlflow;

import java.nio.file.Path;

/**
 * Picks the {@link TrackingStore} for a run's settings: a tracking server ({@code http(s)://},
 * {@code databricks...}) through {@link RestStore}; a SQLite file in MLflow's schema ({@code
 * sqlite:///...}, or no tracking URI: {@code <project>/mlflow.db}) through {@link SqliteStore};
 * MLflow's legacy file store (a {@code file:} URI or a folder) through {@link LocalFileStore}. The
 * fallback when a server fails is always the project's default SQLite store.
 */
final class Stores {
  /** The folder, next to the SQLite file, that holds the runs' artifacts. */
  static final String ARTIFACTS_FOLDER = "mlartifacts";

  private Stores() {}

  /**
   * @param settings the run's settings
   * @param projectPath the project root (relative paths resolve against it)
   * @return the configured store; nothing is written or contacted yet
   */
  static TrackingStore primary(MlflowSettings settings, Path projectPath) {
    if (!settings.isLocal()) {
      return RestStore.create(settings);
    }
    if (settings.isSqlite()) {
      return sqlite(settings.sqliteFile(projectPath), settings);
    }
    return new LocalFileStore(settings.localStore(projectPath));
  }

  /**
   * @return the project's default SQLite store, {@code <project>/mlflow.db}, for runs a tracking
   *     server did not take
   */
  static TrackingStore fallback(MlflowSettings settings, Path projectPath) {
    return sqlite(projectPath.resolve("mlflow.db").toAbsolutePath().normalize(), settings);
  }

  private static SqliteStore sqlite(Path file, MlflowSettings settings) {
    Path parent = file.getParent() == null ? Path.of(".") : file.getParent();
    return new SqliteStore(file, parent.resolve(ARTIFACTS_FOLDER), settings.timeout());
  }
}
