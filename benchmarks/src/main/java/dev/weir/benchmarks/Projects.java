package dev.weir.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finding the starter project and copying / deleting project directories for the benchmarks. */
public final class Projects {
  private Projects() {}

  /**
   * The starter project: {@code $WEIR_STARTER}, else {@code starter-project} or {@code
   * ../starter-project} from the working directory.
   *
   * @return its directory
   * @throws IllegalStateException when none of them holds {@code data/01_raw/companies.csv} (the
   *     raw data is not committed: {@code bin/fetch-raw-data} fetches it)
   */
  public static Path starter() {
    String env = System.getenv("WEIR_STARTER");
    for (String candidate :
        env != null ? List.of(env) : List.of("starter-project", "../starter-project")) {
      Path dir = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isRegularFile(dir.resolve("data/01_raw/companies.csv"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Cannot find the starter project with its raw data: run from the repository root or set"
            + " WEIR_STARTER, after starter-project/bin/fetch-raw-data (or ./weir run) has filled"
            + " its data/01_raw/.");
  }

  /**
   * Copies a directory tree, replacing files that exist.
   *
   * @param from the source directory
   * @param to the target directory, created if missing
   * @throws UncheckedIOException when a file cannot be copied
   */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Deletes a directory tree; a missing one is fine.
   *
   * @param dir the directory
   * @throws UncheckedIOException when a file cannot be deleted
   */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
