package dev.weir.benchmarks.startup;

import dev.weir.benchmarks.Projects;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up of the {@code weir} command line, each invocation a fresh JVM ({@code java ...
 * dev.weir.cli.Main}, the command the project's {@code ./weir} launcher execs, with the same JVM
 * flags: {@code -Xmx2g}, Spark's {@code --add-opens} list, headless AWT), started in a project
 * directory:
 *
 * <ul>
 *   <li>{@code pipelineList}: {@code weir pipeline list}, from process start to exit.
 *   <li>{@code runToFirstNode}: {@code weir run --pipeline P}, from process start to the runner's
 *       {@code Running node:} log line for the first node (the process is then killed).
 * </ul>
 *
 * Projects: {@code trivial} (three identity nodes on memory datasets, {@link TrivialRegistry}) and
 * {@code spaceflights} (the starter's {@code conf/} and raw data; {@code run} uses the {@code
 * data_processing} pipeline, whose first node reads a CSV file through Spark, so the embedded Spark
 * session starts before that node runs if the catalog needs it first). The class path is what the
 * launcher builds: the runtime dependencies (Spark and Delta included) from the local Maven
 * repository, plus the starter's jar or the trivial registry. The launcher script's own work
 * (checking whether to rebuild) is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 8)
public class StartupBenchmark {
  private static final String MARKER = "Running node:";
  private static final List<String> JVM_FLAGS =
      List.of(
          "-Xmx2g",
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Dio.netty.allocator.type=pooled",
          "-Dio.netty.handler.ssl.defaultEndpointVerificationAlgorithm=NONE",
          "--enable-native-access=ALL-UNNAMED",
          "-Djava.awt.headless=true");

  /** {@code trivial} or {@code spaceflights}. */
  @Param({"trivial", "spaceflights"})
  String project;

  private Path root = Path.of(".");
  private Path projectDir = Path.of(".");
  private String classPath = "";
  private String pipeline = "";

  /** Writes the project and computes the class path (not measured). */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Files.createTempDirectory("weir-bench-startup-");
    projectDir = Files.createDirectories(root.resolve("project"));
    if (project.equals("trivial")) {
      Files.createDirectories(projectDir.resolve("conf/base"));
      Files.createDirectories(projectDir.resolve("conf/local"));
      Files.writeString(projectDir.resolve("conf/base/catalog.yml"), "{}\n");
      Files.writeString(projectDir.resolve("conf/base/parameters.yml"), "start: 1\n");
      Path classes = root.resolve("classes");
      String file = TrivialRegistry.class.getName().replace('.', '/') + ".class";
      Files.createDirectories(classes.resolve(file).getParent());
      try (InputStream in = resource(file)) {
        Files.copy(in, classes.resolve(file));
      }
      Path services = classes.resolve("META-INF/services/dev.weir.pipeline.PipelineRegistry");
      Files.createDirectories(services.getParent());
      Files.writeString(services, TrivialRegistry.class.getName() + "\n");
      classPath = classes + java.io.File.pathSeparator + classPathResource("trivial-classpath.txt");
      pipeline = "trivial";
    } else {
      Path starter = Projects.starter();
      Projects.copyTree(starter.resolve("conf"), projectDir.resolve("conf"));
      Projects.copyTree(starter.resolve("data/01_raw"), projectDir.resolve("data/01_raw"));
      classPath = classPathResource("spaceflights-classpath.txt");
      pipeline = "data_processing";
    }
  }

  /** Deletes the project. */
  @TearDown(Level.Trial)
  public void tearDown() {
    Projects.delete(root);
  }

  /**
   * @return the number of output lines, so the work is not dropped
   * @throws Exception when the command fails
   */
  @Benchmark
  public int pipelineList() throws Exception {
    Process process = start("pipeline", "list");
    List<String> lines = readAll(process.getInputStream());
    int code = process.waitFor();
    if (code != 0 || lines.stream().noneMatch(l -> l.contains(pipeline))) {
      throw new IllegalStateException("weir pipeline list exited " + code + ": " + lines);
    }
    return lines.size();
  }

  /**
   * @return the number of output lines read before the marker
   * @throws Exception when the command ends without starting a node
   */
  @Benchmark
  public int runToFirstNode() throws Exception {
    Process process = start("run", "--pipeline", pipeline);
    List<String> seen = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        seen.add(line);
        if (line.contains(MARKER)) {
          return seen.size();
        }
      }
    } finally {
      process.destroyForcibly();
      process.waitFor();
    }
    throw new IllegalStateException("weir run ended before any node started: " + seen);
  }

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(classPath);
    command.add("dev.weir.cli.Main");
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(projectDir.toFile())
        .redirectErrorStream(true)
        .start();
  }

  private static List<String> readAll(InputStream in) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        StartupBenchmark.class.getClassLoader().getResourceAsStream(name), name);
  }

  /**
   * A class path file written at build time by maven-dependency-plugin (build-classpath). The Weir
   * jars in it are copied under the trial's directory first, so a concurrent {@code mvn install} of
   * a Weir module cannot swap a jar under a running child JVM.
   */
  private String classPathResource(String name) throws IOException {
    String listed;
    try (InputStream in = resource("dev/weir/benchmarks/startup/" + name)) {
      listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    Path jars = Files.createDirectories(root.resolve("weir-jars"));
    List<String> entries = new ArrayList<>();
    for (String entry : listed.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (jar.toString().contains("/dev/weir/") && Files.isRegularFile(jar)) {
        Path copy = jars.resolve(jar.getFileName());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        entries.add(copy.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
