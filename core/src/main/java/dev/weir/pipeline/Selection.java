package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The node selections behind {@link Pipeline}'s filters, as sets of node positions in a {@link
 * GraphIndex}, so {@link Pipeline#filter} intersects bit sets and builds one pipeline. Semantics
 * are Kedro's (kedro/pipeline/pipeline.py): {@code from_nodes}/{@code to_nodes} are inclusive
 * downstream/upstream closures, {@code from_inputs}/{@code to_outputs} follow datasets without
 * their transcoding suffix, {@code only_nodes_with_tags} keeps nodes with any tag, {@code
 * only_nodes_with_namespaces} keeps a namespace and those nested below it.
 */
final class Selection {
  private Selection() {}

  static BitSet all(GraphIndex index) {
    BitSet all = new BitSet(index.size());
    all.set(0, index.size());
    return all;
  }

  static BitSet withTags(GraphIndex index, Collection<String> tags) {
    BitSet selected = new BitSet(index.size());
    Set<String> wanted = Set.copyOf(tags);
    for (int i = 0; i < index.size(); i++) {
      for (String tag : index.nodes.get(i).tags()) {
        if (wanted.contains(tag)) {
          selected.set(i);
          break;
        }
      }
    }
    return selected;
  }

  /**
   * @throws PipelineException naming every unknown node and the closest known names
   */
  static BitSet named(GraphIndex index, Collection<String> names) {
    BitSet selected = new BitSet(index.size());
    Set<String> unknown = new TreeSet<>();
    for (String name : names) {
      Integer position = index.byName.get(name);
      if (position == null) {
        unknown.add(name);
      } else {
        selected.set(position);
      }
    }
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          "Pipeline does not contain nodes named "
              + unknown
              + "."
              + Suggestions.hint(unknown, index.byName.keySet()));
    }
    return selected;
  }

  /** The start nodes and every node that depends on them, directly or not. */
  static BitSet downstream(GraphIndex index, BitSet start) {
    return closure(index.children, start);
  }

  /** The start nodes and every node they depend on, directly or not. */
  static BitSet upstream(GraphIndex index, BitSet start) {
    return closure(index.parents, start);
  }

  /**
   * @throws PipelineException when no node reads one of the datasets
   */
  static BitSet fromInputs(GraphIndex index, Collection<String> datasets) {
    BitSet start = new BitSet(index.size());
    Set<String> unknown = new TreeSet<>();
    for (String dataset : datasets) {
      int[] readers = index.consumersByDataset().get(Transcoding.strip(dataset));
      if (readers == null) {
        unknown.add(dataset);
      } else {
        for (int reader : readers) {
          start.set(reader);
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          "No node of the pipeline reads the dataset(s) "
              + unknown
              + "; from-inputs must name node inputs."
              + Suggestions.hint(unknown, index.consumersByDataset().keySet()));
    }
    return downstream(index, start);
  }

  /**
   * @throws PipelineException when no node writes one of the datasets
   */
  static BitSet toOutputs(GraphIndex index, Collection<String> datasets) {
    BitSet start = new BitSet(index.size());
    Set<String> unknown = new TreeSet<>();
    for (String dataset : datasets) {
      Integer writer = index.producerByDataset.get(Transcoding.strip(dataset));
      if (writer == null) {
        unknown.add(dataset);
      } else {
        start.set(writer);
      }
    }
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          "No node of the pipeline writes the dataset(s) "
              + unknown
              + "; to-outputs must name node outputs."
              + Suggestions.hint(unknown, index.producerByDataset.keySet()));
    }
    return upstream(index, start);
  }

  /**
   * @throws PipelineException naming each namespace that holds no node
   */
  static BitSet inNamespaces(GraphIndex index, Collection<String> namespaces) {
    BitSet selected = new BitSet(index.size());
    Set<String> unknown = new TreeSet<>();
    for (String namespace : namespaces) {
      boolean found = false;
      for (int i = 0; i < index.size(); i++) {
        String ns = index.nodes.get(i).namespace();
        if (ns != null && (ns.equals(namespace) || ns.startsWith(namespace + "."))) {
          selected.set(i);
          found = true;
        }
      }
      if (!found) {
        unknown.add(namespace);
      }
    }
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          "Pipeline does not contain nodes with namespace(s) "
              + unknown
              + "."
              + Suggestions.hint(unknown, knownNamespaces(index.nodes)));
    }
    return selected;
  }

  /** Every namespace and each of its parents: {@code a.b} gives {@code a} and {@code a.b}. */
  private static Set<String> knownNamespaces(List<Node> nodes) {
    Set<String> known = new TreeSet<>();
    for (Node node : nodes) {
      String ns = node.namespace();
      while (ns != null && known.add(ns)) {
        int dot = ns.lastIndexOf('.');
        ns = dot < 0 ? null : ns.substring(0, dot);
      }
    }
    return known;
  }

  private static BitSet closure(int[][] edges, BitSet start) {
    BitSet seen = (BitSet) start.clone();
    Deque<Integer> queue = new ArrayDeque<>();
    start.stream().forEach(queue::add);
    while (!queue.isEmpty()) {
      for (int next : edges[queue.poll()]) {
        if (!seen.get(next)) {
          seen.set(next);
          queue.add(next);
        }
      }
    }
    return seen;
  }
}
