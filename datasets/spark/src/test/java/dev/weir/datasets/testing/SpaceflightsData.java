package dev.weir.datasets.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real spaceflights raw files ({@code companies.csv}, {@code reviews.csv}, {@code
 * shuttles.xlsx}), which the repository does not carry. Read the way the starter's {@code
 * bin/fetch-raw-data} reads them: the folder {@code $WEIR_SPACEFLIGHTS_DATA}, else {@code
 * shared/data/spaceflights} beside the repository's root. A test that needs them fails with a
 * message naming both places when neither holds them; it never skips. The starter's tests use this
 * class through this module's test-jar.
 */
public final class SpaceflightsData {
  /** The three raw files. */
  public static final List<String> FILES = List.of("companies.csv", "reviews.csv", "shuttles.xlsx");

  private SpaceflightsData() {}

  /**
   * @param name {@code companies.csv}, {@code reviews.csv} or {@code shuttles.xlsx}
   * @return the file
   * @throws AssertionError when no source holds the raw files
   */
  public static Path file(String name) {
    return folder().resolve(name);
  }

  /**
   * @return the folder holding the three raw files
   * @throws AssertionError when no source holds them
   */
  public static Path folder() {
    String env = System.getenv("WEIR_SPACEFLIGHTS_DATA");
    Path shared = sharedFolder();
    Path dir = (env != null && !env.isBlank() ? Path.of(env) : shared).toAbsolutePath().normalize();
    List<String> missing =
        FILES.stream().filter(f -> !Files.isRegularFile(dir.resolve(f))).toList();
    if (!missing.isEmpty()) {
      throw new AssertionError(
          "The spaceflights raw data is needed by this test and "
              + dir
              + (env != null && !env.isBlank() ? " (WEIR_SPACEFLIGHTS_DATA)" : "")
              + " lacks "
              + String.join(", ", missing)
              + ". Set WEIR_SPACEFLIGHTS_DATA to a folder holding companies.csv, reviews.csv and"
              + " shuttles.xlsx, or put them in "
              + shared
              + " (beside the repository). They come from the public kedro-org/kedro-starters"
              + " repository (spaceflights-pandas/{{ cookiecutter.repo_name }}/data/01_raw/,"
              + " Apache License 2.0).");
    }
    return dir;
  }

  /**
   * @return {@code shared/data/spaceflights} beside the repository root: the outermost directory
   *     above the working directory that holds a {@code pom.xml}, also across folders without one
   *     ({@code datasets/} holds only nested modules)
   */
  public static Path sharedFolder() {
    Path root = Path.of("").toAbsolutePath();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))) {
        root = dir;
      }
    }
    return root.resolveSibling("shared").resolve("data/spaceflights").normalize();
  }
}
