package dev.weir.cli;

import dev.weir.WeirException;
import dev.weir.command.ExitCodes;
import dev.weir.command.WeirCommand;
import dev.weir.config.SafeYaml;
import dev.weir.datasets.Expectations;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Expectation;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.ParameterInputs;
import dev.weir.session.RunOptions;
import dev.weir.session.Session;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir catalog list|resolve}, as Kedro's {@code kedro catalog} commands. Both read catalog
 * entries (specs), never create datasets, and never print credentials: only the name of a
 * credentials block appears, as written in {@code catalog.yml}.
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Show the datasets the pipelines use.",
    subcommands = {CatalogCommand.ListDatasets.class, CatalogCommand.Resolve.class})
final class CatalogCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * What the selected pipelines do with one dataset.
   *
   * @param location where its data lives, as the catalog entry writes it ({@code filepath}, {@code
   *     table}, ...), or empty for a dataset held in memory
   * @param expectations the entry's {@code expectations:} in catalog order, each with {@code name},
   *     {@code expr}, {@code on_violation} and {@code check_on}; empty when it has none or the
   *     entry does not parse ({@code weir run --dry-run} names the problem)
   */
  record Usage(
      String name,
      String type,
      List<String> readBy,
      List<String> writtenBy,
      boolean memory,
      String factoryPattern,
      String location,
      List<Map<String, String>> expectations) {}

  /** Options and lookups shared by both subcommands. */
  abstract static class CatalogBase extends WeirCommand {
    @Option(
        names = {"--pipelines", "-p"},
        split = ",",
        paramLabel = "NAME",
        description = "Pipelines to look at. Default: every registered pipeline.")
    List<String> pipelines = new ArrayList<>();

    Pipeline selected(Session session) {
      if (!pipelines.isEmpty()) {
        return session.pipeline(
            RunOptions.defaults().withPipelines(pipelines.toArray(String[]::new)));
      }
      return Pipeline.union(session.pipelines().values());
    }

    static Map<String, Usage> usages(Pipeline pipeline, DataCatalog catalog) {
      Map<String, List<String>> readers = new TreeMap<>();
      Map<String, List<String>> writers = new TreeMap<>();
      for (Node node : pipeline.nodes()) {
        for (String input : node.inputs()) {
          if (!ParameterInputs.isParameter(input)) {
            readers.computeIfAbsent(input, k -> new ArrayList<>()).add(node.name());
            writers.computeIfAbsent(input, k -> new ArrayList<>());
          }
        }
        for (String output : node.outputs()) {
          writers.computeIfAbsent(output, k -> new ArrayList<>()).add(node.name());
          readers.computeIfAbsent(output, k -> new ArrayList<>());
        }
      }
      Map<String, Usage> usages = new LinkedHashMap<>();
      for (String name : writers.keySet()) {
        boolean explicit = catalog.listDatasets().contains(name);
        String pattern = explicit ? "" : catalog.resolvePattern(name).orElse("");
        boolean configured = explicit || !pattern.isEmpty();
        usages.put(
            name,
            new Usage(
                name,
                configured ? catalog.typeName(name) : "MemoryDataset",
                readers.getOrDefault(name, List.of()),
                writers.get(name),
                !configured || catalog.isMemory(name),
                pattern,
                configured ? location(catalog, name) : "",
                configured ? expectations(catalog, name) : List.of()));
      }
      return usages;
    }

    /** The entry's expectations as written; no dataset is created. */
    private static List<Map<String, String>> expectations(DataCatalog catalog, String name) {
      Optional<DatasetSpec> spec = catalog.spec(name);
      if (spec.isEmpty()) {
        return List.of();
      }
      Expectations parsed;
      try {
        parsed = Expectations.of(spec.get());
      } catch (WeirException e) {
        return List.of();
      }
      List<Map<String, String>> out = new ArrayList<>();
      for (Expectation e : parsed.list()) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("expr", e.expr());
        m.put("on_violation", e.onViolation().yamlName());
        m.put("check_on", parsed.checkOn());
        out.add(m);
      }
      return out;
    }

    /** The location keys of the entry as written; no dataset is created. */
    private static String location(DataCatalog catalog, String name) {
      return catalog
          .spec(name)
          .map(spec -> Describe.location(spec.config()))
          .filter(l -> !l.startsWith("{"))
          .orElse("");
    }
  }

  /** {@code weir catalog list [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List every dataset the pipelines use: type, location, the nodes reading and writing it;"
              + " factory-matched and in-memory ones marked.")
  static final class ListDatasets extends CatalogBase {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    protected int execute() {
      Session session = common.sessionBuilder().build();
      Pipeline pipeline = selected(session);
      Map<String, Usage> usages = usages(pipeline, session.catalog(null, Map.of()));
      PrintWriter out = out();
      if (json) {
        out.println(Json.write(new ArrayList<>(usages.values())));
      } else {
        for (Usage u : usages.values()) {
          StringBuilder line = new StringBuilder(u.name()).append("  ").append(u.type());
          if (!u.factoryPattern().isEmpty()) {
            line.append("  [factory: ").append(u.factoryPattern()).append(']');
          }
          if (u.memory()) {
            line.append("  [memory]");
          }
          out.println(line);
          if (!u.location().isEmpty()) {
            out.println("    location:   " + u.location());
          }
          for (Map<String, String> e : u.expectations()) {
            out.println(
                "    expects:    "
                    + e.get("name")
                    + ": "
                    + e.get("expr")
                    + " ["
                    + e.get("on_violation")
                    + ", on "
                    + e.get("check_on")
                    + "]");
          }
          out.println("    written by: " + names(u.writtenBy(), "(no node: a free input)"));
          out.println("    read by:    " + names(u.readBy(), "(no node: an output)"));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }

    private static String names(List<String> nodes, String none) {
      return nodes.isEmpty() ? none : String.join(", ", nodes);
    }
  }

  /** {@code weir catalog resolve}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description =
          "Print the catalog entries of every dataset the pipelines use, dataset factories"
              + " applied, as YAML.")
  static final class Resolve extends CatalogBase {
    @Override
    protected int execute() {
      Session session = common.sessionBuilder().build();
      Pipeline pipeline = selected(session);
      DataCatalog catalog = session.catalog(null, Map.of());
      Map<String, Object> raw = session.config().catalog();
      Map<String, Object> resolved = new LinkedHashMap<>();
      for (String name : new TreeSet<>(pipeline.datasets())) {
        if (ParameterInputs.isParameter(name)) {
          continue;
        }
        Optional<DatasetSpec> spec = catalog.spec(name);
        if (spec.isEmpty()) {
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", spec.get().type());
        entry.putAll(spec.get().config());
        Object source = raw.get(name);
        if (source == null) {
          source = catalog.resolvePattern(name).map(raw::get).orElse(null);
        }
        if (source instanceof Map<?, ?> m && m.get("credentials") instanceof String ref) {
          entry.put("credentials", ref);
        }
        resolved.put(name, entry);
      }
      PrintWriter out = out();
      out.print(resolved.isEmpty() ? "{}\n" : SafeYaml.dump(resolved));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
