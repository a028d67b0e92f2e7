package dev.weir.pipeline;

import static dev.weir.pipeline.PipelineException.requireArgument;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
   * @throws PipelineException of kind {@code DUPLICATE_NODE}, {@code DUPLICATE_OUTPUT}, {@code
   *     CYCLE} (the names list the cycle's nodes) or {@code TRANSCODING} (a dataset used both with
   *     and without {@code @}); {@code NULL_ARGUMENT} for null nodes
   */
  public static Pipeline of(Node... nodes) {
    return of(Arrays.asList(requireArgument(nodes, "nodes")));
  }

  /**
   * @param nodes the nodes
   * @return the pipeline
   * @throws PipelineException as {@link #of(Node...)}
   */
  public static Pipeline of(Collection<Node> nodes) {
    for (Node node : requireArgument(nodes, "nodes")) {
      requireArgument(node, "nodes");
    }
    return new Pipeline(List.copyOf(nodes), true);
  }

  /**
   * One pipeline from several, as Kedro's {@code Pipeline([p1, p2])}: every node of every pipeline,
   * checked again. Unlike {@link #plus}, a node that is in two of them is a duplicate name, as in
   * Kedro ({@code Pipeline([p, p])} raises where {@code p + p} does not).
   *
   * @param pipelines pipelines
   * @return the pipeline; the one pipeline itself when given one
   * @throws PipelineException as {@link #of(Node...)}, of kind {@code DUPLICATE_NODE} when a node
   *     name appears in two of the pipelines
   */
  public static Pipeline of(Pipeline... pipelines) {
    if (pipelines.length == 1) {
      return requireArgument(pipelines[0], "pipelines");
    }
    List<Node> all = new ArrayList<>();
    for (Pipeline pipeline : pipelines) {
      all.addAll(requireArgument(pipeline, "pipelines").index.nodes);
    }
    return new Pipeline(all, true);
  }

  /**
   * Kedro's {@code sum([p1, p2, ...])}: the union of pipelines as {@link #plus} makes it, in one
   * pass; a node in several of them (equal as {@link Node#equals} says) is kept once.
   *
   * @param pipelines pipelines
   * @return the union; {@link #empty()} for none
   * @throws PipelineException as {@link #of(Node...)} when the union is invalid
   */
  public static Pipeline union(Collection<Pipeline> pipelines) {
    List<Pipeline> all = new ArrayList<>();
    for (Pipeline pipeline : requireArgument(pipelines, "pipelines")) {
      all.add(requireArgument(pipeline, "pipelines"));
    }
    return unionOf(all);
  }

  /**
   * @return the pipeline with no nodes
   */
  public static Pipeline empty() {
    return EMPTY;
  }

  /**
   * Starts a modular pipeline around {@code pipeline}, as Kedro's {@code pipeline(pipe, ...)}: set
   * any of namespace, inputs, outputs, parameters, tags and prefixing, then {@link
   * ModularPipeline#build()}.
   *
   * @param pipeline the pipeline to wrap
   * @return a builder
   * @throws PipelineException of kind {@code NULL_ARGUMENT} when {@code pipeline} is null
   */
  public static ModularPipeline modular(Pipeline pipeline) {
    return new ModularPipeline(pipeline);
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
   * (equal as {@link Node#equals} says: same name, inputs and outputs) is kept once.
   *
   * @param other another pipeline
   * @return the union
   * @throws PipelineException when the union is invalid
   */
  public Pipeline plus(Pipeline other) {
    return unionOf(List.of(this, other));
  }

  /**
   * Kedro's {@code -}: this pipeline's nodes that are not in {@code other} (Kotlin: {@code a - b}),
   * comparing nodes as Kedro does ({@link Node#equals}: name, inputs and outputs), so a node of the
   * same name that reads or writes other datasets stays.
   *
   * @param other another pipeline
   * @return the difference
   */
  public Pipeline minus(Pipeline other) {
    Set<Node> theirs = other.nodeSet();
    return keep(node -> !theirs.contains(node));
  }

  /**
   * Kedro's {@code &}: the nodes in both, compared as {@link #minus} compares them.
   *
   * @param other another pipeline
   * @return the intersection
   */
  public Pipeline and(Pipeline other) {
    Set<Node> theirs = other.nodeSet();
    return keep(theirs::contains);
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
    if (!filter.nodeNamespaces().isEmpty()) {
      keep.and(Selection.inNamespaces(index, filter.nodeNamespaces()));
    }
    if (keep.isEmpty()) {
      throw new PipelineException(PipelineException.Kind.EMPTY_FILTER, filter.describe());
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
   * Kedro's {@code from_inputs}: the nodes reading these datasets and every node downstream of
   * them. A bare {@code x} matches readers of {@code x} and of every {@code x@fmt}; {@code x@fmt}
   * matches only readers of exactly {@code x@fmt}; downstream, datasets are followed without their
   * suffix. A dataset no node reads (a final output) selects nothing and is not an error.
   *
   * @param datasets dataset names
   * @return the selected nodes; possibly empty
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name that appears nowhere in
   *     the pipeline (with close names)
   */
  public Pipeline fromInputs(String... datasets) {
    return subset(Selection.fromInputs(index, List.of(datasets)));
  }

  /**
   * Kedro's {@code to_outputs}: the nodes writing these datasets and every node upstream of them,
   * matching transcoded names as {@link #fromInputs} does.
   *
   * @param datasets dataset names
   * @return the selected nodes; possibly empty (for {@code x@fmt} when the writer writes {@code
   *     x@other})
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name that appears nowhere in
   *     the pipeline
   */
  public Pipeline toOutputs(String... datasets) {
    return subset(Selection.toOutputs(index, List.of(datasets)));
  }

  /**
   * Kedro's {@code only_nodes_with_inputs}: the nodes reading these datasets directly, matching
   * transcoded names as {@link #fromInputs} does.
   *
   * @param datasets dataset names
   * @return the selected nodes; possibly empty
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name that appears nowhere in
   *     the pipeline
   */
  public Pipeline onlyNodesWithInputs(String... datasets) {
    return subset(Selection.readers(index, List.of(datasets)));
  }

  /**
   * Kedro's {@code only_nodes_with_outputs}: the nodes writing these datasets directly, matching
   * transcoded names as {@link #fromInputs} does.
   *
   * @param datasets dataset names
   * @return the selected nodes; possibly empty
   * @throws PipelineException of kind {@code UNKNOWN_DATASET} for a name that appears nowhere in
   *     the pipeline
   */
  public Pipeline onlyNodesWithOutputs(String... datasets) {
    return subset(Selection.writers(index, List.of(datasets)));
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
   * Kedro's {@code describe()}: the execution order with free inputs and final outputs, for a log.
   *
   * @return {@link #describe(boolean) describe(true)}
   */
  public String describe() {
    return describe(true);
  }

  /**
   * Kedro's {@code describe(names_only=...)}, line for line:
   *
   * <pre>
   * #### Pipeline execution order ####
   * Inputs: a, b
   *
   * node1
   * node2
   *
   * Outputs: c
   * ##################################
   * </pre>
   *
   * Inputs and outputs are sorted and {@code None} when there are none.
   *
   * @param namesOnly node names only; {@code false} gives each node's {@link Node#toString()}
   * @return the description, lines joined by {@code \n}
   */
  public String describe(boolean namesOnly) {
    StringBuilder text = new StringBuilder("#### Pipeline execution order ####\n");
    text.append("Inputs: ").append(joinedOrNone(inputs())).append("\n\n");
    for (Node node : nodes) {
      text.append(namesOnly ? node.name() : node.toString()).append('\n');
    }
    text.append("\nOutputs: ").append(joinedOrNone(outputs())).append('\n');
    return text.append("##################################").toString();
  }

  /**
   * Kedro's {@code group_nodes_by}, used by deployment plugins to make one task per group.
   *
   * @param groupBy {@code namespace}: one group per top-level namespace (a node without a namespace
   *     is its own group, named after it); {@code none}: one group per node. Case is ignored.
   * @return the groups in the order their first node runs
   * @throws PipelineException of kind {@code UNSUPPORTED_GROUPING} for another strategy
   */
  public List<GroupedNodes> groupNodesBy(String groupBy) {
    return GroupedNodes.of(this, requireArgument(groupBy, "groupBy"));
  }

  /**
   * Kedro's {@code to_json}: every node's name, inputs, outputs and tags, in execution order, as
   * {@code {"pipeline": [{"name": ..., "inputs": [...], "outputs": [...], "tags": [...]}]}}. Unlike
   * Kedro there is no {@code kedro_version} entry: core knows no release version.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\"pipeline\": [");
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      json.append(i == 0 ? "" : ", ").append("{\"name\": ").append(Json.string(node.name()));
      json.append(", \"inputs\": ").append(Json.array(node.inputs()));
      json.append(", \"outputs\": ").append(Json.array(node.outputs()));
      json.append(", \"tags\": ").append(Json.array(List.copyOf(node.tags()))).append('}');
    }
    return json.append("]}").toString();
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
  private static Pipeline unionOf(List<Pipeline> pipelines) {
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
    return a == b || a.equals(b);
  }

  private Set<Node> nodeSet() {
    return new HashSet<>(index.nodes);
  }

  private static String joinedOrNone(Set<String> names) {
    return names.isEmpty() ? "None" : String.join(", ", names);
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
}
