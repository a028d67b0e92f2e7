package dev.weir.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.weir.WeirException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@code <project>/.weir/last-run.json}, the record of the last run. */
public final class LastRunStore {
  private static final Logger LOG = LoggerFactory.getLogger(LastRunStore.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LastRunStore() {}

  /**
   * @param projectPath the project root
   * @return {@code <projectPath>/.weir/last-run.json}
   */
  public static Path file(Path projectPath) {
    return projectPath.resolve(".weir").resolve("last-run.json");
  }

  /**
   * Writes the record, replacing the previous one atomically where the file system allows, so a
   * reader never sees half a file.
   *
   * @param projectPath the project root
   * @param run the run
   * @return the file written
   * @throws WeirException when the file cannot be written (the path is named)
   */
  public static Path write(Path projectPath, LastRun run) {
    Path file = file(projectPath);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "last-run", ".json.tmp");
      MAPPER.writeValue(tmp.toFile(), run);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new WeirException(
          "Could not write the run record "
              + file
              + ": "
              + e.getMessage()
              + ". Check that the project directory is writable.",
          e);
    }
  }

  /**
   * Reads the record; a missing file means the project has not run yet, and an unreadable one (an
   * older format, a half-written file from a killed process) is ignored with a warning because the
   * map is still useful without it.
   *
   * @param projectPath the project root
   * @return the last run, or empty
   */
  public static Optional<LastRun> read(Path projectPath) {
    Path file = file(projectPath);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(file.toFile(), LastRun.class));
    } catch (IOException e) {
      LOG.warn("Ignoring the unreadable run record {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }
}
