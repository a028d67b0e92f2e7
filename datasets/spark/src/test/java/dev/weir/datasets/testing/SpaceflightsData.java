package dev.weir.datasets.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real spaceflights raw files ({@code companies.csv}, {@code reviews.csv}, {@code
 * shuttles.xlsx}), which the repository does not carry. Read the way the starter's {@code
 * bin/fetch-raw-data} reads them: the folder {@code $WEIR_SPACEFLIGHTS_DATA}, else {@code
 * shared/data/spaceflights} beside the repository's root. A test that needs them fails with a
 * message naming both places when neither holds the file; it never skips.
 */
public final class SpaceflightsData {
  private SpaceflightsData() {}

  /**
   * @param name {@code companies.csv}, {@code reviews.csv} or {@code shuttles.xlsx}
   * @return the file
   * @throws AssertionError when no source holds it
   */
  public static Path file(String name) {
    String env = System.getenv("WEIR_SPACEFLIGHTS_DATA");
    Path shared = repositoryRoot().resolveSibling("shared").resolve("data/spaceflights");
    Path dir = env != null && !env.isBlank() ? Path.of(env) : shared;
    Path file = dir.resolve(name).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "The spaceflights raw data is needed by this test and "
              + file
              + " does not exist. Set WEIR_SPACEFLIGHTS_DATA to a folder holding companies.csv,"
              + " reviews.csv and shuttles.xlsx, or put them in "
              + shared.toAbsolutePath().normalize()
              + " (beside the repository). They come from the public kedro-org/kedro-starters"
              + " repository (spaceflights-pandas/{{ cookiecutter.repo_name }}/data/01_raw/,"
              + " Apache License 2.0).");
    }
    return file;
  }

  /**
   * The outermost directory above the working directory that holds a {@code pom.xml}: the
   * repository root, also across folders without a pom (datasets/ holds only nested modules).
   */
  private static Path repositoryRoot() {
    Path root = Path.of("").toAbsolutePath();
    for (Path dir = root; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))) {
        root = dir;
      }
    }
    return root;
  }
}
