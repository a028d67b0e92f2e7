package dev.weir.runner;

import dev.weir.config.ConfigException;
import dev.weir.io.DataCatalog;
import dev.weir.io.MemoryDataset;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a pipeline against a catalog, as Kedro's {@code AbstractRunner} (kedro/runner/runner.py).
 * Before any node runs, {@link #run} checks that every free input is in the catalog, creates every
 * configured dataset (so a broken entry fails early), registers a {@link MemoryDataset} for each
 * dataset the catalog does not know, and binds every {@code params:} input to its declared type
 * ({@link ParameterInputs}). Subclasses only decide the order and concurrency of nodes, through
 * {@link RunState}.
 *
 * <p>Pipeline hooks ({@code beforePipelineRun}, {@code afterPipelineRun}, {@code onPipelineError})
 * are fired by the session, as in Kedro; the runner fires node and dataset hooks.
 *
 * <p>The catalog is used as given (not copied): the memory datasets registered for the run stay in
 * it afterwards.
 */
public abstract class Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
  private volatile @org.jspecify.annotations.Nullable RunState current;

  /**
   * @return the name used by {@code --runner}: {@code sequential} or {@code parallel}
   */
  public abstract String name();

  /**
   * @param name {@code sequential} or {@code parallel} (case-insensitive)
   * @param maxWorkers the parallel runner's thread count, or {@code null} for the default
   * @return the runner
   * @throws ConfigException for another name or a non-positive worker count
   */
  public static Runner named(String name, @org.jspecify.annotations.Nullable Integer maxWorkers) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "sequential" -> new SequentialRunner();
      case "parallel", "thread" -> new ParallelRunner(maxWorkers);
      default ->
          throw new ConfigException(
              "Unknown runner '" + name + "': use --runner sequential or --runner parallel.");
    };
  }

  /**
   * Runs the pipeline.
   *
   * @param pipeline the pipeline, filters already applied
   * @param catalog the catalog, parameters registered
   * @param hooks node and dataset hooks
   * @param runId the run id, passed to node hooks
   * @return node durations and the free outputs held in memory
   * @throws ConfigException when a free input is missing from the catalog, naming every missing one
   * @throws dev.weir.params.ParameterBindingException when a parameter does not fit its node
   * @throws dev.weir.io.DatasetException when a catalog entry cannot be created
   * @throws NodeFailedException when a node fails, after the nodes already running finished
   */
  public final RunnerResult run(
      Pipeline pipeline, DataCatalog catalog, HookManager hooks, String runId) {
    checkFreeInputs(pipeline, catalog);
    RunProfile.Timer setup = hooks.profile().time("runner", "create datasets, bind parameters");
    for (String dataset : pipeline.datasets()) {
      if (ParameterInputs.isParameter(dataset)) {
        continue;
      }
      if (catalog.contains(dataset)) {
        catalog.dataset(dataset);
      } else {
        catalog.add(dataset, new MemoryDataset<>(), false);
      }
    }
    ParameterInputs parameters = ParameterInputs.bind(pipeline, catalog);
    setup.close();
    MemoryDataPolicy policy = newMemoryDataPolicy();
    RunState state = new RunState(pipeline, catalog, hooks, runId, isAsync(), parameters, policy);
    current = state;
    long start = System.nanoTime();
    try {
      runNodes(state);
    } finally {
      policy.runEnded();
    }
    LOG.info(
        "Pipeline finished in {} s",
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    return state.result();
  }

  /**
   * The report for a run stopped from outside, such as by a JVM shutdown hook; callable from any
   * thread while {@link #run} runs.
   *
   * @param pipeline the pipeline passed to {@link #run}, for a run stopped before its first node
   * @return the nodes running now, the resume command and the nodes that finished
   */
  public RunInterruptedException interruption(Pipeline pipeline) {
    RunState state = current;
    if (state == null) {
      return new RunInterruptedException(
          List.of(), List.of(), pipeline.nodes().size(), java.util.Map.of());
    }
    return state.interruption();
  }

  /**
   * Runs every node of {@link RunState#nodes()} once, each after the nodes producing its inputs.
   *
   * @param state the run
   * @throws NodeFailedException built with {@link RunState#failure} when a node fails
   */
  protected abstract void runNodes(RunState state);

  /**
   * @return whether nodes run concurrently (passed to node hooks as {@code isAsync})
   */
  protected boolean isAsync() {
    return false;
  }

  /**
   * @return the policy for data passed between nodes in memory, one per run; by default the Spark
   *     DataFrame persistence of {@link SparkRunSupport}, which does nothing without Spark
   */
  protected MemoryDataPolicy newMemoryDataPolicy() {
    return SparkRunSupport.sharedDataFramePersistence();
  }

  private static void checkFreeInputs(Pipeline pipeline, DataCatalog catalog) {
    List<String> missing = new ArrayList<>();
    for (String input : pipeline.inputs()) {
      if (!catalog.contains(input)) {
        missing.add(input);
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "Pipeline input(s) "
              + missing
              + " not found in the data catalog: no node produces them and no catalog entry or"
              + " dataset factory matches. Add them to conf/base/catalog.yml (or the parameters,"
              + " for params: inputs), or check the spelling in the node definitions.");
    }
  }
}
