package dev.weir.io;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where a file-based dataset loads from and saves to, with Kedro's versioning rules
 * (kedro/io/core.py {@code AbstractVersionedDataset._get_load_path} / {@code _get_save_path}).
 * Unversioned: both are the resolved {@code filepath}. Versioned: {@code
 * <filepath>/<version>/<basename>} (see {@link Versions}); load uses the load version given for the
 * dataset ({@code --load-versions}) or else the latest saved one; save uses the run's save version
 * (or one generated when this object is created, so one dataset instance saves to a single version)
 * and refuses a version that already exists.
 *
 * <p>Local paths (no scheme, or {@code file:}) are listed with {@link java.nio.file.Files}; for
 * other file systems ({@code dbfs:/}, {@code s3a://}, ...) the dataset passes its own lookups
 * ({@link #loadPath(Function)}, {@link #savePath(Predicate)}), for example through Hadoop's file
 * system. Immutable and thread-safe.
 */
public final class VersionedPath {
  private final String datasetName;
  private final String filepath;
  private final boolean versioned;
  private final String saveVersion;
  private final @Nullable String loadVersion;

  private VersionedPath(
      String datasetName,
      String filepath,
      boolean versioned,
      String saveVersion,
      @Nullable String loadVersion) {
    this.datasetName = datasetName;
    this.filepath = filepath;
    this.versioned = versioned;
    this.saveVersion = saveVersion;
    this.loadVersion = loadVersion;
  }

  /**
   * @param datasetName the dataset name, for messages and for its load version
   * @param filepath the entry's {@code filepath} as written; resolved with {@link
   *     DatasetContext#resolvePath}
   * @param versioned the entry's {@code versioned}
   * @param context the run's save version and load versions
   * @return the paths of this dataset
   * @throws DatasetException when a given save or load version is not in Kedro's format
   */
  public static VersionedPath of(
      String datasetName, String filepath, boolean versioned, DatasetContext context) {
    String save = context.saveVersion().orElseGet(Versions::generateTimestamp);
    String load = context.loadVersion(datasetName).orElse(null);
    check(datasetName, save, "save");
    if (load != null) {
      check(datasetName, load, "load");
    }
    return new VersionedPath(datasetName, context.resolvePath(filepath), versioned, save, load);
  }

  /**
   * @return the resolved {@code filepath} (for a versioned dataset, the folder holding versions)
   */
  public String filepath() {
    return filepath;
  }

  /**
   * @return whether the dataset is versioned
   */
  public boolean versioned() {
    return versioned;
  }

  /**
   * @return the version this dataset saves to (meaningful when versioned)
   */
  public String saveVersion() {
    return saveVersion;
  }

  /**
   * @return the load version given for this dataset, if any
   */
  public Optional<String> loadVersion() {
    return Optional.ofNullable(loadVersion);
  }

  /**
   * The path to load, for a local file system.
   *
   * @return the file to read
   * @throws DatasetException when versioned and no version was saved yet, or the given load version
   *     does not exist
   */
  public String loadPath() {
    Path local = localPath();
    String path = loadPath(p -> Versions.latestVersion(local));
    if (versioned && loadVersion != null && !Files.exists(localPath(path))) {
      throw new DatasetException(
          "Load version '"
              + loadVersion
              + "' of dataset '"
              + datasetName
              + "' does not exist: "
              + path
              + " is missing. Saved versions live under "
              + filepath
              + Versions.latestVersion(local).map(v -> "; the latest is " + v).orElse("")
              + ".");
    }
    return path;
  }

  /**
   * The path to load, for any file system.
   *
   * @param latestVersion finds the latest saved version under the resolved filepath
   * @return the file to read
   * @throws DatasetException when versioned, no load version was given and none was saved
   */
  public String loadPath(Function<String, Optional<String>> latestVersion) {
    if (!versioned) {
      return filepath;
    }
    String version = loadVersion;
    if (version == null) {
      version =
          latestVersion
              .apply(filepath)
              .orElseThrow(
                  () ->
                      new DatasetException(
                          "Did not find any versions of dataset '"
                              + datasetName
                              + "' under "
                              + filepath
                              + " (versioned: true). Run the node that saves it first, or give"
                              + " --load-versions "
                              + datasetName
                              + ":<version>."));
    }
    return Versions.versionedPath(filepath, version);
  }

  /**
   * The path to save to, for a local file system.
   *
   * @return the file to write
   * @throws DatasetException when versioned and the save version already exists
   */
  public String savePath() {
    return savePath(p -> Files.exists(localPath(p)));
  }

  /**
   * The path to save to, for any file system.
   *
   * @param exists whether a path already exists
   * @return the file to write
   * @throws DatasetException when versioned and the save version already exists
   */
  public String savePath(Predicate<String> exists) {
    if (!versioned) {
      return filepath;
    }
    String path = Versions.versionedPath(filepath, saveVersion);
    if (exists.test(path)) {
      throw new DatasetException(
          "Save path '"
              + path
              + "' for dataset '"
              + datasetName
              + "' must not exist if versioning is enabled: version "
              + saveVersion
              + " was already saved. Use a new save version (each run gets its own).");
    }
    return path;
  }

  /**
   * @return whether the resolved filepath is on the local file system
   */
  public boolean isLocal() {
    return !filepath.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || filepath.startsWith("file:");
  }

  private Path localPath() {
    return localPath(filepath);
  }

  private Path localPath(String path) {
    if (path.startsWith("file:")) {
      return Path.of(URI.create(path));
    }
    if (!isLocal()) {
      throw new DatasetException(
          "Dataset '"
              + datasetName
              + "': "
              + path
              + " is not on the local file system; the dataset must list versions through its"
              + " own file system (VersionedPath.loadPath(Function) / savePath(Predicate)).");
    }
    return Path.of(path);
  }

  private static void check(String datasetName, String version, String what) {
    if (!Versions.VERSION_PATTERN.matcher(version).matches()) {
      throw new DatasetException(
          "Invalid "
              + what
              + " version '"
              + version
              + "' for dataset '"
              + datasetName
              + "': expected Kedro's format YYYY-MM-DDThh.mm.ss.sssZ, for example "
              + Versions.generateTimestamp()
              + ".");
    }
  }
}
