package dev.weir.viz;

/**
 * The graph in Graphviz DOT ({@code weir viz --format dot}; {@code dot -Tsvg}): top to bottom (as
 * Kedro-Viz), namespaces as nested {@code cluster} subgraphs, tasks as rounded boxes, datasets as
 * cylinders labelled with their type, parameters as notes. Every id and label is a quoted DOT
 * string with {@code \} and {@code "} escaped.
 */
public final class DotRenderer {
  private DotRenderer() {}

  /**
   * @param graph the graph
   * @return DOT source of one {@code digraph}
   */
  public static String render(VizGraph graph) {
    StringBuilder out = new StringBuilder("digraph weir {\n");
    out.append("  rankdir=TB;\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [color=\"#64748b\"];\n");
    java.util.Map<String, String> typeById = new java.util.HashMap<>();
    graph.datasets().forEach(d -> typeById.put(d.id(), d.type()));
    int[] depth = {1};
    new GraphElements(graph)
        .walk(
            e -> {
              String attrs =
                  switch (e.kind()) {
                    case "task" ->
                        "shape=box, style=\"rounded,filled\", fillcolor=\"#1f2937\","
                            + " fontcolor=\"#f9fafb\", label="
                            + quote(e.label());
                    case "data" ->
                        "shape=cylinder, style=filled, fillcolor=\"#ecfeff\", label="
                            + quote(e.label() + "\n" + typeById.getOrDefault(e.id(), ""));
                    default ->
                        "shape=note, style=filled, fillcolor=\"#fef9c3\", label="
                            + quote(e.label());
                  };
              indent(out, depth[0]).append(quote(e.id())).append(" [").append(attrs).append("];\n");
            },
            ns -> {
              indent(out, depth[0]).append("subgraph ").append(quote("cluster_" + ns.id()));
              out.append(" {\n");
              depth[0]++;
              indent(out, depth[0]).append("label=").append(quote(ns.label())).append(";\n");
              indent(out, depth[0]).append("style=\"rounded,dashed\"; color=\"#94a3b8\";\n");
            },
            ns -> {
              depth[0]--;
              indent(out, depth[0]).append("}\n");
            });
    for (VizGraph.Edge edge : graph.edges()) {
      out.append("  ")
          .append(quote(edge.source()))
          .append(" -> ")
          .append(quote(edge.target()))
          .append(";\n");
    }
    return out.append("}\n").toString();
  }

  private static StringBuilder indent(StringBuilder out, int depth) {
    return out.append("  ".repeat(depth));
  }

  /** A DOT quoted string; a line break becomes DOT's centred-line escape {@code \n}. */
  static String quote(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n")
        + "\"";
  }
}
