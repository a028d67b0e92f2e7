package dev.weir.viz;

import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetSpec;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.viz.VizGraph.DataNode;
import dev.weir.viz.VizGraph.Edge;
import dev.weir.viz.VizGraph.Namespace;
import dev.weir.viz.VizGraph.ParameterNode;
import dev.weir.viz.VizGraph.TaskNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link VizGraph} from a pipeline and the catalog that configures its datasets. Reads
 * only catalog entries ({@link DataCatalog#spec}, {@link DataCatalog#typeName}, {@link
 * DataCatalog#isMemory}): no dataset is created, so no Spark session starts.
 *
 * <pre>{@code
 * VizGraph graph = VizGraphBuilder.of(pipeline, catalog)
 *     .pipelineNames(List.of("__default__"))
 *     .parameters(config.parameters())
 *     .lastRun(LastRunStore.read(project).orElse(null))
 *     .build();
 * }</pre>
 */
public final class VizGraphBuilder {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.@:/,=+-]+");
  private static final String PARAMS_PREFIX = "params:";

  private final Pipeline pipeline;
  private final DataCatalog catalog;
  private List<String> pipelineNames = List.of(PipelineRegistry.DEFAULT);
  private Map<String, Object> parameters = Map.of();
  private @Nullable String env;
  private @Nullable LastRun lastRun;

  private VizGraphBuilder(Pipeline pipeline, DataCatalog catalog) {
    this.pipeline = pipeline;
    this.catalog = catalog;
  }

  /**
   * @param pipeline the pipeline to draw
   * @param catalog the catalog of the project and environment
   * @return a builder
   */
  public static VizGraphBuilder of(Pipeline pipeline, DataCatalog catalog) {
    return new VizGraphBuilder(pipeline, catalog);
  }

  /**
   * @param names the registered pipeline names combined into the pipeline; anything but {@code
   *     __default__} is added to each node's run command as {@code --pipelines}
   * @return this builder
   */
  public VizGraphBuilder pipelineNames(List<String> names) {
    this.pipelineNames = List.copyOf(names);
    return this;
  }

  /**
   * @param parameters the merged parameters, shown on parameter nodes (parameters are not
   *     credentials; credentials never reach this class)
   * @return this builder
   */
  public VizGraphBuilder parameters(Map<String, Object> parameters) {
    this.parameters = parameters;
    return this;
  }

  /**
   * @param env the configuration environment; anything but {@code local} is added to each node's
   *     run command as {@code --env}
   * @return this builder
   */
  public VizGraphBuilder env(@Nullable String env) {
    this.env = env;
    return this;
  }

  /**
   * @param lastRun the project's last run, or {@code null}
   * @return this builder
   */
  public VizGraphBuilder lastRun(@Nullable LastRun lastRun) {
    this.lastRun = lastRun;
    return this;
  }

  /**
   * @return the graph
   */
  public VizGraph build() {
    List<Node> nodes = pipeline.nodes();
    TreeMap<String, Namespace> namespaces = namespaces(nodes);
    List<TaskNode> tasks = new ArrayList<>();
    TreeMap<String, List<String>> dataNames = new TreeMap<>();
    TreeMap<String, ParameterNode> params = new TreeMap<>();
    List<Edge> edges = new ArrayList<>();
    TreeSet<String> tags = new TreeSet<>();
    for (Node node : nodes) {
      String nodeId = nodeId(node.name());
      tasks.add(
          new TaskNode(
              nodeId,
              node.name(),
              node.functionName(),
              node.namespace(),
              node.tags(),
              node.inputs(),
              node.outputs(),
              runCommand(node.name())));
      tags.addAll(node.tags());
      for (String input : node.inputs()) {
        if (isParameter(input)) {
          params.computeIfAbsent(input, p -> parameterNode(p, namespaces));
          edges.add(new Edge(input, nodeId, input));
        } else {
          addName(dataNames, input);
          edges.add(new Edge(dataId(input), nodeId, input));
        }
      }
      for (String output : node.outputs()) {
        addName(dataNames, output);
        edges.add(new Edge(nodeId, dataId(output), output));
      }
    }
    List<DataNode> datasets = new ArrayList<>();
    TreeSet<String> layers = new TreeSet<>();
    dataNames.forEach(
        (base, names) -> {
          DataNode data = dataNode(base, names, namespaces);
          datasets.add(data);
          if (data.layer() != null) {
            layers.add(data.layer());
          }
        });
    return new VizGraph(
        VizGraph.SCHEMA,
        pipelineNames,
        tasks,
        datasets,
        List.copyOf(params.values()),
        edges,
        List.copyOf(namespaces.values()),
        List.copyOf(tags),
        List.copyOf(layers),
        lastRun);
  }

  /**
   * @param nodeName a node's full name
   * @return its element id
   */
  public static String nodeId(String nodeName) {
    return "node:" + nodeName;
  }

  /**
   * @param datasetName a dataset name, transcoded or not
   * @return the element id of its data node (transcoding suffix removed)
   */
  public static String dataId(String datasetName) {
    return "data:" + baseName(datasetName);
  }

  /**
   * Kedro's transcoding: {@code table@spark} and {@code table@pandas} are one dataset.
   *
   * @param datasetName a dataset name
   * @return the name without the {@code @...} suffix
   */
  public static String baseName(String datasetName) {
    int at = datasetName.indexOf('@');
    return at < 0 ? datasetName : datasetName.substring(0, at);
  }

  private static boolean isParameter(String input) {
    return input.startsWith(PARAMS_PREFIX) || input.equals("parameters");
  }

  private static void addName(TreeMap<String, List<String>> dataNames, String name) {
    List<String> names = dataNames.computeIfAbsent(baseName(name), b -> new ArrayList<>());
    if (!names.contains(name)) {
      names.add(name);
    }
  }

  private DataNode dataNode(String base, List<String> names, Map<String, Namespace> namespaces) {
    List<String> sorted = names.stream().sorted().toList();
    // The first configured variant describes the data node; a transcoded pair usually points
    // at the same files with two types, and every variant's type is listed.
    TreeSet<String> types = new TreeSet<>();
    Map<String, Object> entry = Map.of();
    String layer = null;
    boolean memory = true;
    for (String name : sorted) {
      types.add(catalog.typeName(name));
      memory &= catalog.isMemory(name);
      Optional<DatasetSpec> spec = catalog.spec(name);
      if (spec.isPresent() && entry.isEmpty()) {
        entry = CatalogEntries.visible(spec.get());
        layer = CatalogEntries.layer(spec.get());
      }
    }
    return new DataNode(
        dataId(base),
        base,
        sorted,
        String.join(" | ", types),
        layer,
        memory,
        innermostNamespace(base, namespaces),
        entry);
  }

  private ParameterNode parameterNode(String name, Map<String, Namespace> namespaces) {
    String key = name.startsWith(PARAMS_PREFIX) ? name.substring(PARAMS_PREFIX.length()) : null;
    Object value = key == null ? parameters : lookup(parameters, key);
    return new ParameterNode(
        name, name, key == null ? null : innermostNamespace(key, namespaces), value);
  }

  /** Kedro's {@code params:a.b}: a path into nested maps, or a top-level key containing dots. */
  private static @Nullable Object lookup(Map<String, Object> parameters, String key) {
    if (parameters.containsKey(key)) {
      return parameters.get(key);
    }
    Object current = parameters;
    for (String part : key.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static TreeMap<String, Namespace> namespaces(List<Node> nodes) {
    TreeMap<String, Namespace> out = new TreeMap<>();
    for (Node node : nodes) {
      String ns = node.namespace();
      if (ns == null || ns.isEmpty()) {
        continue;
      }
      String[] parts = ns.split("\\.");
      String parent = null;
      StringBuilder name = new StringBuilder();
      for (String part : parts) {
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(part);
        String full = name.toString();
        String id = "ns:" + full;
        out.putIfAbsent(full, new Namespace(id, full, part, parent));
        parent = id;
      }
    }
    return out;
  }

  /**
   * Kedro prefixes a modular pipeline's own datasets and parameters with its namespace; names
   * mapped to the outside keep no prefix and so sit outside the namespace on the map, as in
   * kedro-viz.
   */
  private static @Nullable String innermostNamespace(String name, Map<String, Namespace> known) {
    String best = null;
    for (String ns : known.keySet()) {
      if (name.startsWith(ns + ".") && (best == null || ns.length() > best.length())) {
        best = ns;
      }
    }
    return best;
  }

  private String runCommand(String nodeName) {
    StringBuilder cmd = new StringBuilder("weir run --nodes ").append(shellQuote(nodeName));
    if (!pipelineNames.isEmpty() && !pipelineNames.equals(List.of(PipelineRegistry.DEFAULT))) {
      cmd.append(" --pipelines ").append(shellQuote(String.join(",", pipelineNames)));
    }
    if (env != null && !env.equals("local")) {
      cmd.append(" --env ").append(shellQuote(env));
    }
    return cmd.toString();
  }

  static String shellQuote(String word) {
    if (SHELL_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
