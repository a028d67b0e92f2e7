package dev.weir.notebook;

import dev.weir.config.ConfigException;
import dev.weir.pipeline.PipelineFilter;
import dev.weir.session.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of one notebook run, typed, with the names and meaning of {@code weir run}'s options.
 * Build one with {@link WeirNotebook#runBuilder()}, or parse a {@code weir run} option string with
 * {@link #parse(String)}.
 */
@Command(name = "run")
public final class NotebookRun {
  @Option(
      names = {"--pipelines", "--pipeline", "-p"},
      split = ",")
  List<String> pipelines = new ArrayList<>();

  @Option(
      names = {"--tags", "-t"},
      split = ",")
  List<String> tags = new ArrayList<>();

  @Option(
      names = {"--nodes", "-n"},
      split = ",")
  List<String> nodes = new ArrayList<>();

  @Option(names = "--from-nodes", split = ",")
  List<String> fromNodes = new ArrayList<>();

  @Option(names = "--to-nodes", split = ",")
  List<String> toNodes = new ArrayList<>();

  @Option(names = "--from-inputs", split = ",")
  List<String> fromInputs = new ArrayList<>();

  @Option(names = "--to-outputs", split = ",")
  List<String> toOutputs = new ArrayList<>();

  @Option(names = "--namespaces", split = ",")
  List<String> namespaces = new ArrayList<>();

  @Option(names = {"--runner", "-r"})
  String runner = "sequential";

  @Option(names = "--max-workers")
  @Nullable Integer maxWorkers;

  @Option(
      names = {"--load-versions", "-lv"},
      split = ",")
  List<String> loadVersions = new ArrayList<>();

  @Option(names = "--only-missing-outputs")
  boolean onlyMissingOutputs;

  @Option(names = "--params")
  @Nullable String params;

  NotebookRun() {}

  /**
   * @param options {@code weir run} options separated by spaces, e.g. {@code --pipelines
   *     data_processing --tags nightly}; options that concern the session ({@code --env}, {@code
   *     --conf-source}, {@code --spark-remote}) are set on {@link WeirNotebook} instead
   * @return the parsed options
   * @throws ConfigException for an unknown or malformed option, naming it
   */
  public static NotebookRun parse(String options) {
    NotebookRun run = new NotebookRun();
    String trimmed = options.trim();
    String[] args = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    try {
      new CommandLine(run).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(
          "Cannot read the run options '"
              + options
              + "': "
              + e.getMessage()
              + ". Use weir run's options: --pipelines, --tags, --nodes, --from-nodes, --to-nodes,"
              + " --from-inputs, --to-outputs, --namespaces, --runner, --max-workers,"
              + " --load-versions, --only-missing-outputs, --params.");
    }
    return run;
  }

  /**
   * @return the session's {@link RunOptions}
   * @throws ConfigException for a malformed {@code --load-versions} pair
   */
  public RunOptions toRunOptions() {
    Map<String, String> versions = new LinkedHashMap<>();
    for (String pair : loadVersions) {
      int colon = pair.indexOf(':');
      if (colon <= 0 || colon == pair.length() - 1) {
        throw new ConfigException(
            "--load-versions expects DATASET:VERSION pairs, got '" + pair + "'.");
      }
      versions.put(pair.substring(0, colon), pair.substring(colon + 1));
    }
    return new RunOptions(
        pipelines,
        new PipelineFilter(tags, fromNodes, toNodes, nodes, fromInputs, toOutputs, namespaces),
        runner,
        maxWorkers,
        versions,
        onlyMissingOutputs,
        false);
  }

  /**
   * @return {@code --params}, or null
   */
  public @Nullable String params() {
    return params;
  }
}
