package dev.weir.pipeline;

import dev.weir.ErrorKind;
import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Topological layers by Kahn's algorithm in O(V+E) plus the sort of each layer by node name, so the
 * order is the same on every run (Kedro sorts each {@code toposort} group the same way). When nodes
 * remain after the sort, they hold a cycle, and the error lists it node by node.
 */
final class Layering {
  private Layering() {}

  /**
   * @return the layers as node positions in {@code index}
   * @throws PipelineException when the nodes hold a cycle
   */
  static int[][] layers(GraphIndex index) {
    int n = index.size();
    int[] remaining = new int[n];
    int[] current = new int[n];
    int currentSize = 0;
    for (int i = 0; i < n; i++) {
      remaining[i] = index.parents[i].length;
      if (remaining[i] == 0) {
        current[currentSize++] = i;
      }
    }
    // Nodes ranked by name once, on the first layer holding more than one node (a chain never
    // needs it), so layers are ordered by comparing ints instead of chasing Node -> String.
    int[] rank = null;
    List<int[]> layers = new ArrayList<>();
    int done = 0;
    int[] next = new int[n];
    while (currentSize > 0) {
      if (rank == null && currentSize > 1) {
        rank = ranks(index);
      }
      int[] layer =
          currentSize == 1
              ? new int[] {current[0]}
              : sorted(current, currentSize, Objects.requireNonNull(rank, "rank"));
      layers.add(layer);
      done += layer.length;
      int nextSize = 0;
      for (int node : layer) {
        for (int child : index.children[node]) {
          if (--remaining[child] == 0) {
            next[nextSize++] = child;
          }
        }
      }
      int[] swap = current;
      current = next;
      next = swap;
      currentSize = nextSize;
    }
    if (done < n) {
      throw cycle(index, remaining);
    }
    return layers.toArray(new int[0][]);
  }

  private static int[] ranks(GraphIndex index) {
    int n = index.size();
    String[] names = new String[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      names[i] = index.nodes.get(i).name();
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }

  private static int[] sorted(int[] positions, int size, int[] rank) {
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((long) rank[positions[i]] << 32) | positions[i];
    }
    Arrays.sort(keys);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = (int) keys[i];
    }
    return out;
  }

  /**
   * Every node left unsorted still has an unsorted parent, so walking parents from any of them must
   * come back to a node already seen: that loop is a cycle. Starting from the smallest name and
   * taking the smallest parent keeps the message stable.
   */
  private static PipelineException cycle(GraphIndex index, int[] remaining) {
    int start = -1;
    for (int i = 0; i < remaining.length; i++) {
      if (remaining[i] > 0
          && (start < 0
              || index.nodes.get(i).name().compareTo(index.nodes.get(start).name()) < 0)) {
        start = i;
      }
    }
    Set<Integer> path = new LinkedHashSet<>();
    int at = start;
    while (path.add(at)) {
      int chosen = -1;
      for (int p : index.parents[at]) {
        if (remaining[p] > 0
            && (chosen < 0
                || index.nodes.get(p).name().compareTo(index.nodes.get(chosen).name()) < 0)) {
          chosen = p;
        }
      }
      at = chosen;
    }
    // The walk went child -> parent; the loop starts where it came back, and reads in data-flow
    // order once reversed.
    List<Integer> walk = new ArrayList<>(path);
    List<Integer> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
    Collections.reverse(cycle);
    int smallest = 0;
    for (int k = 1; k < cycle.size(); k++) {
      if (name(index, cycle.get(k)).compareTo(name(index, cycle.get(smallest))) < 0) {
        smallest = k;
      }
    }
    Collections.rotate(cycle, -smallest);
    List<String> nodes = new ArrayList<>();
    List<String> datasets = new ArrayList<>();
    for (int k = 0; k < cycle.size(); k++) {
      Node from = index.nodes.get(cycle.get(k));
      Node to = index.nodes.get(cycle.get((k + 1) % cycle.size()));
      nodes.add(from.name());
      datasets.add(linking(from, to));
    }
    return new PipelineException(PipelineException.Kind.CYCLE, nodes, ErrorKind.quoted(datasets));
  }

  private static String name(GraphIndex index, int position) {
    return index.nodes.get(position).name();
  }

  private static String linking(Node from, Node to) {
    for (String output : from.outputs()) {
      for (String input : to.inputs()) {
        if (Transcoding.strip(output).equals(Transcoding.strip(input))) {
          return Transcoding.strip(output);
        }
      }
    }
    return "?";
  }
}
