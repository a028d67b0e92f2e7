package dev.weir.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of {@link Pipeline#filter(PipelineFilter)}, named as Kedro's {@code
 * Pipeline.filter} keyword arguments; each matches a {@code weir run} option. Empty lists mean "no
 * filter of this kind". Build one with {@link #builder()}:
 *
 * <pre>{@code
 * PipelineFilter f = PipelineFilter.builder().tags("ml").fromNodes("split").build();
 * }</pre>
 *
 * @param tags keep nodes with any of these tags ({@code --tags})
 * @param fromNodes keep these nodes and everything downstream ({@code --from-nodes})
 * @param toNodes keep these nodes and everything upstream ({@code --to-nodes})
 * @param nodeNames keep exactly these nodes ({@code --nodes})
 * @param fromInputs keep nodes downstream of these datasets ({@code --from-inputs})
 * @param toOutputs keep nodes upstream of these datasets ({@code --to-outputs})
 * @param nodeNamespaces keep nodes in these namespaces or below ({@code --namespaces})
 */
public record PipelineFilter(
    List<String> tags,
    List<String> fromNodes,
    List<String> toNodes,
    List<String> nodeNames,
    List<String> fromInputs,
    List<String> toOutputs,
    List<String> nodeNamespaces) {

  /** A filter that keeps everything. */
  public static final PipelineFilter NONE = builder().build();

  /** Copies the lists so the record stays immutable. */
  public PipelineFilter {
    tags = List.copyOf(tags);
    fromNodes = List.copyOf(fromNodes);
    toNodes = List.copyOf(toNodes);
    nodeNames = List.copyOf(nodeNames);
    fromInputs = List.copyOf(fromInputs);
    toOutputs = List.copyOf(toOutputs);
    nodeNamespaces = List.copyOf(nodeNamespaces);
  }

  /**
   * @return a builder with no filter set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder holding this filter's values
   */
  public Builder toBuilder() {
    return builder()
        .tags(tags)
        .fromNodes(fromNodes)
        .toNodes(toNodes)
        .nodeNames(nodeNames)
        .fromInputs(fromInputs)
        .toOutputs(toOutputs)
        .nodeNamespaces(nodeNamespaces);
  }

  /**
   * @return whether no filter is set
   */
  public boolean isEmpty() {
    return describe().isEmpty();
  }

  /**
   * @return each filter set, as its command-line option: {@code --tags=a,b}
   */
  public List<String> describe() {
    List<String> given = new ArrayList<>();
    add(given, "--tags", tags);
    add(given, "--from-nodes", fromNodes);
    add(given, "--to-nodes", toNodes);
    add(given, "--nodes", nodeNames);
    add(given, "--from-inputs", fromInputs);
    add(given, "--to-outputs", toOutputs);
    add(given, "--namespaces", nodeNamespaces);
    return List.copyOf(given);
  }

  private static void add(List<String> given, String option, List<String> values) {
    if (!values.isEmpty()) {
      given.add(option + "=" + String.join(",", values));
    }
  }

  /**
   * @param v tags
   * @return a copy with these tags
   */
  public PipelineFilter withTags(List<String> v) {
    return toBuilder().tags(v).build();
  }

  /**
   * @param v node names
   * @return a copy with these from-nodes
   */
  public PipelineFilter withFromNodes(List<String> v) {
    return toBuilder().fromNodes(v).build();
  }

  /**
   * @param v node names
   * @return a copy with these to-nodes
   */
  public PipelineFilter withToNodes(List<String> v) {
    return toBuilder().toNodes(v).build();
  }

  /**
   * @param v node names
   * @return a copy with these node names
   */
  public PipelineFilter withNodeNames(List<String> v) {
    return toBuilder().nodeNames(v).build();
  }

  /**
   * @param v dataset names
   * @return a copy with these from-inputs
   */
  public PipelineFilter withFromInputs(List<String> v) {
    return toBuilder().fromInputs(v).build();
  }

  /**
   * @param v dataset names
   * @return a copy with these to-outputs
   */
  public PipelineFilter withToOutputs(List<String> v) {
    return toBuilder().toOutputs(v).build();
  }

  /**
   * @param v namespaces
   * @return a copy with these node namespaces
   */
  public PipelineFilter withNodeNamespaces(List<String> v) {
    return toBuilder().nodeNamespaces(v).build();
  }

  /** Builds a {@link PipelineFilter}; each setter replaces that filter's values. */
  public static final class Builder {
    private List<String> tags = List.of();
    private List<String> fromNodes = List.of();
    private List<String> toNodes = List.of();
    private List<String> nodeNames = List.of();
    private List<String> fromInputs = List.of();
    private List<String> toOutputs = List.of();
    private List<String> nodeNamespaces = List.of();

    private Builder() {}

    /**
     * @param v tags ({@code --tags})
     * @return this builder
     */
    public Builder tags(String... v) {
      return tags(Arrays.asList(v));
    }

    /**
     * @param v tags ({@code --tags})
     * @return this builder
     */
    public Builder tags(List<String> v) {
      tags = List.copyOf(v);
      return this;
    }

    /**
     * @param v node names ({@code --from-nodes})
     * @return this builder
     */
    public Builder fromNodes(String... v) {
      return fromNodes(Arrays.asList(v));
    }

    /**
     * @param v node names ({@code --from-nodes})
     * @return this builder
     */
    public Builder fromNodes(List<String> v) {
      fromNodes = List.copyOf(v);
      return this;
    }

    /**
     * @param v node names ({@code --to-nodes})
     * @return this builder
     */
    public Builder toNodes(String... v) {
      return toNodes(Arrays.asList(v));
    }

    /**
     * @param v node names ({@code --to-nodes})
     * @return this builder
     */
    public Builder toNodes(List<String> v) {
      toNodes = List.copyOf(v);
      return this;
    }

    /**
     * @param v node names ({@code --nodes})
     * @return this builder
     */
    public Builder nodeNames(String... v) {
      return nodeNames(Arrays.asList(v));
    }

    /**
     * @param v node names ({@code --nodes})
     * @return this builder
     */
    public Builder nodeNames(List<String> v) {
      nodeNames = List.copyOf(v);
      return this;
    }

    /**
     * @param v dataset names ({@code --from-inputs})
     * @return this builder
     */
    public Builder fromInputs(String... v) {
      return fromInputs(Arrays.asList(v));
    }

    /**
     * @param v dataset names ({@code --from-inputs})
     * @return this builder
     */
    public Builder fromInputs(List<String> v) {
      fromInputs = List.copyOf(v);
      return this;
    }

    /**
     * @param v dataset names ({@code --to-outputs})
     * @return this builder
     */
    public Builder toOutputs(String... v) {
      return toOutputs(Arrays.asList(v));
    }

    /**
     * @param v dataset names ({@code --to-outputs})
     * @return this builder
     */
    public Builder toOutputs(List<String> v) {
      toOutputs = List.copyOf(v);
      return this;
    }

    /**
     * @param v namespaces ({@code --namespaces})
     * @return this builder
     */
    public Builder nodeNamespaces(String... v) {
      return nodeNamespaces(Arrays.asList(v));
    }

    /**
     * @param v namespaces ({@code --namespaces})
     * @return this builder
     */
    public Builder nodeNamespaces(List<String> v) {
      nodeNamespaces = List.copyOf(v);
      return this;
    }

    /**
     * @return the filter
     */
    public PipelineFilter build() {
      return new PipelineFilter(
          tags, fromNodes, toNodes, nodeNames, fromInputs, toOutputs, nodeNamespaces);
    }
  }
}
