package dev.weir.benchmarks.graph;

import dev.weir.pipeline.Pipeline;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Combining and namespacing pipelines built in setup: the union of 50 chains of 100 nodes each
 * (chain k reads chain k-1's last output, so the union is one 5,000-node chain), once with {@code
 * Pipeline.of(pipelines...)} and once as a left fold {@code p1.plus(p2).plus(p3)...} (what Kedro's
 * {@code sum(pipelines)} does, quadratic there); and {@code Pipeline.namespaced} of a 1,000-node
 * chain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CombineBenchmark {
  static final int PIPELINES = 50;
  static final int NODES_EACH = 100;

  private Pipeline[] parts = new Pipeline[0];
  private Pipeline chain1000 = Pipeline.empty();

  /** Builds the parts (not measured). */
  @Setup
  public void setUp() {
    parts = new Pipeline[PIPELINES];
    for (int k = 0; k < PIPELINES; k++) {
      // Chain k's nodes are p<k>n0..n99 reading p<k>d0; its first input is chain k-1's output.
      var nodes = new java.util.ArrayList<>(Shapes.chain(NODES_EACH, "p" + k + "_"));
      if (k > 0) {
        nodes.set(
            0,
            Shapes.identity(
                "p" + k + "_n0", "p" + (k - 1) + "_d" + NODES_EACH, "p" + k + "_d1", 0));
      }
      parts[k] = Pipeline.of(nodes);
    }
    if (unionOf50().nodes().size() != PIPELINES * NODES_EACH
        || unionOf50().groupedNodes().size() != PIPELINES * NODES_EACH) {
      throw new IllegalStateException("the union is not one chain");
    }
    chain1000 = Pipeline.of(Shapes.chain(1000, ""));
  }

  /**
   * @return the union
   */
  @Benchmark
  public Pipeline unionOf50() {
    return Pipeline.of(parts);
  }

  /**
   * @return the union, folded with {@code plus}
   */
  @Benchmark
  public Pipeline plusFoldOf50() {
    Pipeline sum = parts[0];
    for (int k = 1; k < parts.length; k++) {
      sum = sum.plus(parts[k]);
    }
    return sum;
  }

  /**
   * @return the namespaced pipeline
   */
  @Benchmark
  public Pipeline namespace1000() {
    return Pipeline.modular(chain1000).namespace("ns").build();
  }
}
