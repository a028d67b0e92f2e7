package dev.weir.spaceflights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real spaceflights raw files, which the repository does not carry: the folder {@code
 * $WEIR_SPACEFLIGHTS_DATA}, else {@code shared/data/spaceflights} beside the repository's root (the
 * first two sources of {@code bin/fetch-raw-data}; tests never download). When neither holds the
 * files a test fails with a message naming both places; it never skips.
 */
public final class RawDataFolder {
  /** The files the pipelines read from {@code data/01_raw/}. */
  public static final List<String> FILES = List.of("companies.csv", "reviews.csv", "shuttles.xlsx");

  private RawDataFolder() {}

  /**
   * @return the folder holding the three raw files
   * @throws AssertionError when no source holds them
   */
  public static Path find() {
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
   * Copies the three raw files into a project's raw folder.
   *
   * @param raw a project's {@code data/01_raw}, created if missing
   * @return {@code raw}
   * @throws AssertionError when no source holds the files
   */
  public static Path copyTo(Path raw) throws IOException {
    Path from = find();
    Files.createDirectories(raw);
    for (String file : FILES) {
      Files.copy(from.resolve(file), raw.resolve(file));
    }
    return raw;
  }

  /** {@code shared/data/spaceflights} beside the repository: above the outermost Maven module. */
  static Path sharedFolder() {
    Path root = Path.of("").toAbsolutePath();
    while (root.getParent() != null && Files.isRegularFile(root.getParent().resolve("pom.xml"))) {
      root = root.getParent();
    }
    return root.resolveSibling("shared").resolve("data/spaceflights").normalize();
  }
}
