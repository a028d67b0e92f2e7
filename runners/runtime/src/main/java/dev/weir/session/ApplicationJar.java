package dev.weir.session;

import dev.weir.config.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The project's code as one JAR file: what spark-submit calls the {@code <application-jar>} and
 * ships to executors (Spark's {@code spark.jars}), or what a Spark Connect client uploads with
 * {@code SparkSession.addArtifact(String)} so the server can load the classes of a UDF.
 *
 * <p>The code is found where the project's pipeline registry class was loaded from: a JAR file (the
 * packaged job, or the project's JAR on a class path) is used as it is; a directory of classes (an
 * IDE or {@code mvn test}, {@code target/classes}) is packed once per JVM into a temporary JAR,
 * deleted when the JVM exits.
 */
final class ApplicationJar {
  /** Directories already packed in this JVM: directory to its JAR. */
  private static final Map<Path, Path> PACKED = new ConcurrentHashMap<>();

  private ApplicationJar() {}

  /**
   * @param projectClass a class of the project (its pipeline registry)
   * @return the JAR holding it, or empty when the class has no file location (a class defined at
   *     run time, the JDK's own classes)
   * @throws ConfigException when a class directory cannot be packed (the I/O error is the cause)
   */
  static Optional<Path> of(Class<?> projectClass) {
    CodeSource source = projectClass.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException
        | IllegalArgumentException
        | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
    if (Files.isRegularFile(location)) {
      return Optional.of(location);
    }
    if (Files.isDirectory(location)) {
      return Optional.of(PACKED.computeIfAbsent(location.normalize(), ApplicationJar::pack));
    }
    return Optional.empty();
  }

  /**
   * @param classes a directory of classes and resources
   * @return a temporary JAR with the same entries
   */
  private static Path pack(Path classes) {
    try {
      Path jar = Files.createTempFile("weir-application-", ".jar");
      jar.toFile().deleteOnExit();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(classes)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream zip = new JarOutputStream(out)) {
        for (Path file : files) {
          String name = classes.relativize(file).toString().replace('\\', '/');
          zip.putNextEntry(new JarEntry(name));
          Files.copy(file, zip);
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new ConfigException(
          "Could not pack the project's classes in "
              + classes
              + " into a JAR to ship to Spark executors: "
              + e.getMessage(),
          e);
    }
  }
}
