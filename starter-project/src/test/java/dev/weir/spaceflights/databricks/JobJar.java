package dev.weir.spaceflights.databricks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The starter's built job JAR ({@code target/spaceflights-<version>-job.jar}) and what a Databricks
 * cluster puts next to it: the provided-scope dependencies (Spark, Delta, Hadoop, Scala), written
 * by the build to {@code target/cluster-classpath.txt}. Only the {@code job-jar} surefire execution
 * (after {@code package}) sets the system properties read here.
 */
final class JobJar {
  /** JUnit tag of the tests that need the built JAR. */
  static final String TAG = "job-jar";

  private static final long TIMEOUT_MINUTES = 10;

  private JobJar() {}

  /**
   * @return the job JAR
   * @throws IllegalStateException outside the {@code job-jar-tests} execution, or before {@code
   *     package}
   */
  static Path jar() {
    Path jar = Path.of(property("weir.jobJar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: run `mvn verify` (it builds it).");
    }
    return jar;
  }

  /**
   * The classpath a Databricks cluster gives a JAR task, as far as this build can tell: the
   * provided-scope dependencies, plus the jars of the groups the job JAR leaves out because the
   * runtime has them (Log4j 2, SLF4J, Jackson: Maven mediates them to compile scope through Weir,
   * so they are not in the provided list).
   *
   * @return classpath entries joined with the path separator
   */
  static String clusterClasspath() throws IOException {
    List<String> entries =
        new ArrayList<>(
            List.of(
                Files.readString(Path.of(property("weir.clusterClasspath")))
                    .trim()
                    .split(File.pathSeparator)));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace('\\', '/');
      if (RUNTIME_GROUPS.stream().anyMatch(path::contains) && !entries.contains(entry)) {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Repository folders of the groups the starter's shade configuration leaves to the runtime. */
  private static final List<String> RUNTIME_GROUPS =
      List.of("/org/apache/logging/log4j/", "/org/slf4j/", "/com/fasterxml/jackson/core/");

  /**
   * @return the parent pom's {@code spark.jvm.flags}
   */
  static List<String> jvmFlags() {
    return Arrays.stream(property("weir.jvmFlags").trim().split("\\s+"))
        .filter(f -> !f.isEmpty())
        .toList();
  }

  /** What a child process printed and how it ended. */
  record Result(int exitCode, String output) {}

  /**
   * Runs {@code java <flags> -cp <classpath> <mainClass> <args>} in {@code workDir}.
   *
   * @return its exit code and combined output
   */
  static Result java(
      Path workDir, Map<String, String> env, String classpath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(jvmFlags());
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return run(workDir, env, command);
  }

  /**
   * @return its exit code and combined output
   * @throws IllegalStateException when it runs longer than {@value #TIMEOUT_MINUTES} minutes
   */
  static Result run(Path workDir, Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(workDir, "process-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(
          String.join(" ", command)
              + " ran over "
              + TIMEOUT_MINUTES
              + " minutes:\n"
              + Files.readString(log));
    }
    return new Result(process.exitValue(), Files.readString(log));
  }

  /**
   * @param entries classpath entries
   * @return them joined with the platform's separator
   */
  static String classpath(String... entries) {
    return String.join(File.pathSeparator, entries);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property "
              + name
              + " is not set: this test runs in the job-jar-tests"
              + " execution of `mvn verify` (after package).");
    }
    return value;
  }
}
