package dev.weir.pipeline;

import dev.weir.node.Node;
import java.util.List;
import java.util.Map;

/** Builds graph-only nodes for pipeline tests: the function is never run. */
final class Nodes {
  private Nodes() {}

  /**
   * @param name the node name
   * @param inputs comma-separated inputs, or ""
   * @param outputs comma-separated outputs, or ""
   */
  static Node n(String name, String inputs, String outputs) {
    return Node.mapNode(in -> Map.of())
        .inputs(split(inputs))
        .outputs(split(outputs))
        .name(name)
        .build();
  }

  static List<String> names(Pipeline pipeline) {
    return pipeline.nodes().stream().map(Node::name).toList();
  }

  static List<List<String>> layerNames(Pipeline pipeline) {
    return pipeline.groupedNodes().stream()
        .map(layer -> layer.stream().map(Node::name).toList())
        .toList();
  }

  private static List<String> split(String names) {
    return names.isEmpty() ? List.of() : List.of(names.split(","));
  }
}
