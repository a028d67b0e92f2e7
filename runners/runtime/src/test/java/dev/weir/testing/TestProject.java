package dev.weir.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the tiny test project of {@link TestPipelines} into a directory. */
public final class TestProject {
  /** The credential value that must never be printed. */
  public static final String SECRET = "SUPERSECRET-token-123";

  private TestProject() {}

  /**
   * @param root an empty directory
   * @return {@code root}, now holding {@code conf/} and {@code data/}
   */
  public static Path create(Path root) {
    write(
        root.resolve("conf/base/catalog.yml"),
        """
        raw:
          type: test.TextFileDataset
          filepath: data/raw.txt
          credentials: db_creds
          versioned: true

        summary:
          type: test.TextFileDataset
          filepath: data/summary.txt

        staged:
          type: test.TextFileDataset
          filepath: data/staged.txt

        "{name}_report":
          type: test.TextFileDataset
          filepath: data/{name}_report.txt
        """);
    write(
        root.resolve("conf/base/parameters.yml"),
        """
        greeting: hello
        options:
          repeat: 2
        """);
    write(root.resolve("conf/local/credentials.yml"), "db_creds:\n  token: " + SECRET + "\n");
    write(root.resolve("conf/prod/parameters.yml"), "greeting: bonjour\n");
    write(root.resolve("conf/prod/credentials.yml"), "db_creds:\n  token: " + SECRET + "\n");
    write(root.resolve("data/raw.txt"), "  weir  ");
    write(root.resolve("data/raw.txt.v1"), "versioned");
    return root;
  }

  /**
   * @param file a file
   * @param text its content
   */
  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param file a file
   * @return its content
   */
  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
