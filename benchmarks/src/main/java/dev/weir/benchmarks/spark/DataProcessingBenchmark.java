package dev.weir.benchmarks.spark;

import dev.weir.benchmarks.Projects;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.HookManager;
import dev.weir.runner.SequentialRunner;
import dev.weir.session.RunOptions;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The spaceflights {@code data_processing} pipeline through Weir against the same transformations
 * as one plain Spark program ({@link PlainSparkProgram}), on one SparkSession, interleaved: every
 * invocation runs all four variants one after the other, rotating which goes first, each writing
 * its four Delta tables to fresh directories made before the invocation.
 *
 * <ul>
 *   <li>{@code weirSessionMs}: {@code Session.run} of the pipeline, as {@code weir run --pipeline
 *       data_processing} does it: configuration loaded, catalog built from the starter's {@code
 *       catalog.yml}, the hooks every project gets from {@code META-INF/services} (run recorder,
 *       MLflow, classic-Spark check), the sequential runner.
 *   <li>{@code weirRunnerMs}: the same project's catalog ({@code Session.catalog}) and pipeline run
 *       by {@link SequentialRunner} with no hooks: Weir's runner and catalog alone.
 *   <li>{@code plainMs}: the plain program.
 *   <li>{@code plainReadBackMs}: the plain program, its join reading the three intermediate Delta
 *       tables back as Weir's join node does; {@code runnerReadBackRatio} is Weir's runner over it,
 *       Weir's own overhead with the same reads and writes.
 * </ul>
 *
 * The primary score is the time of one invocation (all four); the figures are the secondary
 * results, in milliseconds, and {@code sessionRatio} / {@code runnerRatio} are Weir / plain for the
 * invocation. Each iteration is exactly one invocation: average-time mode with a 1 ms iteration
 * time, so that JMH collects the {@link AuxCounters} (summed per iteration).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx3g",
      "-Dlog4j2.configurationFile=classpath:bench-log4j2.properties",
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
      "--enable-native-access=ALL-UNNAMED"
    })
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.MILLISECONDS)
public class DataProcessingBenchmark {
  private static final String PIPELINE = "data_processing";

  private Path root = Path.of(".");
  private SparkSession spark;
  private Path weirSessionProject = Path.of(".");
  private Path weirRunnerProject = Path.of(".");
  private Path plainOut = Path.of(".");
  private Path plainReadBackOut = Path.of(".");
  private int invocation;

  /** Per-invocation times (ms) and ratios, reported by JMH as secondary results. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    /** {@code Session.run} time. */
    public double weirSessionMs;

    /** Runner + catalog time. */
    public double weirRunnerMs;

    /** Plain Spark time. */
    public double plainMs;

    /** Plain Spark time when the join reads the intermediate tables back. */
    public double plainReadBackMs;

    /** weirRunnerMs / plainReadBackMs: Weir's own overhead over the same reads and writes. */
    public double runnerReadBackRatio;

    /** weirSessionMs / plainMs. */
    public double sessionRatio;

    /** weirRunnerMs / plainMs. */
    public double runnerRatio;

    /** Counters hold one invocation each. */
    @Setup(Level.Iteration)
    public void reset() {
      weirSessionMs = 0;
      weirRunnerMs = 0;
      plainMs = 0;
      plainReadBackMs = 0;
      runnerReadBackRatio = 0;
      sessionRatio = 0;
      runnerRatio = 0;
    }
  }

  /** Starts the session (not measured). */
  @Setup(Level.Trial)
  public void startSpark() throws IOException {
    root = Files.createTempDirectory("weir-bench-dp-");
    spark = SparkFixture.session(root.resolve("warehouse"));
  }

  /** Fresh project and output directories (not measured). */
  @Setup(Level.Iteration)
  public void freshDirectories() throws IOException {
    weirSessionProject = SparkFixture.newProject(root);
    weirRunnerProject = SparkFixture.newProject(root);
    plainOut = Files.createTempDirectory(root, "plain-");
    plainReadBackOut = Files.createTempDirectory(root, "plain-read-back-");
  }

  /** Checks the four variants wrote the same model input table, then deletes the outputs. */
  @TearDown(Level.Iteration)
  public void checkAndClean() {
    long plain = rows(plainOut.resolve("03_primary/model_input_table"));
    long readBack = rows(plainReadBackOut.resolve("03_primary/model_input_table"));
    long session = rows(weirSessionProject.resolve("data/03_primary/model_input_table"));
    long runner = rows(weirRunnerProject.resolve("data/03_primary/model_input_table"));
    if (plain == 0 || plain != session || plain != runner || plain != readBack) {
      throw new IllegalStateException(
          "model_input_table rows differ: plain "
              + plain
              + ", plain read back "
              + readBack
              + ", session "
              + session
              + ", runner "
              + runner);
    }
    Projects.delete(weirSessionProject);
    Projects.delete(weirRunnerProject);
    Projects.delete(plainOut);
    Projects.delete(plainReadBackOut);
  }

  /** Stops the session. */
  @TearDown(Level.Trial)
  public void stopSpark() {
    spark.stop();
    Projects.delete(root);
  }

  private long rows(Path table) {
    return spark.read().format("delta").load(table.toString()).count();
  }

  /**
   * Runs the four variants, rotating the order per invocation.
   *
   * @param times where the per-variant times go
   */
  @Benchmark
  public void interleaved(Times times) {
    List<Runnable> variants =
        List.of(
            () -> times.weirSessionMs = timed(this::weirSession),
            () -> times.weirRunnerMs = timed(this::weirRunner),
            () -> times.plainMs = timed(this::plain),
            () -> times.plainReadBackMs = timed(this::plainReadBack));
    int first = invocation++ % variants.size();
    for (int k = 0; k < variants.size(); k++) {
      variants.get((first + k) % variants.size()).run();
    }
    times.sessionRatio = times.weirSessionMs / times.plainMs;
    times.runnerRatio = times.weirRunnerMs / times.plainMs;
    times.runnerReadBackRatio = times.weirRunnerMs / times.plainReadBackMs;
  }

  private static double timed(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private void weirSession() {
    RunResult result =
        Session.builder()
            .projectPath(weirSessionProject)
            .sparkSession(spark)
            .build()
            .run(RunOptions.defaults().withPipelines(PIPELINE));
    if (result.status() != RunResult.Status.SUCCESS) {
      throw new IllegalStateException("Weir run failed", result.error());
    }
  }

  private void weirRunner() {
    Session session = Session.builder().projectPath(weirRunnerProject).sparkSession(spark).build();
    Pipeline pipeline = Objects.requireNonNull(session.pipelines().get(PIPELINE), PIPELINE);
    new SequentialRunner()
        .run(pipeline, session.catalog(null, Map.of()), HookManager.empty(), "bench");
  }

  private void plain() {
    PlainSparkProgram.run(spark, weirRunnerProject.resolve("data/01_raw"), plainOut);
  }

  private void plainReadBack() {
    PlainSparkProgram.run(spark, weirRunnerProject.resolve("data/01_raw"), plainReadBackOut, true);
  }
}
