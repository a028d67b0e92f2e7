package dev.weir.pipeline;

import static dev.weir.pipeline.PipelineException.requireArgument;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A modular pipeline in Kedro's terms ({@code pipeline(pipe, inputs=, outputs=, parameters=, tags=,
 * namespace=, prefix_datasets_with_namespace=)} in kedro/pipeline/pipeline.py), built from {@link
 * Pipeline#modular(Pipeline)}:
 *
 * <pre>{@code
 * Pipeline ds = Pipeline.modular(base)
 *     .namespace("active_modelling")
 *     .inputs("model_input_table")                        // keep this name, do not prefix it
 *     .outputs(Map.of("regressor", "active_regressor"))   // rename
 *     .parameters("model_options")                        // params:model_options stays
 *     .tags("ml")
 *     .build();
 * }</pre>
 *
 * <p>A bare name ({@code inputs("a")}, a set, a list) means "keep this name as it is"; a map means
 * "rename". Everything is optional: without a namespace only the mappings and tags apply (Kedro's
 * {@code pipeline(p, inputs=...)} without {@code namespace=}); with {@link #prefixDatasets(boolean)
 * prefixDatasets(false)} nodes move into the namespace but datasets and parameters keep their
 * names. The rules for renaming are in {@link #build()}.
 *
 * <p>A builder is mutable and not thread-safe; the pipeline it builds is immutable.
 */
public final class ModularPipeline {
  private final Pipeline pipeline;
  private @Nullable String namespace;
  private boolean prefixDatasets = true;
  private final Map<String, String> inputs = new LinkedHashMap<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final Set<String> tags = new LinkedHashSet<>();

  ModularPipeline(Pipeline pipeline) {
    this.pipeline = requireArgument(pipeline, "pipeline");
  }

  /**
   * @param namespace the namespace every node moves into and, unless {@link
   *     #prefixDatasets(boolean) prefixDatasets(false)}, every dataset and parameter is prefixed
   *     with; matches {@code [\w.-]+}
   * @return this builder
   * @throws PipelineException of kind {@code NULL_ARGUMENT} for {@code null}, {@code
   *     INVALID_NAMESPACE} for a name with other characters
   */
  public ModularPipeline namespace(String namespace) {
    Namespacer.checkNamespace(requireArgument(namespace, "namespace"));
    this.namespace = namespace;
    return this;
  }

  /**
   * @param names free inputs that keep their names (Kedro's {@code inputs="a"} or {@code
   *     inputs={"a"}})
   * @return this builder
   * @throws PipelineException of kind {@code NULL_ARGUMENT} for a null name
   */
  public ModularPipeline inputs(String... names) {
    return inputs(Arrays.asList(requireArgument(names, "inputs")));
  }

  /**
   * @param names free inputs that keep their names
   * @return this builder
   * @throws PipelineException of kind {@code NULL_ARGUMENT} for a null collection or name
   */
  public ModularPipeline inputs(Collection<String> names) {
    keep(inputs, names, "inputs");
    return this;
  }

  /**
   * @param renames free input name (as the pipeline writes it, {@code x} or {@code x@spark}) to its
   *     name outside
   * @return this builder
   * @throws PipelineException of kind {@code NULL_ARGUMENT} for a null map, key or value
   */
  public ModularPipeline inputs(Map<String, String> renames) {
    rename(inputs, renames, "inputs");
    return this;
  }

  /**
   * @param names outputs (free or intermediate) that keep their names
   * @return this builder
   */
  public ModularPipeline outputs(String... names) {
    return outputs(Arrays.asList(requireArgument(names, "outputs")));
  }

  /**
   * @param names outputs (free or intermediate) that keep their names
   * @return this builder
   */
  public ModularPipeline outputs(Collection<String> names) {
    keep(outputs, names, "outputs");
    return this;
  }

  /**
   * @param renames output name to its name outside; an intermediate dataset may be exposed too
   * @return this builder
   */
  public ModularPipeline outputs(Map<String, String> renames) {
    rename(outputs, renames, "outputs");
    return this;
  }

  /**
   * @param names parameters that keep their names, with or without {@code params:}
   * @return this builder
   */
  public ModularPipeline parameters(String... names) {
    return parameters(Arrays.asList(requireArgument(names, "parameters")));
  }

  /**
   * @param names parameters that keep their names, with or without {@code params:}
   * @return this builder
   */
  public ModularPipeline parameters(Collection<String> names) {
    keep(parameters, names, "parameters");
    return this;
  }

  /**
   * @param renames parameter name to its name outside, each with or without {@code params:}
   * @return this builder
   */
  public ModularPipeline parameters(Map<String, String> renames) {
    rename(parameters, renames, "parameters");
    return this;
  }

  /**
   * @param tags tags added to every node (Kedro's {@code tags=}), each matching {@code [\w.-]+}
   * @return this builder
   */
  public ModularPipeline tags(String... tags) {
    for (String tag : requireArgument(tags, "tags")) {
      this.tags.add(requireArgument(tag, "tags"));
    }
    return this;
  }

  /**
   * Kedro's {@code prefix_datasets_with_namespace}: {@code false} moves nodes into the namespace
   * (for grouping, for example one Databricks task per namespace) without renaming any dataset.
   *
   * @param prefix whether datasets and parameters get {@code <namespace>.}; {@code true} by default
   * @return this builder
   */
  public ModularPipeline prefixDatasets(boolean prefix) {
    this.prefixDatasets = prefix;
    return this;
  }

  /**
   * Builds the pipeline with Kedro's rules: a name in a mapping takes its mapped name (a mapped
   * {@code x} also renames {@code x@spark}, keeping the suffix; a mapped {@code x@spark} renames
   * only itself); {@code parameters} is never renamed; with a namespace and prefixing on, {@code
   * params:x} becomes {@code params:<ns>.x} and any other dataset {@code <ns>.<name>}; otherwise
   * names stay. Node names and namespaces get {@code <ns>.} in front (nested namespaces join with
   * {@code .}); tags are added last.
   *
   * @return a new pipeline (always a copy, even with nothing set)
   * @throws PipelineException of kind {@code PARAMETER_AS_DATASET} when {@code params:x} or {@code
   *     parameters} is mapped as an input or output, {@code UNKNOWN_MAPPING} when a mapped name is
   *     not in the pipeline (with close names), {@code INPUT_NOT_FREE} when a mapped input is
   *     produced inside, {@code OUTPUT_NOT_PRODUCED} when a mapped output is a free input, or any
   *     error of {@link Pipeline#of(Collection)} for the renamed nodes
   * @throws dev.weir.node.NodeException when a tag is invalid or a renamed node breaks a node rule
   */
  public Pipeline build() {
    List<Node> nodes =
        Namespacer.apply(pipeline, namespace, prefixDatasets, inputs, outputs, parameters);
    if (!tags.isEmpty()) {
      String[] all = tags.toArray(String[]::new);
      List<Node> tagged = new ArrayList<>(nodes.size());
      nodes.forEach(node -> tagged.add(node.tag(all)));
      nodes = tagged;
    }
    return Pipeline.of(nodes);
  }

  private static void keep(Map<String, String> into, Collection<String> names, String argument) {
    for (String name : requireArgument(names, argument)) {
      into.put(requireArgument(name, argument), name);
    }
  }

  private static void rename(
      Map<String, String> into, Map<String, String> renames, String argument) {
    requireArgument(renames, argument)
        .forEach(
            (from, to) -> into.put(requireArgument(from, argument), requireArgument(to, argument)));
  }
}
