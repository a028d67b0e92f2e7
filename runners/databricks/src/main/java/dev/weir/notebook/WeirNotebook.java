package dev.weir.notebook;

import dev.weir.config.ConfigException;
import dev.weir.config.RuntimeParams;
import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;
import dev.weir.session.ConfSources;
import dev.weir.session.DatabricksPaths;
import dev.weir.session.RunOptions;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * Weir from a notebook or a REPL: hand it the notebook's {@code spark} and the project folder (a
 * workspace folder, a Git folder, or a Unity Catalog volume), run pipelines with {@code weir run}'s
 * options, and load catalog datasets to display, as Kedro's {@code %load_ext kedro.ipython} gives a
 * notebook {@code session}, {@code catalog} and {@code pipelines}.
 *
 * <p>In a Databricks Scala notebook with the project's job JAR attached to the cluster:
 *
 * <pre>{@code
 * import dev.weir.notebook.WeirNotebook
 * val weir = WeirNotebook.create(spark, "/Volumes/main/default/spaceflights")
 * weir.pipelines.keySet
 * weir.run("--pipelines data_processing")
 * display(weir.table("model_input_table"))
 * }</pre>
 *
 * <p>The configuration is {@code <project>/conf} when it exists, else the {@code conf/} packaged in
 * the JAR. A {@code dbfs:/} project path is read through the driver's {@code /dbfs} mount.
 * Instances are immutable; {@code with...} methods return a copy.
 */
public final class WeirNotebook {
  private final SparkSession spark;
  private final Path project;
  private final @Nullable String env;
  private final @Nullable String confSource;
  private final Map<String, Object> params;

  private WeirNotebook(
      SparkSession spark,
      Path project,
      @Nullable String env,
      @Nullable String confSource,
      Map<String, Object> params) {
    this.spark = spark;
    this.project = project;
    this.env = env;
    this.confSource = confSource;
    this.params = Map.copyOf(params);
  }

  /**
   * @param spark the notebook's session; every run uses it
   * @param projectPath the project folder; relative catalog paths resolve against it
   * @return a facade for the {@code local} environment (or {@code WEIR_ENV})
   */
  public static WeirNotebook create(SparkSession spark, String projectPath) {
    return new WeirNotebook(
        spark, Path.of(DatabricksPaths.local(projectPath)), null, null, Map.of());
  }

  /**
   * @param name the configuration environment, e.g. {@code prod}
   * @return a copy using it
   */
  public WeirNotebook withEnv(String name) {
    return new WeirNotebook(spark, project, name, confSource, params);
  }

  /**
   * @param path the configuration folder, as {@code --conf-source}
   * @return a copy using it
   */
  public WeirNotebook withConfSource(String path) {
    return new WeirNotebook(spark, project, env, path, params);
  }

  /**
   * @param runtimeParams {@code k=v,k2.sub=v2}, as {@code --params}
   * @return a copy with these runtime params
   * @throws ConfigException for a malformed pair
   */
  public WeirNotebook withParams(String runtimeParams) {
    return new WeirNotebook(spark, project, env, confSource, RuntimeParams.parse(runtimeParams));
  }

  /**
   * @return a new session over the project (configuration read again), using the notebook's Spark
   */
  public Session session() {
    return session(params);
  }

  private Session session(Map<String, Object> runtimeParams) {
    return Session.builder()
        .projectPath(project)
        .env(env)
        .confSource(ConfSources.resolve(confSource, project))
        .runtimeParams(runtimeParams)
        .sparkSession(spark)
        .build();
  }

  /**
   * @return the registered pipelines by name, {@code __default__} included
   */
  public Map<String, Pipeline> pipelines() {
    return session().pipelines();
  }

  /**
   * @return the data catalog of the environment: datasets load the latest version
   */
  public DataCatalog catalog() {
    return session().catalog(null, Map.of());
  }

  /**
   * @param name a catalog dataset holding a Spark DataFrame
   * @return its DataFrame, e.g. for {@code display(...)}
   * @throws ConfigException when the dataset loads something else (its class named)
   */
  @SuppressWarnings("unchecked")
  public Dataset<Row> table(String name) {
    Object data = catalog().load(name);
    if (!(data instanceof Dataset<?>)) {
      throw new ConfigException(
          "Dataset '"
              + name
              + "' loads a "
              + data.getClass().getName()
              + ", not a Spark DataFrame; use catalog().load(\""
              + name
              + "\").");
    }
    return (Dataset<Row>) data;
  }

  /**
   * Runs {@code __default__}.
   *
   * @return the result of a successful run
   * @throws dev.weir.WeirException when the run fails (a node, the configuration)
   */
  public RunResult run() {
    return run(RunOptions.defaults());
  }

  /**
   * @param options {@code weir run} options, e.g. {@code "--pipelines data_processing"}
   * @return the result of a successful run
   * @throws dev.weir.WeirException when the options are wrong or the run fails
   */
  public RunResult run(String options) {
    NotebookRun parsed = NotebookRun.parse(options);
    Map<String, Object> runtimeParams =
        parsed.params() == null ? params : RuntimeParams.parse(parsed.params());
    return session(runtimeParams).run(parsed.toRunOptions()).orThrow();
  }

  /**
   * @param options the run options
   * @return the result of a successful run
   * @throws dev.weir.WeirException when the run fails
   */
  public RunResult run(RunOptions options) {
    return session().run(options).orThrow();
  }

  /**
   * @return a typed builder of run options; finish with {@link RunBuilder#run()}
   */
  public RunBuilder runBuilder() {
    return new RunBuilder(this);
  }

  /** Typed {@code weir run} options for {@link WeirNotebook}. */
  public static final class RunBuilder {
    private final WeirNotebook notebook;
    private RunOptions options = RunOptions.defaults();

    private RunBuilder(WeirNotebook notebook) {
      this.notebook = notebook;
    }

    /**
     * @param names registered pipelines, combined ({@code --pipelines})
     * @return this builder
     */
    public RunBuilder pipelines(String... names) {
      options = options.withPipelines(names);
      return this;
    }

    /**
     * @param names nodes to run ({@code --nodes})
     * @return this builder
     */
    public RunBuilder nodes(String... names) {
      options = options.withFilter(options.filter().withNodeNames(List.of(names)));
      return this;
    }

    /**
     * @param tags tags of the nodes to run ({@code --tags})
     * @return this builder
     */
    public RunBuilder tags(String... tags) {
      options = options.withFilter(options.filter().withTags(List.of(tags)));
      return this;
    }

    /**
     * @param name {@code sequential} or {@code parallel} ({@code --runner})
     * @param maxWorkers threads of the parallel runner, or null
     * @return this builder
     */
    public RunBuilder runner(String name, @Nullable Integer maxWorkers) {
      options = options.withRunner(name, maxWorkers);
      return this;
    }

    /**
     * @return this builder, running only what produces missing persisted outputs
     */
    public RunBuilder onlyMissingOutputs() {
      options = options.withOnlyMissingOutputs(true);
      return this;
    }

    /**
     * @return the options built so far
     */
    public RunOptions options() {
      return options;
    }

    /**
     * @return the result of a successful run
     * @throws dev.weir.WeirException when the run fails
     */
    public RunResult run() {
      return notebook.run(options);
    }
  }
}
