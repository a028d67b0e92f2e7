package dev.weir.datasets.spark;

import dev.weir.io.DatasetException;
import dev.weir.io.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * File-system operations next to Spark's reads and writes: existence checks, listing versions, and
 * saves that replace a directory only once the new one is complete.
 *
 * <p>Which file system is used depends on the path and the session, because a Spark Connect client
 * has no Hadoop file system of its own:
 *
 * <ul>
 *   <li>local paths (no scheme, or {@code file:}; not {@code /Volumes} or {@code /dbfs}, which are
 *       Databricks storage): {@code java.nio} in this JVM, which shares the disk with an embedded
 *       session or a Connect server on the same machine;
 *   <li>other URIs on a classic session: Hadoop's {@link FileSystem} from the session's Hadoop
 *       configuration (credentials and all);
 *   <li>other URIs over Connect: no file-system access. Saves write in place, so a failed overwrite
 *       of a Parquet / CSV / JSON / ORC / text directory can lose the old data there: use Delta
 *       (its transaction log keeps the old version) for such outputs.
 * </ul>
 */
final class SparkStorage {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkStorage.class);

  private SparkStorage() {}

  /**
   * @param path a resolved dataset path
   * @return whether it is on this machine's disk
   */
  static boolean isLocal(String path) {
    if (path.startsWith("file:")) {
      return true;
    }
    if (path.startsWith("/Volumes/") || path.startsWith("/dbfs/")) {
      return false;
    }
    return !path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }

  static Path local(String path) {
    return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
  }

  /**
   * @param spark the session
   * @param path a resolved path
   * @return whether {@link #exists} can answer from a file system (else the caller asks Spark)
   */
  static boolean canCheck(SparkSession spark, String path) {
    return isLocal(path) || SparkSessions.isClassic(spark);
  }

  /**
   * @param spark the session
   * @param path a resolved path; {@link #canCheck} must be true
   * @param credentials the dataset's Hadoop options, used for non-local paths
   * @return whether a file or directory is there
   */
  static boolean exists(SparkSession spark, String path, HadoopCredentials credentials) {
    if (isLocal(path)) {
      return Files.exists(local(path));
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(hadoopConf(spark, credentials)).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The latest Kedro version directory under a versioned dataset's path.
   *
   * @param spark the session
   * @param path the dataset's resolved path
   * @param credentials the dataset's Hadoop options, used for non-local paths
   * @return the version, or empty when none was saved
   * @throws DatasetException over Connect for a non-local path (no listing there)
   */
  static Optional<String> latestVersion(
      SparkSession spark, String datasetName, String path, HadoopCredentials credentials) {
    if (isLocal(path)) {
      return Versions.latestVersion(local(path));
    }
    if (!SparkSessions.isClassic(spark)) {
      throw new DatasetException(
          "Dataset '"
              + datasetName
              + "': over Spark Connect Weir cannot list the versions under "
              + path
              + ". Give the version to load with --load-versions "
              + datasetName
              + ":<version>.");
    }
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = p.getFileSystem(hadoopConf(spark, credentials));
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      String basename = p.getName();
      Optional<String> best = Optional.empty();
      for (FileStatus status : fs.listStatus(p)) {
        String name = status.getPath().getName();
        if (Versions.VERSION_PATTERN.matcher(name).matches()
            && fs.exists(new org.apache.hadoop.fs.Path(status.getPath(), basename))
            && (best.isEmpty() || name.compareTo(best.get()) > 0)) {
          best = Optional.of(name);
        }
      }
      return best;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Overwrites {@code target} by writing a sibling staging directory and swapping it in when the
   * write succeeded; on failure the staging directory is removed and the target is untouched. Over
   * Connect on a non-local path it writes in place (see the class comment).
   *
   * <p>A save killed mid-write (the JVM ended, {@code kill -9}) leaves its staging directory
   * behind; each save first removes such stale directories of this target, see {@link
   * StagingDirectories}.
   *
   * @param spark the session
   * @param target the resolved target path
   * @param credentials the dataset's Hadoop options, used for non-local paths
   * @param write writes the data to the path it is given (with Spark's overwrite mode)
   */
  static void overwriteViaStaging(
      SparkSession spark, String target, HadoopCredentials credentials, Consumer<String> write) {
    if (isLocal(target)) {
      Path t = local(target).toAbsolutePath().normalize();
      StagingDirectories.removeStale(t);
      String id = UUID.randomUUID().toString();
      Path staging =
          t.resolveSibling(StagingDirectories.stagingName(t.getFileName().toString(), id));
      Path old = t.resolveSibling(StagingDirectories.oldName(t.getFileName().toString(), id));
      try {
        Files.createDirectories(t.getParent());
        write.accept(staging.toUri().toString());
        boolean hadOld = Files.exists(t);
        if (hadOld) {
          Files.move(t, old);
        }
        try {
          Files.move(staging, t);
        } catch (IOException e) {
          if (hadOld) {
            Files.move(old, t);
          }
          throw e;
        }
        deleteLocal(old);
      } catch (IOException e) {
        deleteQuietly(staging);
        throw new UncheckedIOException(e);
      } catch (Exception e) {
        deleteQuietly(staging);
        throw e;
      }
      return;
    }
    if (!SparkSessions.isClassic(spark)) {
      LOG.warn(
          "Over Spark Connect Weir cannot stage the overwrite of {}: it is written in place, so a"
              + " failed save can leave it partly written. Use a Delta dataset for an atomic"
              + " overwrite.",
          target);
      write.accept(target);
      return;
    }
    try {
      org.apache.hadoop.fs.Path t = new org.apache.hadoop.fs.Path(target);
      FileSystem fs = t.getFileSystem(hadoopConf(spark, credentials));
      StagingDirectories.removeStale(fs, t);
      String id = UUID.randomUUID().toString();
      org.apache.hadoop.fs.Path staging =
          new org.apache.hadoop.fs.Path(
              t.getParent(), StagingDirectories.stagingName(t.getName(), id));
      org.apache.hadoop.fs.Path old =
          new org.apache.hadoop.fs.Path(t.getParent(), StagingDirectories.oldName(t.getName(), id));
      try {
        write.accept(staging.toString());
      } catch (Exception e) {
        fs.delete(staging, true);
        throw e;
      }
      boolean hadOld = fs.exists(t);
      if (hadOld && !fs.rename(t, old)) {
        throw new IOException("could not move " + t + " aside");
      }
      if (!fs.rename(staging, t)) {
        if (hadOld) {
          fs.rename(old, t);
        }
        throw new IOException("could not move " + staging + " to " + t);
      }
      if (hadOld) {
        fs.delete(old, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param spark a classic session
   * @param credentials the dataset's Hadoop options
   * @return a new copy of the session's Hadoop configuration with the options set on it (the
   *     session's own configuration is not changed)
   */
  private static Configuration hadoopConf(SparkSession spark, HadoopCredentials credentials) {
    Configuration conf =
        ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().newHadoopConf();
    credentials.options().forEach(conf::set);
    return conf;
  }

  private static void deleteQuietly(Path dir) {
    try {
      deleteLocal(dir);
    } catch (IOException ignored) {
      // a hidden, uniquely named leftover does no harm to readers of the target
    }
  }

  static void deleteLocal(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
