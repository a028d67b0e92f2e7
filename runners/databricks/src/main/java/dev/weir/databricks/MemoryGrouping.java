package dev.weir.databricks;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The default grouping, {@link GroupBy#AUTO}: the connected components of the node graph over its
 * in-memory datasets, one task each. An in-memory dataset lives for one {@code weir run}, so its
 * writer and its readers must run in the same task; every other dataset is persisted and may cross
 * tasks. Components that would then wait for each other in a cycle (a node between two nodes of one
 * component, joined to them by persisted datasets) are merged too, so the tasks always form a DAG.
 *
 * <p>A task of one node is named after the node; a task of several after their common namespace
 * when they share one (and no other task does), else after its nodes joined by {@code __}.
 */
final class MemoryGrouping {
  private MemoryGrouping() {}

  /**
   * @param pipeline the pipeline
   * @param persisted whether a dataset (stripped of transcoding) is persisted
   * @return for each node name, in run order, the name and description of its task
   */
  static Map<String, TaskGroups.Named> assign(Pipeline pipeline, Predicate<String> persisted) {
    List<Node> nodes = pipeline.nodes();
    int n = nodes.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> producer = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (String output : nodes.get(i).outputs()) {
        producer.put(Transcoding.strip(output), i);
      }
    }
    List<int[]> edges = new ArrayList<>();
    for (int to = 0; to < n; to++) {
      for (String input : nodes.get(to).inputs()) {
        String dataset = Transcoding.strip(input);
        Integer from = producer.get(dataset);
        if (from == null || from == to) {
          continue;
        }
        edges.add(new int[] {from, to});
        if (!persisted.test(dataset)) {
          union(parent, from, to);
        }
      }
    }
    mergeCycles(parent, edges, n);
    return names(nodes, parent);
  }

  /** Merges components that reach each other (the strongly connected parts of the task graph). */
  private static void mergeCycles(int[] parent, List<int[]> edges, int n) {
    List<List<Integer>> next = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      next.add(new ArrayList<>());
    }
    for (int[] edge : edges) {
      int a = find(parent, edge[0]);
      int b = find(parent, edge[1]);
      if (a != b) {
        next.get(a).add(b);
      }
    }
    BitSet[] reach = new BitSet[n];
    for (int i = 0; i < n; i++) {
      if (find(parent, i) == i) {
        reach[i] = reachable(i, next, n);
      }
    }
    int[] roots = new int[n];
    for (int i = 0; i < n; i++) {
      roots[i] = find(parent, i);
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (roots[a] == a && roots[b] == b && reach[a].get(b) && reach[b].get(a)) {
          union(parent, a, b);
        }
      }
    }
  }

  private static BitSet reachable(int start, List<List<Integer>> next, int n) {
    BitSet seen = new BitSet(n);
    List<Integer> stack = new ArrayList<>(List.of(start));
    while (!stack.isEmpty()) {
      int at = stack.remove(stack.size() - 1);
      for (int to : next.get(at)) {
        if (!seen.get(to)) {
          seen.set(to);
          stack.add(to);
        }
      }
    }
    return seen;
  }

  private static Map<String, TaskGroups.Named> names(List<Node> nodes, int[] parent) {
    Map<Integer, List<Node>> members = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      members.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(nodes.get(i));
    }
    Map<String, Integer> namespaceUse = new HashMap<>();
    for (List<Node> group : members.values()) {
      @Nullable String ns = group.size() > 1 ? commonNamespace(group) : null;
      if (ns != null) {
        namespaceUse.merge(ns, 1, Integer::sum);
      }
    }
    Map<String, TaskGroups.Named> result = new LinkedHashMap<>();
    for (List<Node> group : members.values()) {
      List<String> names = group.stream().map(Node::name).toList();
      TaskGroups.Named named;
      if (group.size() == 1) {
        named = new TaskGroups.Named(names.get(0), "node " + names.get(0));
      } else {
        @Nullable String ns = commonNamespace(group);
        String label = "nodes " + String.join(", ", names);
        if (ns != null && namespaceUse.getOrDefault(ns, 0) == 1) {
          named = new TaskGroups.Named(ns, label);
        } else {
          named = new TaskGroups.Named(joined(names), label);
        }
      }
      names.forEach(name -> result.put(name, named));
    }
    // Keep the pipeline's run order of nodes.
    Map<String, TaskGroups.Named> ordered = new LinkedHashMap<>();
    nodes.forEach(node -> ordered.put(node.name(), result.get(node.name())));
    return ordered;
  }

  private static String joined(List<String> names) {
    String all = String.join("__", names);
    return all.length() <= 100 ? all : names.get(0) + "__and_" + (names.size() - 1) + "_more";
  }

  /**
   * @return the longest dotted namespace every node is in, or {@code null}
   */
  static @Nullable String commonNamespace(List<Node> group) {
    String @Nullable [] common = null;
    int length = 0;
    for (Node node : group) {
      if (node.namespace() == null) {
        return null;
      }
      String[] parts = node.namespace().split("\\.");
      if (common == null) {
        common = parts;
        length = parts.length;
        continue;
      }
      int same = 0;
      while (same < Math.min(length, parts.length) && common[same].equals(parts[same])) {
        same++;
      }
      length = same;
    }
    return common == null || length == 0
        ? null
        : String.join(".", List.of(common).subList(0, length));
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
