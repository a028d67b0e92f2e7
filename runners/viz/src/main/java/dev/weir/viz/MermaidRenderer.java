package dev.weir.viz;

import java.util.HashMap;
import java.util.Map;

/**
 * The graph as a Mermaid flowchart ({@code weir viz --format mermaid}), for Markdown docs that
 * render Mermaid (GitHub, GitLab, MkDocs): top to bottom (as Kedro-Viz), namespaces as nested
 * {@code subgraph}s, tasks as rounded boxes, datasets as cylinders, parameters as parallelograms.
 * Mermaid ids are generated ({@code t0}, {@code d0}, {@code p0}) because names may hold characters
 * Mermaid ids cannot; labels are quoted with Mermaid's entity codes for {@code "}, {@code #},
 * {@code <} and {@code >}.
 */
public final class MermaidRenderer {
  private MermaidRenderer() {}

  /**
   * @param graph the graph
   * @return Mermaid source, starting with {@code flowchart TB}
   */
  public static String render(VizGraph graph) {
    StringBuilder out = new StringBuilder("flowchart TB\n");
    Map<String, String> ids = new HashMap<>();
    int[] depth = {1};
    int[] nsCount = {0};
    new GraphElements(graph)
        .walk(
            e -> {
              String id = e.kind().charAt(0) + Integer.toString(ids.size());
              ids.put(e.id(), id);
              String label = quote(e.label());
              String shape =
                  switch (e.kind()) {
                    case "task" -> id + "(" + label + ")";
                    case "data" -> id + "[(" + label + ")]";
                    default -> id + "[/" + label + "/]";
                  };
              indent(out, depth[0]).append(shape).append(":::").append(e.kind()).append('\n');
            },
            ns -> {
              indent(out, depth[0])
                  .append("subgraph ns")
                  .append(nsCount[0]++)
                  .append('[')
                  .append(quote(ns.label()))
                  .append("]\n");
              depth[0]++;
            },
            ns -> {
              depth[0]--;
              indent(out, depth[0]).append("end\n");
            });
    for (VizGraph.Edge edge : graph.edges()) {
      out.append("  ")
          .append(ids.get(edge.source()))
          .append(" --> ")
          .append(ids.get(edge.target()))
          .append('\n');
    }
    out.append("  classDef task fill:#1f2937,stroke:#60a5fa,color:#f9fafb\n");
    out.append("  classDef data fill:#ecfeff,stroke:#0e7490,color:#083344\n");
    out.append("  classDef params fill:#fef9c3,stroke:#a16207,color:#422006\n");
    return out.toString();
  }

  private static StringBuilder indent(StringBuilder out, int depth) {
    return out.append("  ".repeat(depth));
  }

  /** Mermaid's entity codes inside a quoted label ({@code #quot;}, {@code #35;}, ...). */
  static String quote(String label) {
    String escaped =
        label
            .replace("#", "#35;")
            .replace("\"", "#quot;")
            .replace("<", "#lt;")
            .replace(">", "#gt;")
            .replace("\n", " ");
    return "\"" + escaped + "\"";
  }
}
