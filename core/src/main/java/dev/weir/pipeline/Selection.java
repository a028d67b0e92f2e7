package dev.weir.pipeline;

import dev.weir.ClosestNames;
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
 * downstream/upstream closures, {@code from_inputs}/{@code to_outputs} start from the nodes using a
 * dataset (a bare name matches every transcoded form, {@code x@fmt} only itself) and then follow
 * datasets without their transcoding suffix, {@code only_nodes_with_tags} keeps nodes with any tag,
 * {@code only_nodes_with_namespaces} keeps a namespace and those nested below it.
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
          PipelineException.Kind.UNKNOWN_NODE,
          List.copyOf(unknown),
          ClosestNames.didYouMean(unknown, index.byName.keySet()));
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
   * Kedro's {@code _get_nodes_with_inputs_transcode_compatible}: a bare {@code x} selects every
   * node reading any {@code x} or {@code x@...}; {@code x@fmt} selects only nodes reading exactly
   * {@code x@fmt}.
   *
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name the pipeline does not use
   *     at all (a final output is fine: it selects no reader)
   */
  static BitSet readers(GraphIndex index, Collection<String> datasets) {
    checkDatasetsExist(index, datasets);
    BitSet selected = new BitSet(index.size());
    for (String dataset : datasets) {
      int[] readers = index.consumersByDataset().get(Transcoding.strip(dataset));
      if (readers == null) {
        continue;
      }
      boolean exact = Transcoding.isTranscoded(dataset);
      for (int reader : readers) {
        if (!exact || index.nodes.get(reader).inputs().contains(dataset)) {
          selected.set(reader);
        }
      }
    }
    return selected;
  }

  /**
   * Kedro's {@code _get_nodes_with_outputs_transcode_compatible}: a bare {@code x} selects the node
   * writing {@code x} or any {@code x@...}; {@code x@fmt} selects it only if it writes exactly
   * {@code x@fmt}.
   *
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name the pipeline does not use
   *     at all
   */
  static BitSet writers(GraphIndex index, Collection<String> datasets) {
    checkDatasetsExist(index, datasets);
    BitSet selected = new BitSet(index.size());
    for (String dataset : datasets) {
      Integer writer = index.producerByDataset.get(Transcoding.strip(dataset));
      if (writer != null
          && (!Transcoding.isTranscoded(dataset)
              || index.nodes.get(writer).outputs().contains(dataset))) {
        selected.set(writer);
      }
    }
    return selected;
  }

  /** Kedro's {@code from_inputs}: the readers of the datasets and everything downstream. */
  static BitSet fromInputs(GraphIndex index, Collection<String> datasets) {
    return downstream(index, readers(index, datasets));
  }

  /** Kedro's {@code to_outputs}: the writers of the datasets and everything upstream. */
  static BitSet toOutputs(GraphIndex index, Collection<String> datasets) {
    return upstream(index, writers(index, datasets));
  }

  private static void checkDatasetsExist(GraphIndex index, Collection<String> datasets) {
    Set<String> known = new TreeSet<>();
    for (Node node : index.nodes) {
      for (String name : node.inputs()) {
        known.add(name);
        known.add(Transcoding.strip(name));
      }
      for (String name : node.outputs()) {
        known.add(name);
        known.add(Transcoding.strip(name));
      }
    }
    Set<String> unknown = new TreeSet<>(datasets);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new PipelineException(
          PipelineException.Kind.UNKNOWN_DATASET,
          List.copyOf(unknown),
          ClosestNames.didYouMean(unknown, known));
    }
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
          PipelineException.Kind.UNKNOWN_NAMESPACE,
          List.copyOf(unknown),
          ClosestNames.didYouMean(unknown, knownNamespaces(index.nodes)));
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
