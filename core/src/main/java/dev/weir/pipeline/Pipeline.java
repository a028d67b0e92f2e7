package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set of nodes, as Kedro's {@code Pipeline}. Its graph (indexes by dataset and node,
 * topological layers) is computed once at construction in O(V+E) time plus the sort of each layer
 * by name; every operation returns a new pipeline. Datasets are matched without their transcoding
 * suffix: a node reading {@code x@delta} depends on the node writing {@code x@spark}.
 *
 * <p>Construction checks, each with its own message: unique node names, one producer per dataset,
 * transcoding used either always or never for a dataset, and no cycle (the message lists the
 * cycle's nodes in data-flow order and the datasets between them). A subset of a valid pipeline
 * (filters, {@code minus}, {@code and}) is not checked again.
 *
 * <p>From Kotlin, {@code plus} and {@code minus} are the {@code +} and {@code -} operators.
 */
public final class Pipeline {
  private static final Pipeline EMPTY = new Pipeline(List.of(), false);

  private final GraphIndex index;
  private final List<List<Node>> layers;
  private final List<Node> nodes;
  // Views computed on first use from the index; benign races only compute them twice.
  private volatile @Nullable Set<String> allInputs;
  private volatile @Nullable Set<String> allOutputs;
  private volatile @Nullable Set<String> freeInputs;
  private volatile @Nullable Set<String> freeOutputs;
  private volatile @Nullable Map<Node, Set<Node>> dependencies;

  /**
   * @param validate false only for a subset of a valid pipeline, or the same nodes re-tagged, which
   *     cannot break a rule
   */
  private Pipeline(List<Node> nodes, boolean validate) {
    this.index = new GraphIndex(nodes);
    if (validate) {
      PipelineChecks.validate(index);
    }
    int[][] positions = Layering.layers(index);
    List<List<Node>> grouped = new ArrayList<>(positions.length);
    List<Node> ordered = new ArrayList<>(index.size());
    for (int[] layer : positions) {
      Node[] layerNodes = new Node[layer.length];
      for (int i = 0; i < layer.length; i++) {
        layerNodes[i] = index.nodes.get(layer[i]);
      }
      List<Node> layerList = List.of(layerNodes);
      grouped.add(layerList);
      ordered.addAll(layerList);
    }
    this.layers = List.copyOf(grouped);
    this.nodes = List.copyOf(ordered);
  }

  /**
   * Builds a pipeline from nodes; nested pipelines are flattened with {@link #plus}.
   *
   * @param nodes the nodes
   * @return the pipeline
   * @throws PipelineException on duplicate node names, an output produced by two nodes, a cycle
   *     (the message lists the cycle's nodes), or transcoding used both with and without {@code @}
   */
  public static Pipeline of(Node... nodes) {
    return new Pipeline(List.of(nodes), true);
  }

  /**
   * @param nodes the nodes
   * @return the pipeline
   * @throws PipelineException as {@link #of(Node...)}
   */
  public static Pipeline of(Collection<Node> nodes) {
    return new Pipeline(List.copyOf(nodes), true);
  }

  /**
   * The union of pipelines.
   *
   * @param pipelines pipelines
   * @return the pipeline
   */
  public static Pipeline of(Pipeline... pipelines) {
    return union(List.of(pipelines));
  }

  /**
   * @return the pipeline with no nodes
   */
  public static Pipeline empty() {
    return EMPTY;
  }

  /**
   * A modular pipeline, with Kedro's renaming rules (kedro/pipeline/pipeline.py): every node gets
   * {@code namespace.} before its name and namespace; every dataset gets {@code namespace.} before
   * its name unless mapped explicitly in {@code inputs} / {@code outputs} (an explicit mapping
   * wins, and must name a free input / an output of the pipeline); {@code params:x} becomes {@code
   * params:namespace.x} unless mapped in {@code parameters}; {@code parameters} is never renamed; a
   * transcoding suffix ({@code @spark}) is kept; nested namespaces join with {@code .}.
   *
   * @param pipeline the pipeline to wrap
   * @param namespace the namespace, matching {@code [\w.-]+}
   * @param inputs free input name to outer dataset name
   * @param outputs output name to outer dataset name
   * @param parameters parameter name ({@code x} or {@code params:x}) to outer parameter name
   * @return a new pipeline
   * @throws PipelineException when a mapping names a dataset the pipeline does not have
   */
  public static Pipeline namespaced(
      Pipeline pipeline,
      String namespace,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> parameters) {
    return Namespacer.apply(pipeline, namespace, inputs, outputs, parameters);
  }

  /**
   * @return every node in a deterministic topological order
   */
  public List<Node> nodes() {
    return nodes;
  }

  /**
   * @return topological layers: each layer depends only on earlier ones; within a layer nodes are
   *     sorted by name
   */
  public List<List<Node>> groupedNodes() {
    return layers;
  }

  /**
   * @return each node's direct parents (the nodes producing its inputs)
   */
  public Map<Node, Set<Node>> nodeDependencies() {
    Map<Node, Set<Node>> found = dependencies;
    if (found == null) {
      Map<Node, Set<Node>> map = new LinkedHashMap<>();
      for (Node node : nodes) {
        Set<Node> parents = new LinkedHashSet<>();
        for (int p :
            index.parents[Objects.requireNonNull(index.byName.get(node.name()), "indexed")]) {
          parents.add(index.nodes.get(p));
        }
        map.put(node, Collections.unmodifiableSet(parents));
      }
      found = Collections.unmodifiableMap(map);
      dependencies = found;
    }
    return found;
  }

  /**
   * @return free inputs: inputs no node of this pipeline produces, {@code params:} included, sorted
   */
  public Set<String> inputs() {
    Set<String> found = freeInputs;
    if (found == null) {
      found = sorted(allInputs(), name -> !index.producerByDataset.containsKey(strip(name)));
      freeInputs = found;
    }
    return found;
  }

  /**
   * @return outputs no node of this pipeline consumes, sorted
   */
  public Set<String> outputs() {
    Set<String> found = freeOutputs;
    if (found == null) {
      found = sorted(allOutputs(), name -> !index.consumersByDataset().containsKey(strip(name)));
      freeOutputs = found;
    }
    return found;
  }

  /**
   * @return every input of every node, sorted
   */
  public Set<String> allInputs() {
    Set<String> found = allInputs;
    if (found == null) {
      found = collect(Node::inputs);
      allInputs = found;
    }
    return found;
  }

  /**
   * @return every output of every node, sorted
   */
  public Set<String> allOutputs() {
    Set<String> found = allOutputs;
    if (found == null) {
      found = collect(Node::outputs);
      allOutputs = found;
    }
    return found;
  }

  /**
   * @return every input and output, sorted
   */
  public Set<String> datasets() {
    SortedSet<String> all = new TreeSet<>(allInputs());
    all.addAll(allOutputs());
    return Collections.unmodifiableSortedSet(all);
  }

  /**
   * Kedro's {@code +}: the union of both pipelines' nodes (Kotlin: {@code a + b}). A node in both
   * (same name, inputs and outputs) is kept once.
   *
   * @param other another pipeline
   * @return the union
   * @throws PipelineException when the union is invalid
   */
  public Pipeline plus(Pipeline other) {
    return union(List.of(this, other));
  }

  /**
   * Kedro's {@code -}: this pipeline's nodes that are not in {@code other} (Kotlin: {@code a - b}).
   *
   * @param other another pipeline
   * @return the difference
   */
  public Pipeline minus(Pipeline other) {
    return keep(node -> !other.index.byName.containsKey(node.name()));
  }

  /**
   * Kedro's {@code &}: nodes in both.
   *
   * @param other another pipeline
   * @return the intersection
   */
  public Pipeline and(Pipeline other) {
    return keep(node -> other.index.byName.containsKey(node.name()));
  }

  /**
   * Same as {@link #and(Pipeline)}.
   *
   * @param other another pipeline
   * @return the intersection
   */
  public Pipeline intersect(Pipeline other) {
    return and(other);
  }

  /**
   * Kedro's {@code |}: same as {@link #plus(Pipeline)}.
   *
   * @param other another pipeline
   * @return the union
   */
  public Pipeline or(Pipeline other) {
    return plus(other);
  }

  /**
   * Kedro's {@code Pipeline.filter}: each filter is applied to this pipeline and the results are
   * intersected.
   *
   * @param filter what to keep
   * @return the filtered pipeline
   * @throws PipelineException when the result is empty, or a name is unknown (with close names)
   */
  public Pipeline filter(PipelineFilter filter) {
    BitSet keep = Selection.all(index);
    if (!filter.tags().isEmpty()) {
      keep.and(Selection.withTags(index, filter.tags()));
    }
    if (!filter.fromNodes().isEmpty()) {
      keep.and(Selection.downstream(index, Selection.named(index, filter.fromNodes())));
    }
    if (!filter.toNodes().isEmpty()) {
      keep.and(Selection.upstream(index, Selection.named(index, filter.toNodes())));
    }
    if (!filter.nodeNames().isEmpty()) {
      keep.and(Selection.named(index, filter.nodeNames()));
    }
    if (!filter.fromInputs().isEmpty()) {
      keep.and(Selection.fromInputs(index, filter.fromInputs()));
    }
    if (!filter.toOutputs().isEmpty()) {
      keep.and(Selection.toOutputs(index, filter.toOutputs()));
    }
    if (!filter.namespaces().isEmpty()) {
      keep.and(Selection.inNamespaces(index, filter.namespaces()));
    }
    if (keep.isEmpty()) {
      throw new PipelineException(
          "Pipeline contains no nodes after applying the filters "
              + describe(filter)
              + "; no node satisfies all of them at once. Check the names, or drop a filter.");
    }
    return subset(keep);
  }

  /**
   * @param tags tags
   * @return nodes having any of the tags; possibly empty (only {@link #filter} refuses an empty
   *     result)
   */
  public Pipeline onlyNodesWithTags(String... tags) {
    return subset(Selection.withTags(index, List.of(tags)));
  }

  /**
   * @param names node names
   * @return exactly those nodes
   * @throws PipelineException naming an unknown node and the closest known names
   */
  public Pipeline onlyNodes(String... names) {
    return subset(Selection.named(index, List.of(names)));
  }

  /**
   * @param names node names
   * @return those nodes and everything downstream of them
   * @throws PipelineException on an unknown name
   */
  public Pipeline fromNodes(String... names) {
    return subset(Selection.downstream(index, Selection.named(index, List.of(names))));
  }

  /**
   * @param names node names
   * @return those nodes and everything upstream of them
   * @throws PipelineException on an unknown name
   */
  public Pipeline toNodes(String... names) {
    return subset(Selection.upstream(index, Selection.named(index, List.of(names))));
  }

  /**
   * @param datasets dataset names; {@code x@spark} and {@code x} both select readers of any {@code
   *     x@...}
   * @return nodes that read these datasets, and every node downstream of them
   * @throws PipelineException when no node reads a dataset (with close names)
   */
  public Pipeline fromInputs(String... datasets) {
    return subset(Selection.fromInputs(index, List.of(datasets)));
  }

  /**
   * @param datasets dataset names
   * @return the nodes writing these datasets, and every node upstream of them
   * @throws PipelineException when no node writes a dataset (with close names)
   */
  public Pipeline toOutputs(String... datasets) {
    return subset(Selection.toOutputs(index, List.of(datasets)));
  }

  /**
   * @param namespaces namespaces
   * @return nodes in these namespaces or nested below them
   * @throws PipelineException when no node is in a namespace
   */
  public Pipeline onlyNodesWithNamespaces(String... namespaces) {
    return subset(Selection.inNamespaces(index, List.of(namespaces)));
  }

  /**
   * @param tags tags to add to every node
   * @return a new pipeline
   */
  public Pipeline tag(String... tags) {
    List<Node> tagged = new ArrayList<>(index.size());
    for (Node node : index.nodes) {
      tagged.add(node.tag(tags));
    }
    return new Pipeline(tagged, false);
  }

  /**
   * @param name a node name
   * @return the node of that name
   */
  public Optional<Node> node(String name) {
    Integer position = index.byName.get(name);
    return position == null ? Optional.empty() : Optional.of(index.nodes.get(position));
  }

  /**
   * @return Kedro's pipeline string: {@code Pipeline([name: Class::method([in]) -> [out], ...])},
   *     one node per line in topological order
   */
  @Override
  public String toString() {
    if (nodes.isEmpty()) {
      return "Pipeline([])";
    }
    StringBuilder text = new StringBuilder("Pipeline([\n");
    for (Node node : nodes) {
      text.append("  ").append(node).append(",\n");
    }
    return text.append("])").toString();
  }

  /**
   * Kedro's {@code +} over several pipelines in one pass: a node present in more than one pipeline
   * with the same inputs and outputs is kept once (Kedro's node identity is its name, inputs and
   * outputs); two different nodes with the same name fail the duplicate-name check.
   */
  private static Pipeline union(List<Pipeline> pipelines) {
    List<Pipeline> nonEmpty = pipelines.stream().filter(p -> !p.nodes.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      return EMPTY;
    }
    if (nonEmpty.size() == 1) {
      return nonEmpty.get(0);
    }
    Map<String, Node> byName = new HashMap<>();
    List<Node> all = new ArrayList<>();
    for (Pipeline pipeline : nonEmpty) {
      for (Node node : pipeline.index.nodes) {
        Node seen = byName.putIfAbsent(node.name(), node);
        if (seen == null || !sameDefinition(seen, node)) {
          all.add(node);
        }
      }
    }
    return new Pipeline(all, true);
  }

  private static boolean sameDefinition(Node a, Node b) {
    return a == b || (a.inputs().equals(b.inputs()) && a.outputs().equals(b.outputs()));
  }

  private Pipeline keep(Predicate<Node> wanted) {
    BitSet selected = new BitSet(index.size());
    for (int i = 0; i < index.size(); i++) {
      if (wanted.test(index.nodes.get(i))) {
        selected.set(i);
      }
    }
    return subset(selected);
  }

  private Pipeline subset(BitSet selected) {
    if (selected.cardinality() == index.size()) {
      return this;
    }
    List<Node> kept = new ArrayList<>(selected.cardinality());
    selected.stream().forEach(i -> kept.add(index.nodes.get(i)));
    return new Pipeline(kept, false);
  }

  private Set<String> collect(Function<Node, List<String>> names) {
    SortedSet<String> all = new TreeSet<>();
    for (Node node : index.nodes) {
      all.addAll(names.apply(node));
    }
    return Collections.unmodifiableSortedSet(all);
  }

  private static Set<String> sorted(Set<String> names, Predicate<String> wanted) {
    SortedSet<String> kept = new TreeSet<>();
    for (String name : names) {
      if (wanted.test(name)) {
        kept.add(name);
      }
    }
    return Collections.unmodifiableSortedSet(kept);
  }

  private static String strip(String dataset) {
    return Transcoding.strip(dataset);
  }

  private static String describe(PipelineFilter filter) {
    Map<String, List<String>> given = new LinkedHashMap<>();
    given.put("tags", filter.tags());
    given.put("from-nodes", filter.fromNodes());
    given.put("to-nodes", filter.toNodes());
    given.put("nodes", filter.nodeNames());
    given.put("from-inputs", filter.fromInputs());
    given.put("to-outputs", filter.toOutputs());
    given.put("namespaces", filter.namespaces());
    given.values().removeIf(List::isEmpty);
    return given.toString();
  }
}
