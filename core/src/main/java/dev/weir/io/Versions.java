package dev.weir.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kedro's dataset versioning rules (kedro/io/core.py {@code generate_timestamp}, {@code
 * AbstractVersionedDataset}): a version is a UTC timestamp {@code YYYY-MM-DDThh.mm.ss.sssZ}; a
 * versioned dataset with {@code filepath: data/06_models/regressor.json} saves to {@code
 * data/06_models/regressor.json/<version>/regressor.json}; load picks the latest version that holds
 * the file unless a load version is given; saving to a version that already exists fails.
 */
public final class Versions {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** A valid version string: {@code 2024-01-31T12.30.45.123Z}. */
  public static final Pattern VERSION_PATTERN =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{3}Z");

  /** The last timestamp handed out, in epoch milliseconds: versions never repeat in one JVM. */
  private static final java.util.concurrent.atomic.AtomicLong LAST_MILLIS =
      new java.util.concurrent.atomic.AtomicLong();

  private Versions() {}

  /**
   * @return the current UTC time in Kedro's version format, for example {@code
   *     2024-01-31T12.30.45.123Z}; strictly later than every timestamp returned before in this JVM
   *     (at most a few milliseconds ahead of the clock when called in a burst)
   */
  public static String generateTimestamp() {
    // Kedro's timestamps have millisecond resolution: two runs (or saves) started in the same
    // millisecond would share a version and the second save would fail. One JVM never repeats one:
    // a call in the same millisecond as the last gets the next millisecond.
    long now = System.currentTimeMillis();
    long millis = LAST_MILLIS.updateAndGet(last -> Math.max(now, last + 1));
    return FORMAT.format(Instant.ofEpochMilli(millis));
  }

  /**
   * @param instant a point in time
   * @return that time in Kedro's version format
   */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * The path of one version of a versioned dataset: {@code <filepath>/<version>/<basename>}.
   *
   * @param filepath the dataset's {@code filepath} as resolved (local path or URI)
   * @param version a version string
   * @return the versioned path, using {@code /} as separator
   */
  public static String versionedPath(String filepath, String version) {
    String trimmed =
        filepath.endsWith("/") ? filepath.substring(0, filepath.length() - 1) : filepath;
    String basename = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return trimmed + "/" + version + "/" + basename;
  }

  /**
   * The latest saved version of a local versioned dataset: the greatest version directory under
   * {@code filepath} that holds {@code <basename>}.
   *
   * @param filepath the dataset's local path (the directory holding the versions)
   * @return the latest version, or empty when none was saved
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static Optional<String> latestVersion(Path filepath) {
    List<String> all = savedVersions(filepath);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The saved versions of a local versioned dataset: the version directories under {@code filepath}
   * that hold {@code <basename>}.
   *
   * @param filepath the dataset's local path (the directory holding the versions)
   * @return the versions, oldest first; empty when none was saved
   * @throws UncheckedIOException when the directory cannot be listed
   */
  public static List<String> savedVersions(Path filepath) {
    if (!Files.isDirectory(filepath)) {
      return List.of();
    }
    String basename = filepath.getFileName().toString();
    try (Stream<Path> children = Files.list(filepath)) {
      return children
          .filter(p -> VERSION_PATTERN.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.exists(p.resolve(basename)))
          .map(p -> p.getFileName().toString())
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
