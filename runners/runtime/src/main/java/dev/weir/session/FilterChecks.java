package dev.weir.session;

import dev.weir.ClosestNames;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineException;
import dev.weir.pipeline.PipelineFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of the node filters of {@code weir run} before they are applied: no option is given an
 * empty name ({@code --nodes ""}), and every node named by {@code --nodes}, {@code --from-nodes} or
 * {@code --to-nodes} is in the pipeline; when no name is close, the message lists the pipeline's
 * nodes instead of leaving the user to guess.
 */
final class FilterChecks {
  private static final int MAX_LISTED = 30;

  private FilterChecks() {}

  /**
   * @param filter the filters given
   * @param pipeline the combined pipeline before filtering
   * @param pipelineNames the names of the pipelines combined, for the message
   * @throws PipelineException for an empty name or an unknown node
   */
  static void validate(PipelineFilter filter, Pipeline pipeline, List<String> pipelineNames) {
    emptyNames(options(filter));
    unknownNodes(filter, pipeline, pipelineNames);
  }

  private static Map<String, List<String>> options(PipelineFilter f) {
    Map<String, List<String>> byOption = new LinkedHashMap<>();
    byOption.put("--tags", f.tags());
    byOption.put("--nodes", f.nodeNames());
    byOption.put("--from-nodes", f.fromNodes());
    byOption.put("--to-nodes", f.toNodes());
    byOption.put("--from-inputs", f.fromInputs());
    byOption.put("--to-outputs", f.toOutputs());
    byOption.put("--namespaces", f.nodeNamespaces());
    return byOption;
  }

  private static void emptyNames(Map<String, List<String>> byOption) {
    for (Map.Entry<String, List<String>> e : byOption.entrySet()) {
      if (e.getValue().stream().anyMatch(String::isBlank)) {
        throw new PipelineException(
            e.getKey()
                + " was given an empty list (or an empty name between commas), which selects"
                + " nothing. Give names separated by commas, for example "
                + e.getKey()
                + " a,b, or leave "
                + e.getKey()
                + " out to run every node.");
      }
    }
  }

  private static void unknownNodes(
      PipelineFilter filter, Pipeline pipeline, List<String> pipelineNames) {
    Set<String> known = new TreeSet<>();
    for (Node node : pipeline.nodes()) {
      known.add(node.name());
    }
    Map<String, List<String>> byOption = new LinkedHashMap<>();
    byOption.put("--nodes", filter.nodeNames());
    byOption.put("--from-nodes", filter.fromNodes());
    byOption.put("--to-nodes", filter.toNodes());
    for (Map.Entry<String, List<String>> e : byOption.entrySet()) {
      List<String> unknown = e.getValue().stream().filter(n -> !known.contains(n)).toList();
      if (!unknown.isEmpty()) {
        throw new PipelineException(unknownMessage(e.getKey(), unknown, known, pipelineNames));
      }
    }
  }

  private static String unknownMessage(
      String option, List<String> unknown, Set<String> known, List<String> pipelineNames) {
    String pipelines = String.join(" + ", pipelineNames);
    String hint = ClosestNames.didYouMean(unknown, known);
    if (hint.isEmpty()) {
      List<String> listed = new ArrayList<>(known);
      String more = "";
      if (listed.size() > MAX_LISTED) {
        more = " and " + (listed.size() - MAX_LISTED) + " more";
        listed = listed.subList(0, MAX_LISTED);
      }
      hint = " Its nodes are: " + String.join(", ", listed) + more + ".";
    }
    return option
        + " names nodes that are not in pipeline "
        + pipelines
        + ": '"
        + String.join("', '", unknown)
        + "'."
        + hint
        + " See weir pipeline describe "
        + pipelineNames.get(0)
        + " for every node with its inputs and outputs.";
  }
}
