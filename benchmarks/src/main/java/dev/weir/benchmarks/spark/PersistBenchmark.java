package dev.weir.benchmarks.spark;

import static dev.weir.node.Node.node;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import dev.weir.benchmarks.Projects;
import dev.weir.io.DataCatalog;
import dev.weir.node.NodeFunction0;
import dev.weir.node.NodeFunction1;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.HookManager;
import dev.weir.runner.Runner;
import dev.weir.runner.RunnerResult;
import dev.weir.runner.SequentialRunner;
import dev.weir.spaceflights.pipelines.dataprocessing.DataProcessingNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * The gain from persisting a DataFrame that three later nodes read: a node builds the spaceflights
 * model input table (two CSV reads with schema inference, the Excel shuttles, the cleaning and the
 * two joins of {@code DataProcessingNodes}, the reviews' columns dropped as the starter's SQL node
 * does) and hands it to three nodes in memory, each running its own Spark action (a count, an
 * average price per engine type, a filtered count). Weir's {@link SequentialRunner} persists a
 * DataFrame read by two or more nodes and unpersists it after the last reader; {@link
 * NoPersistRunner} is the same loop with that switched off, so each reader recomputes the whole
 * lineage. Both run in every invocation on one SparkSession, alternating which goes first; {@code
 * gain} is no-persist time / persist time. Each iteration is exactly one invocation (average-time
 * mode with a 1 ms iteration time, so JMH collects the {@link AuxCounters}).
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
public class PersistBenchmark {
  private SparkSession spark;
  private Path root = Path.of(".");
  private Path raw = Path.of(".");
  private Dataset<Row> shuttles;
  private Pipeline pipeline = Pipeline.empty();
  private int invocation;

  /** Per-invocation times (ms) and the gain, reported by JMH as secondary results. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Times {
    /** Run time with Weir's persistence (the default runner). */
    public double persistMs;

    /** Run time with persistence off. */
    public double noPersistMs;

    /** noPersistMs / persistMs: how many times faster persisting makes the run. */
    public double gain;

    /** Counters hold one invocation each. */
    @Setup(Level.Iteration)
    public void reset() {
      persistMs = 0;
      noPersistMs = 0;
      gain = 0;
    }
  }

  /** Starts the session and builds the pipeline (not measured). */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Files.createTempDirectory("weir-bench-persist-");
    spark = SparkFixture.session(root.resolve("warehouse"));
    raw = SparkFixture.newProject(root).resolve("data/01_raw");
    // Excel is read once: its DataFrame is a local relation, cheap to recompute either way.
    shuttles = PlainSparkProgram.excel(spark, raw.resolve("shuttles.xlsx"));
    NodeFunction0<Dataset<Row>> modelInput =
        () ->
            DataProcessingNodes.createModelInputTable(
                DataProcessingNodes.preprocessShuttles(shuttles),
                DataProcessingNodes.preprocessCompanies(csv("companies.csv")),
                preprocessReviews(csv("reviews.csv")));
    NodeFunction1<Dataset<Row>, Long> rows = Dataset::count;
    NodeFunction1<Dataset<Row>, Integer> engineTypes =
        df -> df.groupBy("engine_type").agg(avg("price")).collectAsList().size();
    NodeFunction1<Dataset<Row>, Long> approved = df -> df.filter(col("iata_approved")).count();
    pipeline =
        Pipeline.of(
            node(modelInput).output("model_input_table").name("model_input").build(),
            node(rows).inputs("model_input_table").output("rows").name("count_rows").build(),
            node(engineTypes)
                .inputs("model_input_table")
                .output("engine_types")
                .name("price_by_engine_type")
                .build(),
            node(approved)
                .inputs("model_input_table")
                .output("approved")
                .name("count_iata_approved")
                .build());
  }

  /**
   * The starter's {@code preprocess_reviews_node} is SQL ({@code SELECT * EXCEPT (...)}); the same
   * columns dropped in DataFrame code keep this lineage a single Java expression.
   */
  private static Dataset<Row> preprocessReviews(Dataset<Row> reviews) {
    return reviews.drop(PlainSparkProgram.UNUSED_REVIEW_COLUMNS);
  }

  private Dataset<Row> csv(String file) {
    return spark
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(raw.resolve(file).toString());
  }

  /** Stops the session. */
  @TearDown(Level.Trial)
  public void stopSpark() {
    spark.stop();
    Projects.delete(root);
  }

  /**
   * Runs the pipeline with and without persistence, rotating the order per invocation.
   *
   * @param times where the per-variant times go
   */
  @Benchmark
  public void interleaved(Times times) {
    if (invocation++ % 2 == 0) {
      times.persistMs = timed(new SequentialRunner());
      times.noPersistMs = timed(new NoPersistRunner());
    } else {
      times.noPersistMs = timed(new NoPersistRunner());
      times.persistMs = timed(new SequentialRunner());
    }
    times.gain = times.noPersistMs / times.persistMs;
  }

  private double timed(Runner runner) {
    long start = System.nanoTime();
    RunnerResult result =
        runner.run(pipeline, DataCatalog.of(Map.of()), HookManager.empty(), "bench");
    double ms = (System.nanoTime() - start) / 1e6;
    if (result.freeOutputs().size() != 3) {
      throw new IllegalStateException("expected 3 outputs, got " + result.freeOutputs());
    }
    return ms;
  }
}
