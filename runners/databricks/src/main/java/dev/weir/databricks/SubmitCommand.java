package dev.weir.databricks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import dev.weir.config.ConfigException;
import dev.weir.config.ConfigLoader;
import dev.weir.config.RuntimeParams;
import dev.weir.databricks.JarRunSubmission.Compute;
import dev.weir.databricks.JarRunSubmission.Outcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir databricks submit}: runs the project's job JAR once on Databricks ({@link
 * JarRunSubmission}) and waits for it.
 *
 * <p>Credentials come from the Databricks SDK's standard chain ({@code DATABRICKS_HOST} with {@code
 * DATABRICKS_TOKEN} or OAuth variables, else the {@code DEFAULT} profile of {@code
 * ~/.databrickscfg}, or {@code --profile}); they are never printed. Exit codes: 0 the run ended
 * with {@code SUCCESS}; 1 it failed, was cancelled or did not finish within {@code --timeout} (the
 * task's error is printed); 2 a usage or configuration problem (among them a catalog with relative
 * local paths and no {@code --remote-project}, see {@link RemotePathCheck}), or Databricks refused
 * a request.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Upload the job JAR to a Unity Catalog volume, submit a one-time run of a spark_jar_task"
            + " and wait for it.",
    footer = {
      "",
      "Example: weir databricks submit --pipelines data_processing --serverless"
          + " --volume /Volumes/main/default/jars"
    })
public final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"--pipelines", "-p"},
      split = ",",
      paramLabel = "NAME",
      description = "Pipelines to run. Default: __default__.")
  List<String> pipelines = new ArrayList<>();

  @Option(
      names = {"--nodes", "-n"},
      split = ",",
      paramLabel = "NODE",
      description = "Only these nodes.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = {"--env", "-e"},
      paramLabel = "ENV",
      description = "Configuration environment the run uses (default: ${DEFAULT-VALUE}).")
  String env = "prod";

  @Option(names = "--params", paramLabel = "K=V[,K2=V2]", description = "Runtime parameters.")
  @Nullable String params;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ComputeChoice compute;

  /** Exactly one of the three ways to get compute. */
  static final class ComputeChoice {
    @Option(
        names = "--cluster-id",
        paramLabel = "ID",
        description = "A running all-purpose cluster.")
    @Nullable String clusterId;

    @Option(
        names = "--new-cluster",
        paramLabel = "NODE_TYPE",
        description =
            "A new job cluster of this node type (e.g. m5d.large), runtime 18.0 Scala 2.13.")
    @Nullable String newCluster;

    @Option(names = "--serverless", description = "Serverless compute.")
    boolean serverless;
  }

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Workers of --new-cluster (default: ${DEFAULT-VALUE}).")
  long workers = 1;

  @Option(
      names = "--volume",
      required = true,
      paramLabel = "/Volumes/CATALOG/SCHEMA/VOLUME[/DIR]",
      description = "Unity Catalog volume folder the JAR is uploaded to.")
  String volume;

  @Option(
      names = "--jar",
      paramLabel = "PATH",
      description = "The job JAR. Default: the only target/*-job.jar of --project.")
  @Nullable Path jar;

  @Option(names = "--project", paramLabel = "DIR", description = "Project directory. Default: .")
  Path project = Path.of("");

  @Option(
      names = "--remote-project",
      paramLabel = "DIR",
      description = "Project directory on Databricks, passed to the run as --project.")
  @Nullable String remoteProject;

  @Option(names = "--profile", paramLabel = "NAME", description = "A ~/.databrickscfg profile.")
  @Nullable String profile;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop waiting after this long; the run goes on (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 3600;

  private final Function<@Nullable String, WorkspaceClient> clients;

  /** A command that builds its client from the SDK's standard configuration. */
  public SubmitCommand() {
    this(SubmitCommand::standardClient);
  }

  /**
   * @param clients builds the workspace client for a {@code --profile} (null: the default chain)
   */
  SubmitCommand(Function<@Nullable String, WorkspaceClient> clients) {
    this.clients = clients;
  }

  private static WorkspaceClient standardClient(@Nullable String profile) {
    DatabricksConfig config = new DatabricksConfig();
    if (profile != null) {
      config.setProfile(profile);
    }
    return new WorkspaceClient(config);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      preflight();
      JarRunSubmission.Request request =
          new JarRunSubmission.Request(jarPath(), volume(), parameters(), compute(), runName());
      WorkspaceClient workspace = clients.apply(profile);
      Outcome outcome =
          JarRunSubmission.submit(workspace, request, Duration.ofSeconds(timeoutSeconds), out);
      return report(outcome, out, err);
    } catch (ConfigException e) {
      err.println("Error: " + e.getMessage());
      err.flush();
      return 2;
    } catch (DatabricksException e) {
      err.println(
          "Error: Databricks refused the request: "
              + e.getMessage()
              + ". Check DATABRICKS_HOST and the credentials (or --profile), and the volume path.");
      err.flush();
      return 2;
    } catch (java.io.IOException e) {
      err.println("Error: cannot read the job JAR: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private int report(Outcome outcome, PrintWriter out, PrintWriter err) {
    out.println("Run page: " + outcome.runPageUrl());
    out.flush();
    if (outcome.succeeded()) {
      out.println("Run " + outcome.runId() + " finished: SUCCESS.");
      out.flush();
      return 0;
    }
    if (outcome.timedOut()) {
      err.println(
          "Error: run "
              + outcome.runId()
              + " did not finish within "
              + timeoutSeconds
              + " s (last state "
              + outcome.lifeCycleState()
              + "); it goes on in the workspace. Follow it at "
              + outcome.runPageUrl()
              + " or wait longer with --timeout.");
    } else {
      err.println(
          "Error: run "
              + outcome.runId()
              + " ended "
              + outcome.lifeCycleState()
              + " / "
              + outcome.resultState()
              + (outcome.stateMessage().isBlank() ? "" : ": " + outcome.stateMessage())
              + ".");
      outcome.taskErrors().forEach(err::println);
    }
    err.flush();
    return 1;
  }

  /**
   * Refuses an environment whose catalog has relative local paths when the run gets no --project
   * ({@link RemotePathCheck}); reads the project's conf/ when there is one.
   */
  private void preflight() {
    if (remoteProject != null) {
      return;
    }
    Path conf = project.toAbsolutePath().normalize().resolve("conf");
    if (!Files.isDirectory(conf.resolve("base"))) {
      return;
    }
    Map<String, Object> runtime = params == null ? Map.of() : RuntimeParams.parse(params);
    Map<String, Object> catalog = ConfigLoader.load(conf, env, runtime).catalog();
    RemotePathCheck.require(catalog, env, null);
  }

  private List<String> parameters() {
    List<String> args = new ArrayList<>(List.of("run"));
    if (!pipelines.isEmpty()) {
      args.add("--pipelines");
      args.add(String.join(",", pipelines));
    }
    if (!nodes.isEmpty()) {
      args.add("--nodes");
      args.add(String.join(",", nodes));
    }
    args.add("--env");
    args.add(env);
    if (params != null) {
      args.add("--params");
      args.add(params);
    }
    if (remoteProject != null) {
      args.add("--project");
      args.add(remoteProject);
    }
    return args;
  }

  private Compute compute() {
    if (compute.clusterId != null) {
      return new JarRunSubmission.ExistingCluster(compute.clusterId);
    }
    if (compute.newCluster != null) {
      return new JarRunSubmission.NewCluster(compute.newCluster, workers);
    }
    return new JarRunSubmission.Serverless();
  }

  private String volume() {
    if (!volume.matches("/Volumes/[^/]+/[^/]+/[^/]+(/.*)?")) {
      throw new ConfigException(
          "--volume '"
              + volume
              + "' is not a Unity Catalog volume path. Write"
              + " /Volumes/<catalog>/<schema>/<volume>[/<folder>], e.g. /Volumes/main/default/jars.");
    }
    return volume;
  }

  private String runName() {
    return "weir " + (pipelines.isEmpty() ? "__default__" : String.join(",", pipelines));
  }

  private Path jarPath() throws java.io.IOException {
    if (jar != null) {
      if (!Files.isRegularFile(jar)) {
        throw new ConfigException("--jar " + jar + " does not exist. Build it with mvn package.");
      }
      return jar;
    }
    Path target = project.toAbsolutePath().normalize().resolve("target");
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(target)) {
      try (var files = Files.list(target)) {
        files.filter(f -> f.getFileName().toString().endsWith("-job.jar")).forEach(found::add);
      }
    }
    if (found.size() != 1) {
      throw new ConfigException(
          "Found "
              + found.size()
              + " *-job.jar files in "
              + target
              + (found.isEmpty() ? "; build the job JAR with mvn package" : ": " + found)
              + ", or pass --jar PATH.");
    }
    return found.get(0);
  }
}
