package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dataset and dependency indexes of a set of nodes, built in one O(V+E) pass. Datasets are
 * keyed by their name without transcoding suffix, as Kedro keys {@code _nodes_by_input} and {@code
 * _nodes_by_output}, so {@code x@spark} written by one node feeds {@code x@delta} read by another.
 *
 * <p>Nodes are addressed by their position in {@link #nodes}; the index keeps every problem it
 * meets (a repeated name, a second producer) for {@link PipelineChecks} to report instead of
 * failing half-way.
 */
final class GraphIndex {
  private static final int[] NONE = new int[0];

  final List<Node> nodes;
  final Map<String, Integer> byName;

  /** Names given to more than one node, each with every node holding it. */
  final Map<String, List<Node>> duplicateNames = new HashMap<>();

  final Map<String, Integer> producerByDataset;

  /** Datasets (without suffix) written by more than one node, each with its writers. */
  final Map<String, List<Node>> duplicateProducers = new HashMap<>();

  /** True when some dataset name carries an {@code @} suffix. */
  final boolean transcoded;

  final int[][] parents;
  final int[][] children;
  private volatile @Nullable Map<String, int[]> consumers;

  GraphIndex(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
    int n = this.nodes.size();
    byName = new HashMap<>(capacity(n));
    producerByDataset = new HashMap<>(capacity(n));
    boolean anyTranscoded = false;
    for (int i = 0; i < n; i++) {
      Node node = this.nodes.get(i);
      Integer previous = byName.putIfAbsent(node.name(), i);
      if (previous != null) {
        duplicateNames
            .computeIfAbsent(node.name(), k -> new ArrayList<>(List.of(this.nodes.get(previous))))
            .add(node);
      }
      for (String output : node.outputs()) {
        String dataset = Transcoding.strip(output);
        // strip returns its argument itself when there is no suffix.
        anyTranscoded |= dataset != output;
        Integer writer = producerByDataset.putIfAbsent(dataset, i);
        if (writer != null) {
          duplicateProducers
              .computeIfAbsent(dataset, k -> new ArrayList<>(List.of(this.nodes.get(writer))))
              .add(node);
        }
      }
    }
    parents = new int[n][];
    int[] childCounts = new int[n];
    int[] lastSeen = new int[n];
    Arrays.fill(lastSeen, -1);
    int[] buffer = new int[8];
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (String input : this.nodes.get(i).inputs()) {
        String dataset = Transcoding.strip(input);
        anyTranscoded |= dataset != input;
        Integer p = producerByDataset.get(dataset);
        if (p != null && lastSeen[p] != i) {
          lastSeen[p] = i;
          if (count == buffer.length) {
            buffer = Arrays.copyOf(buffer, count * 2);
          }
          buffer[count++] = p;
          childCounts[p]++;
        }
      }
      parents[i] = count == 0 ? NONE : Arrays.copyOf(buffer, count);
    }
    transcoded = anyTranscoded;
    children = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = childCounts[i] == 0 ? NONE : new int[childCounts[i]];
      childCounts[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int p : parents[i]) {
        children[p][childCounts[p]++] = i;
      }
    }
  }

  /**
   * Readers by dataset name without suffix, each node once. Built on first use: only filters and
   * {@link Pipeline#outputs()} need it, and building it costs as much as the rest of the index.
   */
  Map<String, int[]> consumersByDataset() {
    Map<String, int[]> found = consumers;
    if (found == null) {
      Map<String, int[]> lists = new HashMap<>();
      Map<String, Integer> sizes = new HashMap<>();
      for (int i = 0; i < nodes.size(); i++) {
        for (String input : nodes.get(i).inputs()) {
          String dataset = Transcoding.strip(input);
          int[] list = lists.get(dataset);
          int size = list == null ? 0 : sizes.getOrDefault(dataset, 0);
          if (list == null) {
            list = new int[2];
            lists.put(dataset, list);
          } else if (list[size - 1] == i) {
            continue;
          } else if (size == list.length) {
            list = Arrays.copyOf(list, size * 2);
            lists.put(dataset, list);
          }
          list[size] = i;
          sizes.put(dataset, size + 1);
        }
      }
      lists.replaceAll((dataset, list) -> Arrays.copyOf(list, sizes.getOrDefault(dataset, 0)));
      found = lists;
      consumers = found;
    }
    return found;
  }

  int size() {
    return nodes.size();
  }

  private static int capacity(int expected) {
    return (int) (expected / 0.75f) + 1;
  }
}
