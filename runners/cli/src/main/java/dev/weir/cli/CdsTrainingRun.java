package dev.weir.cli;

import dev.weir.cli.cds.TrainingProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs {@link dev.weir.cli.cds.TrainingPipelines} through {@code weir run} in a temporary project
 * ({@link TrainingProject}) on an embedded Spark session, then deletes the project. The {@code
 * weir} launcher starts it as
 *
 * <pre>{@code
 * java -XX:ArchiveClassesAtExit=target/weir-cds/classes.jsa -cp <dependency jars> \
 *     dev.weir.cli.CdsTrainingRun
 * }</pre>
 *
 * <p>with the project's dependency jars only, never its {@code target/classes}: HotSpot refuses to
 * dump an archive whose class path holds a non-empty directory, but accepts a run whose class path
 * appends entries to the dumped one (JDK 17, "Application Class Data Sharing" in the {@code java}
 * tool reference). The archive therefore stays valid while the project's own code changes, and only
 * a changed dependency jar (or another JDK) makes it stale.
 *
 * <p>Exit code: that of {@code weir run} (0 on success). Output: the run's own output.
 */
public final class CdsTrainingRun {
  private CdsTrainingRun() {}

  /**
   * @param args ignored
   * @throws IOException when the temporary project cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path project = Files.createTempDirectory("weir-cds-training");
    int code;
    try {
      TrainingProject.write(project);
      CliLogging.configure(false, false);
      ClassLoader app = CdsTrainingRun.class.getClassLoader();
      // The registry is found the way a project's is, through META-INF/services, but only here.
      try (URLClassLoader services =
          new URLClassLoader(
              new URL[] {project.resolve(TrainingProject.SERVICES).toUri().toURL()}, app)) {
        Thread.currentThread().setContextClassLoader(services);
        code = Main.commandLine().execute("run", "--project", project.toString());
        Thread.currentThread().setContextClassLoader(app);
      }
    } finally {
      delete(project);
    }
    System.exit(code);
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
