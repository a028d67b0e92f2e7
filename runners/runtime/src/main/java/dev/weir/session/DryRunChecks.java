package dev.weir.session;

import dev.weir.ClosestNames;
import dev.weir.WeirException;
import dev.weir.config.ConfigException;
import dev.weir.io.DataCatalog;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.ParameterInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The checks of {@code weir run --dry-run}, each a small named check that adds one clear problem
 * per mistake (as Spark Declarative Pipelines validates its graph): free inputs, catalog entries
 * (created without loading, so credentials and types are checked and no data is touched), load
 * versions, parameter binding, and that the data of every free input exists ({@link
 * dev.weir.io.Dataset#exists()}, nothing read), and the catalog's expectations ({@link
 * ExpectationChecks}). Only those two checks may start Spark, for a Spark dataset's {@code
 * exists()} and for checking an expectation against a known schema: dataset types do not use the
 * Spark session when they are created.
 */
final class DryRunChecks {
  private DryRunChecks() {}

  private record Check(String name, BiConsumer<Context, List<String>> body) {}

  private record Context(
      Pipeline pipeline,
      DataCatalog catalog,
      Map<String, String> loadVersions,
      List<String> unusedRuntimeParams) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("free inputs", DryRunChecks::freeInputs),
          new Check("catalog entries", DryRunChecks::datasets),
          new Check(
              "free input data",
              (c, problems) -> problems.addAll(FreeInputData.missing(c.pipeline(), c.catalog()))),
          new Check("load versions", DryRunChecks::loadVersions),
          new Check("parameters", DryRunChecks::parameters),
          new Check(
              "runtime parameters", (c, problems) -> problems.addAll(c.unusedRuntimeParams())),
          new Check("SQL nodes", DryRunChecks::sqlNodes),
          new Check(
              "expectations",
              (c, problems) ->
                  problems.addAll(ExpectationChecks.problems(c.pipeline(), c.catalog(), false))));

  /**
   * @param pipeline the pipeline, filters applied
   * @param catalog the catalog, built with the load versions
   * @param loadVersions {@code --load-versions}
   * @param unusedRuntimeParams the messages of {@link UnusedRuntimeParams}: errors in a dry run
   * @throws ConfigException listing every problem found
   */
  static void validate(
      Pipeline pipeline,
      DataCatalog catalog,
      Map<String, String> loadVersions,
      List<String> unusedRuntimeParams) {
    Context context = new Context(pipeline, catalog, loadVersions, unusedRuntimeParams);
    List<String> problems = new ArrayList<>();
    for (Check check : CHECKS) {
      List<String> found = new ArrayList<>();
      check.body().accept(context, found);
      for (String p : found) {
        problems.add(check.name() + ": " + p);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(
          "The dry run found "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems")
              + "; nothing was run:\n  - "
              + String.join("\n  - ", problems));
    }
  }

  private static void freeInputs(Context c, List<String> problems) {
    for (String input : c.pipeline().inputs()) {
      if (!c.catalog().contains(input)) {
        problems.add(
            "'"
                + input
                + "' is read by a node but no node produces it and the catalog has no entry or"
                + " factory for it; add it to conf/base/catalog.yml"
                + (ParameterInputs.isParameter(input) ? " (or the parameters)" : "")
                + "."
                + ClosestNames.didYouMean(input, c.catalog().listDatasets()));
      }
    }
  }

  private static void datasets(Context c, List<String> problems) {
    for (String name : c.pipeline().datasets()) {
      if (ParameterInputs.isParameter(name) || !c.catalog().contains(name)) {
        continue;
      }
      try {
        c.catalog().dataset(name);
      } catch (WeirException e) {
        problems.add("'" + name + "': " + e.getMessage());
      }
    }
  }

  private static void loadVersions(Context c, List<String> problems) {
    try {
      LoadVersionChecks.validate(c.loadVersions(), c.catalog());
    } catch (ConfigException e) {
      problems.add(e.getMessage());
    }
  }

  /**
   * Parse, tables read, parameters and declared output columns of SQL nodes, without Spark ({@link
   * dev.weir.sql.SqlNodes#validate(Pipeline, DataCatalog)}); loads no Spark class when the pipeline
   * has no SQL node.
   */
  private static void sqlNodes(Context c, List<String> problems) {
    for (dev.weir.sql.SqlProblem p : dev.weir.sql.SqlNodes.validate(c.pipeline(), c.catalog())) {
      problems.add(p.toString());
    }
  }

  private static void parameters(Context c, List<String> problems) {
    try {
      ParameterInputs.bind(c.pipeline(), c.catalog());
    } catch (WeirException e) {
      problems.add(e.getMessage());
    }
  }
}
