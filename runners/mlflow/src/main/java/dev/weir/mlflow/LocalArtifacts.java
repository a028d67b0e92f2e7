package dev.weir.mlflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/** Copies an artifact into a local run's artifact folder, as both local stores keep them. */
final class LocalArtifacts {
  private LocalArtifacts() {}

  /**
   * @param artifactDir the run's artifact folder
   * @param file the file to log
   * @param artifactPath the folder inside the artifacts, or {@code null} for the top
   * @throws UncheckedIOException when the file cannot be copied
   */
  static void copy(Path artifactDir, Path file, @Nullable String artifactPath) {
    Path dir = artifactDir;
    if (artifactPath != null && !artifactPath.isEmpty()) {
      dir = dir.resolve(artifactPath).normalize();
    }
    try {
      Files.createDirectories(dir);
      Files.copy(
          file, dir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot copy " + file + " into the MLflow artifacts " + dir, e);
    }
  }
}
