package dev.weir.session;

import dev.weir.ClosestNames;
import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.config.ConfigLoader;
import dev.weir.config.RuntimeParams;
import dev.weir.hooks.CatalogCreatedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.ExpectationListener;
import dev.weir.io.Versions;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineException;
import dev.weir.pipeline.PipelineFilter;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.runner.ExcludedTime;
import dev.weir.runner.HookManager;
import dev.weir.runner.MissingOutputs;
import dev.weir.runner.NodeFailedException;
import dev.weir.runner.RunInterruptedException;
import dev.weir.runner.RunProfile;
import dev.weir.runner.Runner;
import dev.weir.runner.RunnerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project session, as Kedro's {@code KedroSession} (kedro/framework/session/session.py): loads
 * the configuration of an environment, builds the data catalog (credentials and runtime params
 * applied), registers hooks ({@link ServiceLoader} plus those passed in), finds the project's
 * pipelines through its {@link PipelineRegistry}, applies the filters and runs.
 *
 * <pre>{@code
 * RunResult result = Session.builder().projectPath(Path.of(".")).env("local").build()
 *     .run(RunOptions.defaults().withPipelines("data_processing"));
 * }</pre>
 *
 * <p>Each {@link #run} gets its own run id in Kedro's timestamp format, also the save version of
 * versioned datasets. The Spark session is resolved at most once per session and only when a
 * dataset asks for it, with {@code dev.weir.datasets.spark.SparkSessions#resolve} and the {@code
 * spark*} configuration; a notebook passes its own with {@link Builder#sparkSession(Object)}.
 */
public final class Session {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  private static final boolean SPARK_PRESENT = sparkPresent();

  private final Path projectPath;
  private final @Nullable String env;
  private final Map<String, Object> runtimeParams;
  private final Path confSource;
  private final List<Hook> extraHooks;
  private final @Nullable Object givenSpark;
  private final @Nullable String sparkRemote;
  private final @Nullable String sparkMaster;
  private final @Nullable PipelineRegistry registry;
  private final Consumer<String> warnings;
  private final Consumer<RunResult> onInterrupt;
  private final SparkStartListener sparkListener;
  private final RunProfile profile;
  private @Nullable List<Hook> hooks;
  private @Nullable Object spark;

  private Session(Builder b) {
    this.projectPath = b.projectPath.toAbsolutePath().normalize();
    this.env = b.env;
    this.runtimeParams = b.runtimeParams;
    this.confSource = b.confSource != null ? b.confSource : projectPath.resolve("conf");
    this.extraHooks = List.copyOf(b.hooks);
    this.givenSpark = b.sparkSession;
    this.sparkRemote = b.sparkRemote;
    this.sparkMaster = b.sparkMaster;
    this.registry = b.registry;
    this.warnings = b.warnings;
    this.onInterrupt = b.onInterrupt;
    this.sparkListener = b.sparkListener;
    this.profile = b.profile;
  }

  /**
   * @return a builder; the project path defaults to the working directory
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param projectPath the project root (holding {@code conf/})
   * @return a session with default settings
   */
  public static Session create(Path projectPath) {
    return builder().projectPath(projectPath).build();
  }

  /**
   * @return the absolute project root
   */
  public Path projectPath() {
    return projectPath;
  }

  /**
   * @return the configuration directory
   */
  public Path confSource() {
    return confSource;
  }

  /**
   * @return the runtime params ({@code --params}), nested
   */
  public Map<String, Object> runtimeParams() {
    return runtimeParams;
  }

  /**
   * Loads the configuration (files are read again on every call, as Kedro loads a new context per
   * run).
   *
   * @return the configuration of the session's environment
   * @throws ConfigException when {@code conf/base} is missing or a file is malformed
   */
  public ConfigLoader config() {
    return ConfigLoader.load(confSource, env, runtimeParams);
  }

  /**
   * @return the hooks: those registered in {@code META-INF/services/dev.weir.hooks.Hook}, then
   *     those passed to the builder; instantiated once per session
   */
  public synchronized List<Hook> hooks() {
    if (hooks == null) {
      List<Hook> all = new ArrayList<>();
      all.addAll(services(Hook.class));
      all.addAll(extraHooks);
      hooks = List.copyOf(all);
    }
    return hooks;
  }

  /**
   * @return the project's pipelines by name, {@value PipelineRegistry#DEFAULT} included
   * @throws PipelineException when no registry or several are found, or {@code __default__} is
   *     missing
   */
  public Map<String, Pipeline> pipelines() {
    PipelineRegistry found = registry != null ? registry : findRegistry();
    Map<String, Pipeline> pipelines = found.registerPipelines();
    if (!pipelines.containsKey(PipelineRegistry.DEFAULT)) {
      throw new PipelineException(
          "The pipeline registry "
              + found.getClass().getName()
              + " registers no '__default__' pipeline (it has: "
              + String.join(", ", new TreeSet<>(pipelines.keySet()))
              + "). Add one, for example the sum of all pipelines, under"
              + " PipelineRegistry.DEFAULT.");
    }
    return pipelines;
  }

  /**
   * The registered pipelines named in the options, combined, with the filters applied.
   *
   * @param options the run options
   * @return the pipeline to run
   * @throws PipelineException for an unknown pipeline name (closest names given) or a filter that
   *     selects nothing
   */
  public Pipeline pipeline(RunOptions options) {
    Map<String, Pipeline> all = pipelines();
    List<Pipeline> selected = new ArrayList<>();
    for (String name : pipelineNames(options)) {
      Pipeline p = all.get(name);
      if (p == null) {
        throw new PipelineException(
            "Failed to find the pipeline named '"
                + name
                + "'."
                + ClosestNames.didYouMean(name, all.keySet())
                + " Registered pipelines: "
                + String.join(", ", new TreeSet<>(all.keySet()))
                + ". Register it in the project's PipelineRegistry.");
      }
      selected.add(p);
    }
    // Kedro's session sums the named pipelines (combined += pipelines[name]): a node in two of
    // them runs once.
    Pipeline combined = Pipeline.union(selected);
    FilterChecks.validate(options.filter(), combined, pipelineNames(options));
    return options.filter().isEmpty() ? combined : combined.filter(options.filter());
  }

  /**
   * Builds the data catalog of the session's environment: {@code catalog*} entries, {@code
   * credentials*}, every dataset type installed, and the parameters ({@code runtime params}
   * applied). Datasets are created on first use; the Spark session is only resolved when a dataset
   * asks for it.
   *
   * @param saveVersion the save version for versioned datasets, or {@code null}
   * @param loadVersions versions to load by dataset name
   * @return the catalog
   * @throws ConfigException for a bad catalog entry, unknown type or missing credentials
   */
  public DataCatalog catalog(@Nullable String saveVersion, Map<String, String> loadVersions) {
    return catalog(config(), saveVersion, loadVersions, null);
  }

  private DataCatalog catalog(
      ConfigLoader config,
      @Nullable String saveVersion,
      Map<String, String> loadVersions,
      @Nullable ExpectationListener expectations) {
    DatasetContext.Builder context =
        DatasetContext.builder(projectPath).saveVersion(saveVersion).loadVersions(loadVersions);
    if (expectations != null) {
      context.service(ExpectationListener.class, () -> expectations);
    }
    if (SPARK_PRESENT) {
      SparkServices.register(context, () -> sparkSession(config));
    }
    DataCatalog catalog =
        DataCatalog.fromConfig(
            config.catalog(),
            config.credentials(),
            config.sources("catalog"),
            context.build(),
            DatasetTypeRegistry.loadInstalled());
    catalog.addParameters(config.parameters());
    return catalog;
  }

  private synchronized Object sparkSession(ConfigLoader config) {
    if (spark == null) {
      sparkListener.sparkStarting();
      long start = System.nanoTime();
      try (RunProfile.Timer t = profile.time("spark", "start-up and configuration")) {
        spark =
            SparkServices.resolve(
                givenSpark,
                sparkRemote,
                sparkMaster,
                config.spark(),
                projectPath,
                () -> ApplicationJar.of(projectClass()));
      }
      long nanos = System.nanoTime() - start;
      ExcludedTime.add(nanos);
      LOG.info(
          "Spark session ready in {} s", String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9));
      sparkListener.sparkStarted(nanos / 1e9);
    }
    return spark;
  }

  /**
   * Validates a run without computing anything: the pipeline and its filters, the free inputs,
   * every catalog entry the pipeline uses (created, not loaded: types, keys and credentials), the
   * load versions, and parameter binding. Fires no hook and does not start Spark.
   *
   * @param options the run options
   * @return the nodes in the order they would run, with inputs and outputs
   * @throws ConfigException for a bad run option ({@code --runner}, {@code --max-workers}), or
   *     listing every problem found
   * @throws PipelineException for an unknown pipeline or a filter that selects nothing
   */
  public RunPlan dryRun(RunOptions options) {
    RunOptionChecks.validate(options);
    ConfigLoader config = config();
    Pipeline pipeline = pipeline(options);
    DataCatalog catalog = catalog(config, null, options.loadVersions(), null);
    DryRunChecks.validate(pipeline, catalog, options.loadVersions(), unusedRuntimeParams(config));
    List<RunPlan.Step> steps = new ArrayList<>();
    for (Node node : pipeline.nodes()) {
      steps.add(new RunPlan.Step(node.name(), node.inputs(), node.outputs()));
    }
    return new RunPlan(pipelineNames(options), steps);
  }

  /**
   * Runs with the default options: the {@code __default__} pipeline, sequentially.
   *
   * @return the result
   */
  public RunResult run() {
    return run(RunOptions.defaults());
  }

  /**
   * Runs the pipeline. Order: build the catalog, {@code afterCatalogCreated}, apply {@code
   * --only-missing-outputs}, check the free inputs and the catalog's expectations ({@link
   * ExpectationChecks}), {@code beforePipelineRun}, the runner (node and dataset hooks, {@code
   * afterExpectationsChecked} whenever a dataset's expectations are checked), then {@code
   * afterPipelineRun} or {@code onPipelineError}. When the JVM shuts down (SIGTERM, Ctrl-C) while
   * nodes run, a shutdown hook fires {@code onPipelineError} with a {@link RunInterruptedException}
   * and hands the result to {@link Builder#onInterrupt}; the run then fires no other pipeline hook.
   *
   * @param options the run options; with {@code dryRun} only {@link #dryRun} is done
   * @return the result; a node failure is returned with status {@link RunResult.Status#FAILED} and
   *     the {@link NodeFailedException} as error (use {@link RunResult#orThrow()} to throw it)
   * @throws WeirException for configuration, pipeline, parameter and hook errors, before or instead
   *     of running nodes
   */
  public RunResult run(RunOptions options) {
    RunOptionChecks.validate(options);
    String runId = Versions.generateTimestamp();
    long start = System.nanoTime();
    if (options.dryRun()) {
      dryRun(options);
      return new RunResult(runId, RunResult.Status.DRY_RUN, Map.of(), Map.of(), 0, null, List.of());
    }
    RunProfile.Timer configuration = profile.time("configuration", "config, pipelines, catalog");
    ConfigLoader config = config();
    Pipeline pipeline = pipeline(options);
    Runner runner = Runner.named(options.runner(), options.maxWorkers());
    unusedRuntimeParams(config).forEach(warnings);
    HookManager hookManager = HookManager.of(hooks()).profiled(profile);
    ExpectationLog expectations = new ExpectationLog(hookManager, runId);
    DataCatalog catalog = catalog(config, runId, options.loadVersions(), expectations);
    LoadVersionChecks.validate(options.loadVersions(), catalog);
    RunParams params = runParams(runId, config.env(), options, runner);
    configuration.close();
    hookManager.afterCatalogCreated(new CatalogCreatedEvent(catalog, params));
    if (options.onlyMissingOutputs()) {
      pipeline = MissingOutputs.filter(pipeline, catalog);
    }
    RunProfile.Timer checks = profile.time("checks", "free inputs, expectations");
    List<String> missingInputs = FreeInputData.missing(pipeline, catalog);
    if (!missingInputs.isEmpty()) {
      throw new ConfigException(String.join("\n", missingInputs) + " No node was run.");
    }
    List<String> badExpectations = ExpectationChecks.problems(pipeline, catalog, true);
    checks.close();
    if (!badExpectations.isEmpty()) {
      throw new ConfigException(
          "The catalog's expectations have "
              + badExpectations.size()
              + (badExpectations.size() == 1 ? " problem" : " problems")
              + "; no node was run:\n  - "
              + String.join("\n  - ", badExpectations));
    }
    LOG.info("Run {}: {} nodes, {} runner", runId, pipeline.nodes().size(), runner.name());
    hookManager.beforePipelineRun(new PipelineRunEvent(params, pipeline, catalog));
    Pipeline running = pipeline;
    RunInterruption interruption =
        RunInterruption.watch(
            runner,
            running,
            e -> {
              hookManager.onPipelineError(new PipelineErrorEvent(e, params, running, catalog));
              RunResult stopped =
                  new RunResult(
                      runId,
                      RunResult.Status.INTERRUPTED,
                      e.completedNodeSeconds(),
                      savedOutputs(running, catalog, e.completedNodeSeconds()),
                      seconds(start),
                      e,
                      expectations.results());
              onInterrupt.accept(stopped);
            });
    RunnerResult result;
    try {
      result = runner.run(pipeline, catalog, hookManager, runId);
    } catch (RuntimeException e) {
      if (!interruption.end()) {
        return interruptedResult(runId, runner, pipeline, start, expectations);
      }
      hookManager.onPipelineError(new PipelineErrorEvent(e, params, pipeline, catalog));
      if (e instanceof NodeFailedException failed) {
        return new RunResult(
            runId,
            RunResult.Status.FAILED,
            failed.completedNodeSeconds(),
            savedOutputs(pipeline, catalog, failed.completedNodeSeconds()),
            seconds(start),
            failed,
            expectations.results());
      }
      throw e;
    }
    if (!interruption.end()) {
      return interruptedResult(runId, runner, pipeline, start, expectations);
    }
    hookManager.afterPipelineRun(new PipelineRunEvent(params, pipeline, catalog));
    return new RunResult(
        runId,
        RunResult.Status.SUCCESS,
        result.nodeSeconds(),
        savedOutputs(pipeline, catalog, result.nodeSeconds()),
        seconds(start),
        null,
        expectations.results());
  }

  /** The result the main thread returns when the shutdown hook has already reported the run. */
  private static RunResult interruptedResult(
      String runId, Runner runner, Pipeline pipeline, long start, ExpectationLog expectations) {
    RunInterruptedException e = runner.interruption(pipeline);
    return new RunResult(
        runId,
        RunResult.Status.INTERRUPTED,
        e.completedNodeSeconds(),
        Map.of(),
        seconds(start),
        e,
        expectations.results());
  }

  /**
   * The extra summary lines of the hooks and of the registered {@link RunSummaryContributor}s.
   *
   * @param result a finished run
   * @return the lines, in hook order then service order
   */
  public List<String> summaryLines(RunResult result) {
    List<String> lines = new ArrayList<>();
    for (Hook hook : hooks()) {
      if (hook instanceof RunSummaryContributor contributor) {
        try (RunProfile.Timer t = profile.time("summary", hook.getClass().getSimpleName())) {
          lines.addAll(contributor.summaryLines(result));
        }
      }
    }
    for (RunSummaryContributor c : services(RunSummaryContributor.class)) {
      try (RunProfile.Timer t = profile.time("summary", c.getClass().getSimpleName())) {
        lines.addAll(c.summaryLines(result));
      }
    }
    return lines;
  }

  /**
   * @return the profile given to {@link Builder#profile}, else {@link RunProfile#off()}
   */
  public RunProfile profile() {
    return profile;
  }

  private List<String> unusedRuntimeParams(ConfigLoader config) {
    return UnusedRuntimeParams.find(
        runtimeParams, config.parameters(), pipelines().values(), confSource);
  }

  private RunParams runParams(String runId, String envName, RunOptions options, Runner runner) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    PipelineFilter f = options.filter();
    putIfAny(filters, "tags", f.tags());
    putIfAny(filters, "nodes", f.nodeNames());
    putIfAny(filters, "from-nodes", f.fromNodes());
    putIfAny(filters, "to-nodes", f.toNodes());
    putIfAny(filters, "from-inputs", f.fromInputs());
    putIfAny(filters, "to-outputs", f.toOutputs());
    putIfAny(filters, "namespaces", f.nodeNamespaces());
    return RunParams.builder(runId, projectPath)
        .env(envName)
        .pipelineNames(pipelineNames(options))
        .runner(runner.name())
        .filters(filters)
        .runtimeParams(runtimeParams)
        .loadVersions(options.loadVersions())
        .confSource(confSource)
        .build();
  }

  private static void putIfAny(Map<String, List<String>> m, String key, List<String> values) {
    if (!values.isEmpty()) {
      m.put(key, values);
    }
  }

  private static List<String> pipelineNames(RunOptions options) {
    return options.pipelineNames().isEmpty()
        ? List.of(PipelineRegistry.DEFAULT)
        : options.pipelineNames();
  }

  private static Map<String, Map<String, Object>> savedOutputs(
      Pipeline pipeline, DataCatalog catalog, Map<String, Double> finishedNodes) {
    Map<String, Map<String, Object>> saved = new LinkedHashMap<>();
    for (String nodeName : finishedNodes.keySet()) {
      Node node = pipeline.node(nodeName).orElse(null);
      if (node == null) {
        continue;
      }
      for (String output : node.outputs()) {
        if (catalog.contains(output) && !catalog.isMemory(output)) {
          Dataset<?> dataset = catalog.dataset(output);
          saved.put(output, dataset.describe());
        }
      }
    }
    return saved;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The project's pipeline registry class: where its code (the application JAR) is. */
  private Class<?> projectClass() {
    return (registry != null ? registry : findRegistry()).getClass();
  }

  private PipelineRegistry findRegistry() {
    List<PipelineRegistry> found = services(PipelineRegistry.class);
    if (found.isEmpty()) {
      throw new PipelineException(
          "No pipeline registry found on the class path. Implement dev.weir.pipeline"
              + ".PipelineRegistry in the project and name the class in"
              + " src/main/resources/META-INF/services/dev.weir.pipeline.PipelineRegistry.");
    }
    if (found.size() > 1) {
      throw new PipelineException(
          "Found "
              + found.size()
              + " pipeline registries ("
              + String.join(", ", found.stream().map(r -> r.getClass().getName()).toList())
              + "); a project has exactly one. Remove the others from"
              + " META-INF/services/dev.weir.pipeline.PipelineRegistry.");
    }
    return found.get(0);
  }

  /**
   * @throws ConfigException when a services file names a class that cannot be loaded or built
   */
  private static <T> List<T> services(Class<T> type) {
    List<T> found = new ArrayList<>();
    try {
      ServiceLoader.load(type, classLoader()).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new ConfigException(
          "META-INF/services/"
              + type.getName()
              + " names a class that cannot be loaded: "
              + e.getMessage()
              + ". Check the class name in that file and that its JAR is on the class path.",
          e);
    }
    return found;
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : Session.class.getClassLoader();
  }

  private static boolean sparkPresent() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, Session.class.getClassLoader());
      Class.forName("dev.weir.datasets.spark.SparkSessions", false, Session.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Builds a {@link Session}. */
  public static final class Builder {
    private Path projectPath = Path.of("");
    private @Nullable String env;
    private Map<String, Object> runtimeParams = Map.of();
    private @Nullable Path confSource;
    private final List<Hook> hooks = new ArrayList<>();
    private @Nullable Object sparkSession;
    private @Nullable String sparkRemote;
    private @Nullable String sparkMaster;
    private @Nullable PipelineRegistry registry;
    private Consumer<String> warnings = LOG::warn;
    private Consumer<RunResult> onInterrupt =
        r -> LOG.warn("{}", r.error() != null ? r.error().getMessage() : "Run interrupted");

    private SparkStartListener sparkListener = new SparkStartListener() {};
    private RunProfile profile = RunProfile.off();

    private Builder() {}

    /**
     * @param listener hears when the session starts Spark (at most once); default none
     * @return this builder
     */
    public Builder sparkStartListener(SparkStartListener listener) {
      this.sparkListener = listener;
      return this;
    }

    /**
     * @param sink receives, from a JVM shutdown hook, the result of a run stopped by SIGTERM or
     *     Ctrl-C while its nodes ran (status {@link RunResult.Status#INTERRUPTED}, the {@link
     *     RunInterruptedException} with the resume command as error), after the hooks' {@code
     *     onPipelineError}; default the log at WARN
     * @return this builder
     */
    public Builder onInterrupt(Consumer<RunResult> sink) {
      this.onInterrupt = sink;
      return this;
    }

    /**
     * @param runProfile times configuration, the Spark start-up, each node's loads, function, saves
     *     and hooks, and the summary lines ({@code weir run --profile}); default off
     * @return this builder
     */
    public Builder profile(RunProfile runProfile) {
      this.profile = runProfile;
      return this;
    }

    /**
     * @param sink receives the run's warnings (for example a runtime parameter no node reads), one
     *     paragraph each; default the log at WARN
     * @return this builder
     */
    public Builder warnings(Consumer<String> sink) {
      this.warnings = sink;
      return this;
    }

    /**
     * @param path the project root; default the working directory
     * @return this builder
     */
    public Builder projectPath(Path path) {
      this.projectPath = path;
      return this;
    }

    /**
     * @param name the configuration environment; {@code null} means {@code WEIR_ENV}, else {@code
     *     local}
     * @return this builder
     */
    public Builder env(@Nullable String name) {
      this.env = name;
      return this;
    }

    /**
     * @param params runtime params, nested (they override {@code parameters*} and feed {@code
     *     ${runtime_params:...}})
     * @return this builder
     */
    public Builder runtimeParams(Map<String, Object> params) {
      this.runtimeParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
      return this;
    }

    /**
     * @param text {@code k=v,k2.sub=v2}, as {@code --params}
     * @return this builder
     * @throws ConfigException on a malformed pair
     */
    public Builder runtimeParams(String text) {
      return runtimeParams(RuntimeParams.parse(text));
    }

    /**
     * @param path the configuration directory; default {@code <project>/conf}. For a job packaged
     *     as a JAR, a directory inside the JAR's zip file system
     * @return this builder
     */
    public Builder confSource(@Nullable Path path) {
      this.confSource = path;
      return this;
    }

    /**
     * @param extra hooks called after the ones found with {@link ServiceLoader}
     * @return this builder
     */
    public Builder hooks(Hook... extra) {
      this.hooks.addAll(List.of(extra));
      return this;
    }

    /**
     * @param extra hooks called after the ones found with {@link ServiceLoader}
     * @return this builder
     */
    public Builder hooks(List<? extends Hook> extra) {
      this.hooks.addAll(extra);
      return this;
    }

    /**
     * An existing Spark session (a notebook's {@code spark}), used instead of resolving one. Typed
     * {@code Object} so that code paths without Spark never load Spark classes.
     *
     * @param session an {@code org.apache.spark.sql.SparkSession}, or {@code null}
     * @return this builder
     * @throws ConfigException when the object is not a Spark session
     */
    public Builder sparkSession(@Nullable Object session) {
      if (session != null && (!SPARK_PRESENT || !SparkServices.isSparkSession(session))) {
        throw new ConfigException(
            "Session.builder().sparkSession(...) takes an org.apache.spark.sql.SparkSession, got "
                + session.getClass().getName()
                + ".");
      }
      this.sparkSession = session;
      return this;
    }

    /**
     * @param url a Spark Connect URL ({@code sc://host:port}), or {@code null} to use {@code
     *     spark.remote} of {@code spark.yml} or {@code SPARK_REMOTE}
     * @return this builder
     */
    public Builder sparkRemote(@Nullable String url) {
      this.sparkRemote = url;
      return this;
    }

    /**
     * The master of the Spark driver Weir starts, as spark-submit's {@code --master}: {@code
     * spark://host:7077} (a standalone cluster), {@code k8s://https://host:443}, {@code yarn},
     * {@code local[4]}. It replaces {@code spark.master} of {@code spark.yml}; with a cluster
     * master the project's JAR is shipped to the executors ({@code spark.jars}). Not used when a
     * session is handed in or already running, and refused together with a Spark Connect URL.
     *
     * @param url a Spark master URL, or {@code null} for {@code spark.master} of {@code spark.yml}
     *     (default {@code local[*]})
     * @return this builder
     */
    public Builder sparkMaster(@Nullable String url) {
      this.sparkMaster = url;
      return this;
    }

    /**
     * @param pipelines the pipelines to use instead of the {@link ServiceLoader} lookup (tests,
     *     notebooks)
     * @return this builder
     */
    public Builder pipelineRegistry(@Nullable PipelineRegistry pipelines) {
      this.registry = pipelines;
      return this;
    }

    /**
     * @return the session; nothing is loaded until used
     */
    public Session build() {
      return new Session(this);
    }
  }
}
