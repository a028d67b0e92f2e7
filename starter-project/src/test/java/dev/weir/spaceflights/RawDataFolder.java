package dev.weir.spaceflights;

import dev.weir.datasets.testing.SpaceflightsData;
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
  public static final List<String> FILES = SpaceflightsData.FILES;

  private RawDataFolder() {}

  /**
   * @return the folder holding the three raw files ({@link SpaceflightsData#folder()})
   * @throws AssertionError when no source holds them
   */
  public static Path find() {
    return SpaceflightsData.folder();
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

  /** {@code shared/data/spaceflights} beside the repository ({@link SpaceflightsData}). */
  static Path sharedFolder() {
    return SpaceflightsData.sharedFolder();
  }
}
