package dev.weir.benchmarks.startup;

import static dev.weir.node.Node.node;

import dev.weir.node.NodeFunction1;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import java.util.Map;

/**
 * The pipeline registry of the trivial start-up project: three identity nodes on memory datasets
 * fed by {@code params:start}. Deliberately not listed in this module's {@code META-INF/services}:
 * {@link StartupBenchmark} copies it into the child JVM's class path with its own service file.
 */
public final class TrivialRegistry implements PipelineRegistry {
  private static final NodeFunction1<Integer, Integer> IDENTITY = x -> x;

  /** Found through {@link java.util.ServiceLoader}. */
  public TrivialRegistry() {}

  @Override
  public Map<String, Pipeline> registerPipelines() {
    Pipeline trivial =
        Pipeline.of(
            node(IDENTITY).inputs("params:start").output("a").name("first").build(),
            node(IDENTITY).inputs("a").output("b").name("second").build(),
            node(IDENTITY).inputs("b").output("c").name("third").build());
    return Map.of("trivial", trivial, DEFAULT, trivial);
  }
}
