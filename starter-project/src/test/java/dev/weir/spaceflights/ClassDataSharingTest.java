package dev.weir.spaceflights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the {@code weir} launcher records, for real: a child JVM runs {@code
 * dev.weir.cli.CdsTrainingRun} with {@code -XX:ArchiveClassesAtExit} on the jars of this test's
 * class path (no directory: HotSpot refuses to archive one), then a second JVM maps the archive
 * with {@code -Xshare:on} (which makes HotSpot stop instead of running without an archive it cannot
 * use) on the same jars plus the starter's {@code target/classes} appended, as the launcher does,
 * and lists the pipelines. {@code -Xlog:class+load} shows where each class came from.
 */
class ClassDataSharingTest {
  private static final Path PROJECT = Paths.get("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void theTrainingRunRecordsAnArchiveThatARunWithTheProjectAppendedMaps() throws Exception {
    String jars = String.join(File.pathSeparator, dependencyJars());
    Path archive = dir.resolve("classes.jsa");

    Result training =
        java(
            List.of(
                "-XX:ArchiveClassesAtExit=" + archive, "-cp", jars, "dev.weir.cli.CdsTrainingRun"));

    assertThat(training.exitCode).as(training.output).isZero();
    assertThat(training.output).contains("5 nodes ran", "clean_customers.rated [drop]");
    assertThat(archive).isNotEmptyFile();

    Result list =
        java(
            List.of(
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info",
                "-cp",
                jars + File.pathSeparator + PROJECT.resolve("target/classes"),
                "dev.weir.cli.Main",
                "pipeline",
                "list"));

    assertThat(list.exitCode).as(list.output).isZero();
    assertThat(list.output)
        .contains("data_processing", "data_science", "reporting")
        .containsPattern("dev\\.weir\\.cli\\.Main source: shared objects file \\(top\\)")
        .containsPattern(
            "com\\.fasterxml\\.jackson\\.dataformat\\.yaml\\.YAMLParser source: shared objects file \\(top\\)")
        // The project's own classes are appended after the archived jars and loaded from there.
        .containsPattern(
            "dev\\.weir\\.spaceflights\\.SpaceflightsPipelineRegistry source: file:.*target/classes/");
  }

  /**
   * This test's class path without the starter's own folders; another module's classes folder (a
   * reactor build that has not packaged it yet, an IDE) is packed into a jar first.
   */
  private List<String> dependencyJars() throws IOException, InterruptedException {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (entry.endsWith(".jar")) {
        jars.add(entry);
      } else if (Files.isDirectory(path) && !path.startsWith(PROJECT)) {
        Path jar = dir.resolve("module-" + jars.size() + ".jar");
        String tool = Path.of(System.getProperty("java.home"), "bin", "jar").toString();
        Process p =
            new ProcessBuilder(tool, "--create", "--file", jar.toString(), "-C", entry, ".")
                .inheritIO()
                .start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0)
            .as("jar " + entry)
            .isTrue();
        jars.add(jar.toString());
      }
    }
    return jars;
  }

  private record Result(int exitCode, String output) {}

  private Result java(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(sparkJvmFlags());
    command.add("-Djava.awt.headless=true");
    command.addAll(args);
    Path out = Files.createTempFile(dir, "java", ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the child JVM finished").isTrue();
    return new Result(process.exitValue(), Files.readString(out));
  }

  /**
   * The launcher's SPARK_JVM_FLAGS, one per line between {@code SPARK_JVM_FLAGS=(} and {@code )}.
   */
  private static List<String> sparkJvmFlags() throws IOException {
    List<String> lines = Files.readAllLines(PROJECT.resolve("weir"));
    int start = lines.indexOf("SPARK_JVM_FLAGS=(");
    List<String> flags = new ArrayList<>();
    for (int i = start + 1; !lines.get(i).equals(")"); i++) {
      flags.add(lines.get(i).strip());
    }
    assertThat(flags).isNotEmpty();
    return flags;
  }
}
