package dev.weir.datasets.files;

import dev.weir.datasets.Specs;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The file behind a local dataset, with Kedro's versioning ({@code versioned: true}: save to {@code
 * <filepath>/<version>/<basename>}, load the latest version or the run's load version for the
 * dataset) and saves that replace the file only once the new content is complete: the bytes go to a
 * hidden file next to the target, which is then moved over it, so a failed save leaves the previous
 * file readable.
 *
 * <p>Only local paths work: relative ones (against the project root), absolute ones (including
 * Databricks' {@code /Volumes/...} and {@code /dbfs/...} mounts on the driver) and {@code file:}
 * URIs. Other URI schemes fail with a clear error.
 *
 * @param datasetName the dataset's catalog name, for messages and load versions
 * @param path the resolved, absolute file path (for a versioned dataset, the directory of versions)
 * @param versioned whether Kedro's versioned layout applies
 * @param context the run's versions
 */
public record LocalFile(String datasetName, Path path, boolean versioned, DatasetContext context) {

  /**
   * Builds the file from the entry's {@code filepath} and {@code versioned} keys.
   *
   * @param spec the catalog entry
   * @param context the run context
   * @return the file
   * @throws DatasetException when {@code filepath} is missing or is a non-local URI
   */
  public static LocalFile of(DatasetSpec spec, DatasetContext context) {
    String filepath = Specs.required(spec, "filepath");
    String resolved = context.resolvePath(filepath);
    Path path;
    if (resolved.startsWith("file:")) {
      path = Path.of(URI.create(resolved));
    } else if (resolved.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        && !resolved.matches("^[A-Za-z]:\\\\.*")) {
      throw new DatasetException(
          Specs.where(spec)
              + ": filepath '"
              + filepath
              + "' is not a local path. This type reads and writes local files only (relative"
              + " paths, absolute paths, /Volumes/... on a Databricks driver, file: URIs).");
    } else {
      path = Path.of(resolved);
    }
    return new LocalFile(
        spec.name(), path.toAbsolutePath().normalize(), spec.bool("versioned", false), context);
  }

  /**
   * The file to read: the plain path, or the requested / latest version.
   *
   * @return the path
   * @throws DatasetException when nothing was saved yet or the requested version does not exist
   */
  public Path loadPath() {
    if (!versioned) {
      if (!Files.exists(path)) {
        throw new DatasetException(
            "Dataset '"
                + datasetName
                + "': no file at "
                + path
                + ". Run the node that produces it first, or check 'filepath'.");
      }
      return path;
    }
    Optional<String> requested = context.loadVersion(datasetName);
    String version =
        requested.orElseGet(
            () ->
                Versions.latestVersion(path)
                    .orElseThrow(
                        () ->
                            new DatasetException(
                                "Dataset '"
                                    + datasetName
                                    + "': no saved version under "
                                    + path
                                    + ". Run the node that produces it first.")));
    Path file = Path.of(Versions.versionedPath(path.toString(), version));
    if (!Files.exists(file)) {
      throw new DatasetException(
          "Dataset '"
              + datasetName
              + "': version "
              + version
              + " does not exist ("
              + file
              + "). Check --load-versions.");
    }
    return file;
  }

  /**
   * The file to write: the plain path, or {@code <path>/<save version>/<basename>} (the run's save
   * version, else a new timestamp).
   *
   * @return the path
   * @throws DatasetException when that version was already saved (Kedro refuses to overwrite a
   *     version)
   */
  public Path savePath() {
    if (!versioned) {
      return path;
    }
    String version = context.saveVersion().orElseGet(Versions::generateTimestamp);
    Path file = Path.of(Versions.versionedPath(path.toString(), version));
    if (Files.exists(file)) {
      throw new DatasetException(
          "Dataset '"
              + datasetName
              + "': version "
              + version
              + " was already saved ("
              + file
              + "). Versions are never overwritten: use a new save version.");
    }
    return file;
  }

  /**
   * @return the saved versions, oldest first (empty when not versioned or none was saved)
   */
  public java.util.List<String> savedVersions() {
    return versioned ? Versions.savedVersions(path) : java.util.List.of();
  }

  /**
   * @return whether a file (or, when versioned, a version) is there, without reading it
   */
  public boolean exists() {
    if (!versioned) {
      return Files.exists(path);
    }
    return context
        .loadVersion(datasetName)
        .map(v -> Files.exists(Path.of(Versions.versionedPath(path.toString(), v))))
        .orElseGet(() -> Versions.latestVersion(path).isPresent());
  }

  /**
   * Writes {@link #savePath()} through a hidden file next to it, moved over the target only after
   * {@code writer} returned.
   *
   * @param writer writes the content
   * @return the path written
   * @throws DatasetException when writing or moving fails; the previous file is untouched
   */
  public Path write(Writer writer) {
    Path target = savePath();
    writeAtomically(datasetName, target, writer);
    return target;
  }

  /**
   * Writes {@code target} through a hidden sibling file moved over it on success.
   *
   * @param datasetName for the message
   * @param target the file to replace
   * @param writer writes the content
   * @throws DatasetException when writing or moving fails; the previous file is untouched
   */
  public static void writeAtomically(String datasetName, Path target, Writer writer) {
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "parent folder");
    Path staging = dir.resolve("." + target.getFileName() + ".weir-" + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(staging)) {
        writer.write(out);
      }
      try {
        Files.move(
            staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(staging);
      } catch (IOException ignored) {
        // the staging file is hidden and named uniquely; a leftover does no harm
      }
      if (e instanceof DatasetException de) {
        throw de;
      }
      throw new DatasetException(
          "Dataset '"
              + datasetName
              + "': could not save to "
              + target
              + ": "
              + e
              + ". The previous file, if any, is unchanged.",
          e);
    }
  }

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Writer {
    /**
     * @param out the stream to write to; closed by the caller
     * @throws IOException when writing fails
     */
    void write(OutputStream out) throws IOException;
  }
}
