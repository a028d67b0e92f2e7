package dev.weir.spaceflights.databricks;

import dev.weir.cli.Main;
import dev.weir.spaceflights.RawDataFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A copy of the starter project ({@code conf/}, and {@code data/01_raw/} from {@link
 * RawDataFolder}) in a temporary directory, so a test run never writes into the working tree, and
 * the {@code weir} command line run on it in this JVM.
 */
final class StarterProject {
  static final Path SOURCE = Paths.get("").toAbsolutePath();

  private StarterProject() {}

  /**
   * @param target an empty directory
   * @return {@code target}, holding {@code conf/} and {@code data/01_raw/}
   */
  static Path copyTo(Path target) throws IOException {
    copy(SOURCE.resolve("conf"), target.resolve("conf"));
    RawDataFolder.copyTo(target.resolve("data/01_raw"));
    return target;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path dest = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(file, dest);
        }
      }
    }
  }

  /** What one command printed, and its exit code. */
  record Outcome(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
  }

  /**
   * @param args {@code weir} arguments
   * @return the exit code and what was printed
   */
  static Outcome weir(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }
}
