package dev.weir.runner;

import dev.weir.io.DataCatalog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the nodes a failed run resumes from, as Kedro's {@code _find_nodes_to_resume_from}
 * (kedro/runner/runner.py): starting at the unfinished nodes that read data from outside the
 * unfinished part, walk back (breadth first) through every input that is not persisted (memory
 * data, which died with the run) to the nodes producing it; add everything downstream of what was
 * found; resume from the first topological group of that set, the nodes with no parent in it.
 * Parameters count as persisted: they come back with the configuration.
 */
final class ResumeHint {
  private ResumeHint() {}

  /**
   * @param graph the run's graph
   * @param unfinished indexes of the nodes that did not finish
   * @param catalog the run's catalog, to tell persisted datasets from memory ones
   * @return the node names to pass to {@code --from-nodes}, sorted
   */
  static List<String> nodesToResumeFrom(
      NodeGraph graph, Collection<Integer> unfinished, DataCatalog catalog) {
    Set<Integer> unfinishedSet = new HashSet<>(unfinished);
    Map<String, Integer> producers = producers(graph);

    Deque<Integer> queue = new ArrayDeque<>();
    Set<Integer> visited = new HashSet<>();
    for (int i : unfinishedSet) {
      if (readsFromOutside(graph, i, unfinishedSet, producers)) {
        queue.add(i);
        visited.add(i);
      }
    }
    Set<Integer> toRun = new HashSet<>(unfinishedSet);
    while (!queue.isEmpty()) {
      int current = queue.poll();
      toRun.add(current);
      for (String input : graph.nodes.get(current).inputs()) {
        if (ParameterInputs.isParameter(input) || isPersisted(input, catalog)) {
          continue;
        }
        Integer producer = producers.get(NodeGraph.base(input));
        if (producer != null && visited.add(producer)) {
          queue.add(producer);
        }
      }
    }
    Set<Integer> withDownstream = downstream(graph, toRun);
    List<String> names = new ArrayList<>();
    for (int i : withDownstream) {
      boolean hasParentInSet = false;
      for (int p : graph.parents[i]) {
        if (withDownstream.contains(p)) {
          hasParentInSet = true;
          break;
        }
      }
      if (!hasParentInSet) {
        names.add(graph.nodes.get(i).name());
      }
    }
    names.sort(null);
    return names;
  }

  private static boolean readsFromOutside(
      NodeGraph graph, int node, Set<Integer> part, Map<String, Integer> producers) {
    for (String input : graph.nodes.get(node).inputs()) {
      Integer producer = producers.get(NodeGraph.base(input));
      if (producer == null || !part.contains(producer)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPersisted(String dataset, DataCatalog catalog) {
    return catalog.contains(dataset) && !catalog.isMemory(dataset);
  }

  static Map<String, Integer> producers(NodeGraph graph) {
    Map<String, Integer> producers = new HashMap<>();
    for (int i = 0; i < graph.size(); i++) {
      for (String output : graph.nodes.get(i).outputs()) {
        producers.put(NodeGraph.base(output), i);
      }
    }
    return producers;
  }

  private static Set<Integer> downstream(NodeGraph graph, Set<Integer> start) {
    Set<Integer> seen = new HashSet<>(start);
    Deque<Integer> queue = new ArrayDeque<>(start);
    while (!queue.isEmpty()) {
      for (int child : graph.children[queue.poll()]) {
        if (seen.add(child)) {
          queue.add(child);
        }
      }
    }
    return seen;
  }
}
