package dev.weir.viz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The map of a pipeline as {@code weir viz} shows it, in kedro-viz's terms: task nodes, data nodes
 * (datasets), parameter nodes, edges and modular pipelines (namespaces). Serialized as is by {@link
 * VizJson}; the HTML page reads exactly this JSON.
 *
 * <p>Element ids are prefixed by kind ({@code node:}, {@code data:}, {@code params:} names keep
 * their own prefix, {@code ns:}) so a dataset and a node may share a name.
 *
 * @param schema the JSON format's version, {@value #SCHEMA}
 * @param pipelines the registered pipeline names the map was built from
 * @param nodes task nodes in topological order
 * @param datasets data nodes, sorted by name
 * @param parameters {@code params:} and {@code parameters} inputs, sorted by name
 * @param edges dataset or parameter to node (an input) and node to dataset (an output)
 * @param namespaces every namespace and its enclosing namespaces, sorted by id
 * @param tags every tag used by a node, sorted
 * @param layers the dataset layers in use, sorted (Kedro's {@code 01_raw} ... {@code 08_reporting}
 *     sort in pipeline order)
 * @param lastRun the project's last run, or {@code null} when none was recorded
 */
public record VizGraph(
    String schema,
    List<String> pipelines,
    List<TaskNode> nodes,
    List<DataNode> datasets,
    List<ParameterNode> parameters,
    List<Edge> edges,
    List<Namespace> namespaces,
    List<String> tags,
    List<String> layers,
    @Nullable LastRun lastRun) {

  /** The JSON format's version. */
  public static final String SCHEMA = "weir-viz/1";

  /** Copies the lists so the record stays immutable. */
  public VizGraph {
    pipelines = List.copyOf(pipelines);
    nodes = List.copyOf(nodes);
    datasets = List.copyOf(datasets);
    parameters = List.copyOf(parameters);
    edges = List.copyOf(edges);
    namespaces = List.copyOf(namespaces);
    tags = List.copyOf(tags);
    layers = List.copyOf(layers);
  }

  /**
   * A task node.
   *
   * @param id {@code node:<name>}
   * @param name the full name, namespace included
   * @param function {@code Class::method} or the declaring class and {@code lambda}
   * @param namespace the node's namespace ({@code a.b} when nested), or {@code null}
   * @param tags sorted
   * @param inputs input names in argument order, {@code params:} entries included
   * @param outputs output names
   * @param command the {@code weir run --nodes ...} command that runs this node alone
   */
  public record TaskNode(
      String id,
      String name,
      String function,
      @Nullable String namespace,
      Set<String> tags,
      List<String> inputs,
      List<String> outputs,
      String command) {
    /** Copies the collections. */
    public TaskNode {
      tags = Set.copyOf(tags);
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * A data node. Transcoded names ({@code table@spark}, {@code table@pandas}) share one data node,
   * as kedro-viz draws them, because they are one dataset to the pipeline's dependencies.
   *
   * @param id {@code data:<name>}, the name without its {@code @} suffix
   * @param name the name without the transcoding suffix
   * @param names every name the pipeline uses for it, transcoded ones included, sorted
   * @param type the catalog type name ({@code spark.SparkDataset}, {@code MemoryDataset} for names
   *     not in the catalog)
   * @param layer the catalog entry's {@code metadata.layer} (or kedro-viz's {@code
   *     metadata.kedro-viz.layer}), or {@code null}
   * @param memory whether the data lives only in memory during a run
   * @param namespace the innermost namespace the name is prefixed with, or {@code null}
   * @param entry the catalog entry ({@code type} and every other key) with credentials removed and
   *     secret-looking values redacted (see {@link CatalogEntries}); empty for memory data
   */
  public record DataNode(
      String id,
      String name,
      List<String> names,
      String type,
      @Nullable String layer,
      boolean memory,
      @Nullable String namespace,
      Map<String, Object> entry) {
    /** Copies the collections. */
    public DataNode {
      names = List.copyOf(names);
      entry = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entry));
    }
  }

  /**
   * A parameter input.
   *
   * @param id the name itself ({@code params:model_options} or {@code parameters})
   * @param name the name
   * @param namespace the innermost namespace the key is prefixed with, or {@code null}
   * @param value the parameter's value when known, else {@code null}
   */
  public record ParameterNode(
      String id, String name, @Nullable String namespace, @Nullable Object value) {}

  /**
   * A dependency.
   *
   * @param source element id the data flows from
   * @param target element id the data flows to
   * @param dataset the dataset or parameter name as the node uses it
   */
  public record Edge(String source, String target, String dataset) {}

  /**
   * A modular pipeline (namespace); drawn as a compound node that collapses and expands.
   *
   * @param id {@code ns:<full name>}
   * @param name the full dotted name
   * @param label the last segment
   * @param parent the enclosing namespace's id, or {@code null} at top level
   */
  public record Namespace(String id, String name, String label, @Nullable String parent) {}
}
