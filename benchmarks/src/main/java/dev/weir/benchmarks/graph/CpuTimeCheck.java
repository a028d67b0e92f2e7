package dev.weir.benchmarks.graph;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A cross-check of the graph benchmarks in thread CPU time instead of wall-clock time, for a shared
 * machine: another process's load stretches JMH's wall-clock figures but hardly a thread's own CPU
 * time. Not JMH: a plain loop (warm-up, then repetitions timed with {@link
 * ThreadMXBean#getCurrentThreadCpuTime()}), printing one JSON object per line: {@code case}, {@code
 * medianMs}, {@code minMs}, {@code p90Ms}, {@code reps}. Run by {@code benchmarks/run.sh graph} as
 * {@code java -cp benchmarks.jar dev.weir.benchmarks.graph.CpuTimeCheck}.
 */
public final class CpuTimeCheck {
  private CpuTimeCheck() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int n : new int[] {10_000, 100_000}) {
      for (Shapes.Shape shape : Shapes.Shape.values()) {
        List<Node> nodes = Shapes.nodes(shape, n, "");
        report(mx, "build " + shape + " " + n, n == 10_000 ? 400 : 40, () -> Pipeline.of(nodes));
        if (n == 10_000) {
          Pipeline p = Pipeline.of(nodes);
          String middle = p.nodes().get(n / 2).name();
          report(mx, "fromNodes " + shape + " " + n, 400, () -> p.fromNodes(middle));
          report(mx, "toNodes " + shape + " " + n, 400, () -> p.toNodes(middle));
        }
      }
    }
    Pipeline[] parts = new Pipeline[CombineBenchmark.PIPELINES];
    for (int k = 0; k < parts.length; k++) {
      List<Node> nodes = new ArrayList<>(Shapes.chain(CombineBenchmark.NODES_EACH, "p" + k + "_"));
      if (k > 0) {
        nodes.set(
            0,
            Shapes.identity(
                "p" + k + "_n0",
                "p" + (k - 1) + "_d" + CombineBenchmark.NODES_EACH,
                "p" + k + "_d1",
                0));
      }
      parts[k] = Pipeline.of(nodes);
    }
    report(mx, "unionOf50", 400, () -> Pipeline.of(parts));
    Pipeline chain = Pipeline.of(Shapes.chain(1000, ""));
    report(mx, "namespace1000", 400, () -> Pipeline.modular(chain).namespace("ns").build());
  }

  private static void report(ThreadMXBean mx, String name, int reps, Supplier<Pipeline> work) {
    int sink = 0;
    for (int i = 0; i < reps; i++) {
      sink += work.get().nodes().size();
    }
    long[] cpu = new long[reps];
    for (int i = 0; i < reps; i++) {
      long start = mx.getCurrentThreadCpuTime();
      sink += work.get().nodes().size();
      cpu[i] = mx.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "{\"case\": \"%s\", \"medianMs\": %.4f, \"minMs\": %.4f, \"p90Ms\": %.4f, \"reps\": %d,"
            + " \"check\": %d}%n",
        name,
        cpu[reps / 2] / 1e6,
        cpu[0] / 1e6,
        cpu[(int) (reps * 0.9)] / 1e6,
        reps,
        sink);
  }
}
