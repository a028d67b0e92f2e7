package dev.weir.pipeline;

import java.util.List;

/**
 * The arguments of {@link Pipeline#filter(PipelineFilter)}, as Kedro's {@code Pipeline.filter}
 * keyword arguments and {@code kedro run} options. Empty lists mean "no filter of this kind".
 *
 * @param tags keep nodes with any of these tags ({@code --tags})
 * @param fromNodes keep these nodes and everything downstream ({@code --from-nodes})
 * @param toNodes keep these nodes and everything upstream ({@code --to-nodes})
 * @param nodeNames keep exactly these nodes ({@code --nodes})
 * @param fromInputs keep nodes downstream of these datasets ({@code --from-inputs})
 * @param toOutputs keep nodes upstream of these datasets ({@code --to-outputs})
 * @param namespaces keep nodes in these namespaces or below ({@code --namespaces})
 */
public record PipelineFilter(
    List<String> tags,
    List<String> fromNodes,
    List<String> toNodes,
    List<String> nodeNames,
    List<String> fromInputs,
    List<String> toOutputs,
    List<String> namespaces) {

  /** A filter that keeps everything. */
  public static final PipelineFilter NONE =
      new PipelineFilter(
          List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  /** Copies the lists so the record stays immutable. */
  public PipelineFilter {
    tags = List.copyOf(tags);
    fromNodes = List.copyOf(fromNodes);
    toNodes = List.copyOf(toNodes);
    nodeNames = List.copyOf(nodeNames);
    fromInputs = List.copyOf(fromInputs);
    toOutputs = List.copyOf(toOutputs);
    namespaces = List.copyOf(namespaces);
  }

  /**
   * @return whether no filter is set
   */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * @param v tags
   * @return a copy with these tags
   */
  public PipelineFilter withTags(List<String> v) {
    return new PipelineFilter(v, fromNodes, toNodes, nodeNames, fromInputs, toOutputs, namespaces);
  }

  /**
   * @param v node names
   * @return a copy with these from-nodes
   */
  public PipelineFilter withFromNodes(List<String> v) {
    return new PipelineFilter(tags, v, toNodes, nodeNames, fromInputs, toOutputs, namespaces);
  }

  /**
   * @param v node names
   * @return a copy with these to-nodes
   */
  public PipelineFilter withToNodes(List<String> v) {
    return new PipelineFilter(tags, fromNodes, v, nodeNames, fromInputs, toOutputs, namespaces);
  }

  /**
   * @param v node names
   * @return a copy with these node names
   */
  public PipelineFilter withNodeNames(List<String> v) {
    return new PipelineFilter(tags, fromNodes, toNodes, v, fromInputs, toOutputs, namespaces);
  }

  /**
   * @param v dataset names
   * @return a copy with these from-inputs
   */
  public PipelineFilter withFromInputs(List<String> v) {
    return new PipelineFilter(tags, fromNodes, toNodes, nodeNames, v, toOutputs, namespaces);
  }

  /**
   * @param v dataset names
   * @return a copy with these to-outputs
   */
  public PipelineFilter withToOutputs(List<String> v) {
    return new PipelineFilter(tags, fromNodes, toNodes, nodeNames, fromInputs, v, namespaces);
  }

  /**
   * @param v namespaces
   * @return a copy with these namespaces
   */
  public PipelineFilter withNamespaces(List<String> v) {
    return new PipelineFilter(tags, fromNodes, toNodes, nodeNames, fromInputs, toOutputs, v);
  }
}
