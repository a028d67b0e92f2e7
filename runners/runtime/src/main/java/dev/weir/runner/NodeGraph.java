package dev.weir.runner;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pipeline's nodes indexed by position in topological order, with parents and children as index
 * lists; built once per run in O(V+E) from {@link Pipeline#nodeDependencies()}, which already
 * treats transcoded names ({@code x@spark}, {@code x@delta}) as one dataset.
 */
final class NodeGraph {
  final List<Node> nodes;
  final Map<String, Integer> index;
  final int[][] parents;
  final int[][] children;

  NodeGraph(Pipeline pipeline) {
    this.nodes = pipeline.nodes();
    int n = nodes.size();
    this.index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(nodes.get(i).name(), i);
    }
    Map<Node, Set<Node>> dependencies = pipeline.nodeDependencies();
    List<List<Integer>> childLists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      childLists.add(new ArrayList<>(2));
    }
    this.parents = new int[n][];
    for (int i = 0; i < n; i++) {
      Set<Node> deps = dependencies.getOrDefault(nodes.get(i), Set.of());
      int[] p = new int[deps.size()];
      int k = 0;
      for (Node parent : deps) {
        int pi = Objects.requireNonNull(index.get(parent.name()), parent.name());
        p[k++] = pi;
        childLists.get(pi).add(i);
      }
      parents[i] = p;
    }
    this.children = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  int size() {
    return nodes.size();
  }

  int indexOf(Node node) {
    return Objects.requireNonNull(index.get(node.name()), node.name());
  }

  /** The dataset name without its transcoding suffix: {@code x@spark} is {@code x}. */
  static String base(String dataset) {
    int at = dataset.indexOf('@');
    return at < 0 ? dataset : dataset.substring(0, at);
  }
}
