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
 * Build + validate + topological layers: {@code Pipeline.of(nodes).groupedNodes()} for 1,000,
 * 10,000 and 100,000 nodes in three shapes. The nodes are built once in setup; the measured code is
 * what a project pays each time it assembles a pipeline from existing nodes (indexes, the
 * unique-name / one-producer / transcoding checks, cycle detection and layering).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class BuildBenchmark {
  @Param({"1000", "10000", "100000"})
  int nodes;

  @Param({"CHAIN", "FANOUT", "RANDOM"})
  Shapes.Shape shape;

  private List<Node> list = List.of();

  /** Builds the nodes (not measured). */
  @Setup
  public void setUp() {
    list = Shapes.nodes(shape, nodes, "");
    if (Pipeline.of(list).nodes().size() != nodes) {
      throw new IllegalStateException("the " + shape + " graph lost nodes");
    }
  }

  /**
   * @return the layers, so the JIT cannot drop the work
   */
  @Benchmark
  public List<List<Node>> buildValidateLayer() {
    return Pipeline.of(list).groupedNodes();
  }
}
