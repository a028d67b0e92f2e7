package dev.weir.cli;

import dev.weir.command.ExitCodes;
import dev.weir.command.WeirCommand;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weir pipeline list|describe}. */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "List and describe the project's pipelines.",
    subcommands = {PipelineCommand.ListPipelines.class, PipelineCommand.DescribePipeline.class})
final class PipelineCommand implements java.util.concurrent.Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** {@code weir pipeline list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the registered pipelines.")
  static final class ListPipelines extends WeirCommand {
    @Override
    protected int execute() {
      Map<String, Pipeline> pipelines = common.sessionBuilder().build().pipelines();
      PrintWriter out = out();
      for (Map.Entry<String, Pipeline> e : new TreeMap<>(pipelines).entrySet()) {
        out.println(e.getKey() + " (" + e.getValue().nodes().size() + " nodes)");
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code weir pipeline describe NAME [--json]}. */
  @Command(
      name = "describe",
      mixinStandardHelpOptions = true,
      description = "Show a pipeline's nodes in run order, with inputs and outputs.")
  static final class DescribePipeline extends WeirCommand {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        defaultValue = "__default__",
        description = "The registered pipeline. Default: __default__.")
    String name = "__default__";

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    protected int execute() {
      Map<String, Pipeline> pipelines = common.sessionBuilder().build().pipelines();
      Pipeline pipeline = pipelines.get(name);
      if (pipeline == null) {
        throw new PipelineException(
            "No pipeline named '"
                + name
                + "'. Registered pipelines: "
                + String.join(", ", new TreeSet<>(pipelines.keySet()))
                + ". See: weir pipeline list.");
      }
      PrintWriter out = out();
      if (json) {
        out.println(Json.write(describe(name, pipeline)));
      } else {
        out.println("Pipeline " + name + " (" + pipeline.nodes().size() + " nodes)");
        out.println("Inputs: " + join(pipeline.inputs()));
        out.println("Outputs: " + join(pipeline.outputs()));
        out.println("Nodes, in run order:");
        for (Node node : pipeline.nodes()) {
          out.println("  " + node.name() + "  [" + node.functionName() + "]");
          out.println("      inputs:  " + join(node.inputs()));
          out.println("      outputs: " + join(node.outputs()));
          if (!node.tags().isEmpty()) {
            out.println("      tags:    " + join(node.tags()));
          }
        }
      }
      out.flush();
      return ExitCodes.OK;
    }

    static Map<String, Object> describe(String name, Pipeline pipeline) {
      List<Map<String, Object>> nodes = new ArrayList<>();
      for (Node node : pipeline.nodes()) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", node.name());
        n.put("function", node.functionName());
        n.put("namespace", node.namespace());
        n.put("inputs", node.inputs());
        n.put("outputs", node.outputs());
        n.put("tags", node.tags());
        nodes.add(n);
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", name);
      p.put("inputs", pipeline.inputs());
      p.put("outputs", pipeline.outputs());
      p.put("nodes", nodes);
      return p;
    }
  }

  private static String join(java.util.Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
