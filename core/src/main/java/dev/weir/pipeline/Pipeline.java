package dev.weir.pipeline;

import dev.weir.node.Node;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of nodes, as Kedro's {@code Pipeline}. Its graph (indexes by dataset and node,
 * topological layers) is computed once at construction in O(V+E) time; every operation returns a
 * new pipeline.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Builds a pipeline from nodes; nested pipelines are flattened with {@link #plus}.
   *
   * @param nodes the nodes
   * @return the pipeline
   * @throws PipelineException on duplicate node names, an output produced by two nodes, a cycle
   *     (the message lists the cycle's nodes), or transcoding used both with and without {@code @}
   */
  public static Pipeline of(Node... nodes) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param nodes the nodes
   * @return the pipeline
   * @throws PipelineException as {@link #of(Node...)}
   */
  public static Pipeline of(Collection<Node> nodes) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The union of pipelines.
   *
   * @param pipelines pipelines
   * @return the pipeline
   */
  public static Pipeline of(Pipeline... pipelines) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the pipeline with no nodes
   */
  public static Pipeline empty() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * A modular pipeline, with Kedro's renaming rules (kedro/pipeline/pipeline.py): every node gets
   * {@code namespace.} before its name and namespace; every dataset gets {@code namespace.} before its
   * name unless mapped explicitly in {@code inputs} / {@code outputs} (an explicit mapping wins, and
   * must name a free input / an output of the pipeline); {@code params:x} becomes {@code
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
  public static Pipeline namespaced(Pipeline pipeline, String namespace, Map<String, String> inputs, Map<String, String> outputs, Map<String, String> parameters) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return every node in a deterministic topological order
   */
  public List<Node> nodes() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return topological layers: each layer depends only on earlier ones; within a layer nodes are
   *     sorted by name
   */
  public List<List<Node>> groupedNodes() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return each node's direct parents (the nodes producing its inputs)
   */
  public Map<Node, Set<Node>> nodeDependencies() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return free inputs: inputs no node of this pipeline produces, {@code params:} included, sorted
   */
  public Set<String> inputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return outputs no node of this pipeline consumes, sorted
   */
  public Set<String> outputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return every input of every node, sorted
   */
  public Set<String> allInputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return every output of every node, sorted
   */
  public Set<String> allOutputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return every input and output, sorted
   */
  public Set<String> datasets() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code +}: the union of both pipelines' nodes (Kotlin: {@code a + b}).
   *
   * @param other another pipeline
   * @return the union
   * @throws PipelineException when the union is invalid
   */
  public Pipeline plus(Pipeline other) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code -}: this pipeline's nodes that are not in {@code other} (Kotlin: {@code a - b}).
   *
   * @param other another pipeline
   * @return the difference
   */
  public Pipeline minus(Pipeline other) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code &}: nodes in both.
   *
   * @param other another pipeline
   * @return the intersection
   */
  public Pipeline and(Pipeline other) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Same as {@link #and(Pipeline)}.
   *
   * @param other another pipeline
   * @return the intersection
   */
  public Pipeline intersect(Pipeline other) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Kedro's {@code |}: same as {@link #plus(Pipeline)}.
   *
   * @param other another pipeline
   * @return the union
   */
  public Pipeline or(Pipeline other) {
    throw new UnsupportedOperationException("TODO");
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
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param tags tags
   * @return nodes having any of the tags
   */
  public Pipeline onlyNodesWithTags(String... tags) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param names node names
   * @return exactly those nodes
   * @throws PipelineException naming an unknown node and the closest known names
   */
  public Pipeline onlyNodes(String... names) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param names node names
   * @return those nodes and everything downstream of them
   * @throws PipelineException on an unknown name
   */
  public Pipeline fromNodes(String... names) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param names node names
   * @return those nodes and everything upstream of them
   * @throws PipelineException on an unknown name
   */
  public Pipeline toNodes(String... names) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param datasets dataset names
   * @return nodes that depend, directly or not, on these datasets
   * @throws PipelineException when a dataset is not an input of the pipeline
   */
  public Pipeline fromInputs(String... datasets) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param datasets dataset names
   * @return nodes needed to produce these datasets
   * @throws PipelineException when a dataset is not an output of the pipeline
   */
  public Pipeline toOutputs(String... datasets) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param namespaces namespaces
   * @return nodes in these namespaces or nested below them
   * @throws PipelineException when no node is in a namespace
   */
  public Pipeline onlyNodesWithNamespaces(String... namespaces) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param tags tags to add to every node
   * @return a new pipeline
   */
  public Pipeline tag(String... tags) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @param name a node name
   * @return the node of that name
   */
  public Optional<Node> node(String name) {
    throw new UnsupportedOperationException("TODO");
  }
}
