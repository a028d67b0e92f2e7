package dev.weir.benchmarks.graph;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filters on a 10,000-node pipeline built in setup: {@code fromNodes} and {@code toNodes} of the
 * middle node in topological order (on the chain each keeps 5,000 nodes; on the fan-out, two), and
 * {@code onlyNodesWithTags} keeping a tenth of the nodes. The measured time includes building the
 * resulting pipeline (its indexes and layers; a filter that keeps every node returns the same
 * pipeline, which is why the middle node is used).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FilterBenchmark {
  @Param({"10000"})
  int nodes;

  @Param({"CHAIN", "FANOUT", "RANDOM"})
  Shapes.Shape shape;

  private Pipeline pipeline = Pipeline.empty();
  private String middle = "";

  /** Builds the pipeline (not measured). */
  @Setup
  public void setUp() {
    pipeline = Pipeline.of(Shapes.nodes(shape, nodes, ""));
    List<Node> ordered = pipeline.nodes();
    middle = ordered.get(ordered.size() / 2).name();
  }

  /**
   * @return the filtered pipeline
   */
  @Benchmark
  public Pipeline fromNodes() {
    return pipeline.fromNodes(middle);
  }

  /**
   * @return the filtered pipeline
   */
  @Benchmark
  public Pipeline toNodes() {
    return pipeline.toNodes(middle);
  }

  /**
   * @return the filtered pipeline
   */
  @Benchmark
  public Pipeline onlyNodesWithTags() {
    return pipeline.onlyNodesWithTags("t3");
  }
}
