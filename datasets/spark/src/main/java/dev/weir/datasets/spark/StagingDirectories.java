package dev.weir.datasets.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The hidden sibling directories of a staged overwrite ({@link SparkStorage#overwriteViaStaging})
 * and the removal of those a killed save left behind.
 *
 * <p>A save of {@code data/companies.parquet} writes {@code data/.companies.parquet
 * .weir-staging-<uuid>} and, while swapping, moves the old data to {@code
 * .companies.parquet.weir-old-<uuid>}. When the process is killed mid-write these stay. The next
 * save of the same target removes every directory that matches exactly {@code .<name>
 * .weir-staging-<uuid>} for its own file name, and {@code .<name>.weir-old-<uuid>} only when the
 * target exists (otherwise the old directory is the only copy of the data: it is kept and a warning
 * names it). Directories of other targets, even with a name that starts the same, never match. Two
 * processes must not save the same target at the same time.
 */
final class StagingDirectories {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(StagingDirectories.class);
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private StagingDirectories() {}

  /**
   * @param targetName the target's file name, for example {@code companies.parquet}
   * @param id a random UUID
   * @return the name of the directory a save writes to: {@code .<name>.weir-staging-<id>}
   */
  static String stagingName(String targetName, String id) {
    return "." + targetName + ".weir-staging-" + id;
  }

  /**
   * @param targetName the target's file name
   * @param id the save's UUID
   * @return the name the old data is moved to during the swap: {@code .<name>.weir-old-<id>}
   */
  static String oldName(String targetName, String id) {
    return "." + targetName + ".weir-old-" + id;
  }

  /**
   * @param targetName the target's file name, for example {@code companies.parquet}
   * @return the pattern of its staging directories' names
   */
  static Pattern staging(String targetName) {
    return Pattern.compile("\\." + Pattern.quote(targetName) + "\\.weir-staging-" + UUID);
  }

  /**
   * @param targetName the target's file name
   * @return the pattern of the directories its old data is moved to during the swap
   */
  static Pattern old(String targetName) {
    return Pattern.compile("\\." + Pattern.quote(targetName) + "\\.weir-old-" + UUID);
  }

  /**
   * Removes stale staging directories of a local target.
   *
   * @param target the absolute, normalised target path
   * @throws UncheckedIOException when the parent cannot be listed or a directory not deleted
   */
  static void removeStale(Path target) {
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return;
    }
    String name = target.getFileName().toString();
    boolean targetExists = Files.exists(target);
    List<Path> siblings;
    try (Stream<Path> list = Files.list(parent)) {
      siblings = list.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      for (Path sibling : siblings) {
        String n = sibling.getFileName().toString();
        if (staging(name).matcher(n).matches()
            || (targetExists && old(name).matcher(n).matches())) {
          LOG.info(
              "Removing {}, left by an earlier save of {} that did not finish", sibling, target);
          SparkStorage.deleteLocal(sibling);
        } else if (old(name).matcher(n).matches()) {
          warnKept(sibling.toString(), target.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes stale staging directories of a target on a Hadoop file system.
   *
   * @param fs the target's file system
   * @param target the target path
   * @throws IOException when listing or deleting fails
   */
  static void removeStale(FileSystem fs, org.apache.hadoop.fs.Path target) throws IOException {
    org.apache.hadoop.fs.Path parent = target.getParent();
    if (parent == null || !fs.exists(parent)) {
      return;
    }
    String name = target.getName();
    boolean targetExists = fs.exists(target);
    for (FileStatus status : fs.listStatus(parent)) {
      String n = status.getPath().getName();
      if (staging(name).matcher(n).matches() || (targetExists && old(name).matcher(n).matches())) {
        LOG.info(
            "Removing {}, left by an earlier save of {} that did not finish",
            status.getPath(),
            target);
        fs.delete(status.getPath(), true);
      } else if (old(name).matcher(n).matches()) {
        warnKept(status.getPath().toString(), target.toString());
      }
    }
  }

  private static void warnKept(String old, String target) {
    LOG.warn(
        "{} is missing and {} holds its data from before a save that did not finish: move it"
            + " back to {} to restore that data.",
        target,
        old,
        target);
  }
}
