package dev.weir.cli;

import dev.weir.command.ExitCodes;
import dev.weir.command.WeirCommand;
import dev.weir.pipeline.PipelineFilter;
import dev.weir.runner.RunProfile;
import dev.weir.session.RunOptions;
import dev.weir.session.RunPlan;
import dev.weir.session.RunResult;
import dev.weir.session.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code weir run}: Kedro's {@code kedro run} options. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the project's pipelines.",
    footer = {
      "",
      "Exit codes: 0 success, 1 a node failed, 2 a usage or configuration error.",
      "Example: weir run --pipelines data_processing --runner parallel --params model.alpha=0.3"
    })
final class RunCommand extends WeirCommand {

  @Option(
      names = {"--pipelines", "--pipeline", "-p"},
      split = ",",
      paramLabel = "NAME",
      description = "Registered pipelines to run, combined. Default: __default__.")
  List<String> pipelines = new ArrayList<>();

  @Option(
      names = {"--tags", "-t"},
      split = ",",
      paramLabel = "TAG",
      description = "Run only nodes with any of these tags.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = {"--nodes", "-n"},
      split = ",",
      paramLabel = "NODE",
      description = "Run only these nodes.")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = "--from-nodes",
      split = ",",
      paramLabel = "NODE",
      description = "Run these nodes and everything downstream.")
  List<String> fromNodes = new ArrayList<>();

  @Option(
      names = "--to-nodes",
      split = ",",
      paramLabel = "NODE",
      description = "Run these nodes and everything upstream.")
  List<String> toNodes = new ArrayList<>();

  @Option(
      names = "--from-inputs",
      split = ",",
      paramLabel = "DATASET",
      description = "Run the nodes downstream of these datasets.")
  List<String> fromInputs = new ArrayList<>();

  @Option(
      names = "--to-outputs",
      split = ",",
      paramLabel = "DATASET",
      description = "Run the nodes needed to produce these datasets.")
  List<String> toOutputs = new ArrayList<>();

  @Option(
      names = "--namespaces",
      split = ",",
      paramLabel = "NAMESPACE",
      description = "Run only nodes in these namespaces (or nested below them).")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = {"--runner", "-r"},
      paramLabel = "RUNNER",
      completionCandidates = RunnerNames.class,
      description = "sequential (default) or parallel.")
  String runner = "sequential";

  @Option(
      names = "--max-workers",
      paramLabel = "N",
      description = "Threads of the parallel runner. Default: min(processors, nodes).")
  @Nullable Integer maxWorkers;

  @Option(
      names = {"--load-versions", "-lv"},
      split = ",",
      paramLabel = "DATASET:VERSION",
      description =
          "Versions of versioned datasets to load, such as regressor:2024-01-31T12.30.45.123Z.")
  List<String> loadVersions = new ArrayList<>();

  @Option(
      names = "--only-missing-outputs",
      description =
          "Run only the nodes needed to produce persisted outputs that do not exist"
              + " (--dry-run plans every selected node: checking existence would read data).")
  boolean onlyMissingOutputs;

  @Option(
      names = "--spark-remote",
      paramLabel = "URL",
      description = "Spark Connect URL (sc://host:port). Default: spark.remote, else SPARK_REMOTE.")
  @Nullable String sparkRemote;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description =
          "Spark master of the driver Weir starts, as spark-submit's --master: spark://host:7077,"
              + " k8s://https://host:443, yarn, local[4]. The project's JAR is shipped to the"
              + " executors. Default: spark.master of spark.yml, else local[*].")
  @Nullable String sparkMaster;

  @Option(
      names = "--dry-run",
      description =
          "Validate the pipeline, catalog, credentials, parameters and load versions, check that"
              + " the data of every free input exists (nothing is read), and print the plan;"
              + " compute nothing.")
  boolean dryRun;

  @Option(
      names = "--profile",
      description =
          "After the summary, print where the wall time went (configuration, Spark start-up, each"
              + " node's loads, function, saves and hooks) and write it as JSON to"
              + " target/weir-profile/<run id>.json.")
  boolean profile;

  /** Names offered by shell completion for {@code --runner}. */
  static final class RunnerNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    RunnerNames() {
      super(List.of("sequential", "parallel"));
    }
  }

  RunOptions options() {
    PipelineFilter filter =
        new PipelineFilter(tags, fromNodes, toNodes, nodes, fromInputs, toOutputs, namespaces);
    return new RunOptions(
        pipelines, filter, runner, maxWorkers, parseLoadVersions(), onlyMissingOutputs, dryRun);
  }

  private Map<String, String> parseLoadVersions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (String pair : loadVersions) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new ParameterException(
            spec.commandLine(),
            "--load-versions expects DATASET:VERSION pairs separated by commas, got '"
                + pair
                + "'.");
      }
      versions.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }
    return versions;
  }

  @Override
  protected int execute() {
    if (sparkMaster != null && sparkRemote != null) {
      throw new ParameterException(
          spec.commandLine(),
          "--spark-master starts a Spark driver in this process and --spark-remote connects to a"
              + " Spark Connect server instead: give one of them.");
    }
    RunOptions options = options();
    Session.Builder builder =
        common
            .sessionBuilder()
            .sparkRemote(sparkRemote)
            .sparkMaster(sparkMaster)
            .warnings(this::printWarning);
    if (options.dryRun()) {
      Session session = builder.build();
      print(session.dryRun(options), out());
      return ExitCodes.OK;
    }
    Progress progress = Progress.forConsole(System.console() != null);
    if (profile) {
      builder.profile(Main.startProfile());
    }
    Session[] built = new Session[1];
    Session session =
        builder
            .hooks(progress)
            .sparkStartListener(progress)
            .onInterrupt(
                stopped -> {
                  progress.close();
                  printInterrupted(stopped, built[0]);
                })
            .build();
    built[0] = session;
    RunResult result;
    try {
      result = session.run(options);
    } finally {
      progress.close();
    }
    if (result.status() == RunResult.Status.INTERRUPTED) {
      return ExitCodes.RUN_FAILED; // the shutdown hook printed the summary
    }
    printSummary(result, session.summaryLines(result));
    if (profile) {
      RunProfile.Report report = session.profile().report();
      ProfileOutput.print(report, out());
      out()
          .println(
              "Profile written to "
                  + ProfileOutput.write(report, session.projectPath(), result.runId()));
      out().flush();
    }
    if (result.error() != null) {
      printError(result.error(), false);
      return ExitCodes.RUN_FAILED;
    }
    return ExitCodes.OK;
  }

  /** From the JVM shutdown hook (SIGTERM, Ctrl-C): the summary, then the resume command. */
  private void printInterrupted(RunResult stopped, @Nullable Session session) {
    printSummary(stopped, session == null ? List.of() : session.summaryLines(stopped));
    if (stopped.error() != null) {
      printError(stopped.error(), false);
    }
  }

  private void printWarning(String warning) {
    err().println("Warning: " + warning);
    err().flush();
  }

  static void print(RunPlan plan, PrintWriter out) {
    out.println(
        "Dry run of "
            + String.join(" + ", plan.pipelineNames())
            + ": "
            + plan.steps().size()
            + " nodes would run, in this order (nothing was computed):");
    int i = 1;
    for (RunPlan.Step step : plan.steps()) {
      out.printf(Locale.ROOT, "%3d. %s%n", i++, step.node());
      out.println("       inputs:  " + join(step.inputs()));
      out.println("       outputs: " + join(step.outputs()));
    }
    out.flush();
  }

  private void printSummary(RunResult result, List<String> extraLines) {
    PrintWriter out = out();
    String verb =
        switch (result.status()) {
          case SUCCESS -> "finished";
          case INTERRUPTED -> "was interrupted";
          default -> "failed";
        };
    out.printf(
        Locale.ROOT,
        "Run %s %s in %.1f s (%d nodes ran).%n",
        result.runId(),
        verb,
        result.durationSeconds(),
        result.nodeSeconds().size());
    if (!result.savedOutputs().isEmpty()) {
      out.println("Saved outputs:");
      for (Map.Entry<String, Map<String, Object>> e : result.savedOutputs().entrySet()) {
        out.println("  " + e.getKey() + " -> " + Describe.location(e.getValue()));
      }
    }
    for (String line : ExpectationSummary.lines(result.expectations())) {
      out.println(line);
    }
    for (String line : extraLines) {
      out.println(line);
    }
    out.flush();
  }

  private static String join(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
