package dev.weir.benchmarks.runner;

import dev.weir.benchmarks.graph.Shapes;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.MemoryDataset;
import dev.weir.node.Node;
import dev.weir.node.NodeFunction1;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.HookManager;
import dev.weir.runner.ParallelRunner;
import dev.weir.runner.Runner;
import dev.weir.runner.RunnerResult;
import dev.weir.runner.SequentialRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Runner overhead: a pipeline of trivial nodes (the identity on an Integer) on memory datasets, run
 * by {@link SequentialRunner} and {@link ParallelRunner} (default workers: the 2 processors here).
 * Shapes: a chain of N nodes, and a wide shape of N nodes (one source and N-1 independent readers
 * of its output, each writing a free output) where the parallel runner can overlap nodes. The score
 * is the time of one whole {@code Runner.run} in microseconds, including the run's set-up
 * (free-input check, memory datasets registered, parameter binding) and dataset release; the report
 * divides it by N for microseconds per node (JMH's {@code OperationsPerInvocation} cannot follow a
 * {@code Param}).
 *
 * <p>The pipeline is built once (not measured); a fresh catalog holding the one free input is made
 * before each invocation (not measured), as the runner registers its memory datasets into the
 * catalog it is given. Logging is at WARN in the forked JVM (see {@code bench-log4j2.properties}):
 * the runner's per-node INFO lines are not written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms1g",
      "-Xmx1g",
      "-Dlog4j2.configurationFile=classpath:bench-log4j2.properties"
    })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RunnerBenchmark {
  private static final NodeFunction1<Integer, Integer> IDENTITY = x -> x;

  /** Node count. */
  @Param({"1000", "5000"})
  int nodes;

  /** {@code chain} or {@code wide}. */
  @Param({"chain", "wide"})
  String shape;

  private Pipeline pipeline = Pipeline.empty();
  private String freeInput = "";
  private DataCatalog catalog = DataCatalog.of(Map.of());
  private final Runner sequential = new SequentialRunner();
  private final Runner parallel = new ParallelRunner();

  /** Builds the pipeline (not measured). */
  @Setup(Level.Trial)
  public void setUpPipeline() {
    if (shape.equals("chain")) {
      pipeline = Pipeline.of(Shapes.chain(nodes, ""));
      freeInput = "d0";
    } else {
      List<Node> list = new ArrayList<>(nodes);
      list.add(Node.node(IDENTITY).inputs("in").output("x").name("source").build());
      for (int i = 1; i < nodes; i++) {
        list.add(Node.node(IDENTITY).inputs("x").output("y" + i).name("n" + i).build());
      }
      pipeline = Pipeline.of(list);
      freeInput = "in";
    }
    if (pipeline.nodes().size() != nodes) {
      throw new IllegalStateException("expected " + nodes + " nodes");
    }
  }

  /** A fresh catalog holding the free input (not measured). */
  @Setup(Level.Invocation)
  public void setUpCatalog() {
    Map<String, Dataset<?>> datasets = new HashMap<>();
    datasets.put(freeInput, new MemoryDataset<>(7, "assign"));
    catalog = DataCatalog.of(datasets);
  }

  private RunnerResult check(RunnerResult result) {
    if (result.nodeSeconds().size() != nodes) {
      throw new IllegalStateException("ran " + result.nodeSeconds().size() + " of " + nodes);
    }
    return result;
  }

  /**
   * @return the run's result
   */
  @Benchmark
  public RunnerResult sequential() {
    return check(sequential.run(pipeline, catalog, HookManager.empty(), "bench"));
  }

  /**
   * @return the run's result
   */
  @Benchmark
  public RunnerResult parallel() {
    return check(parallel.run(pipeline, catalog, HookManager.empty(), "bench"));
  }
}
