package dev.weir.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The graph's drawable elements in one list with their namespaces, for the text renderers that nest
 * namespaces as subgraphs (Mermaid, DOT).
 */
final class GraphElements {

  /** A task, data or parameter node as the text renderers draw it. */
  record Element(String id, String label, String kind, @Nullable String namespace) {}

  private final VizGraph graph;
  private final Map<String, List<Element>> byNamespace = new LinkedHashMap<>();
  private final List<Element> topLevel = new ArrayList<>();

  GraphElements(VizGraph graph) {
    this.graph = graph;
    graph.nodes().forEach(n -> add(new Element(n.id(), n.name(), "task", n.namespace())));
    graph.datasets().forEach(d -> add(new Element(d.id(), d.name(), "data", d.namespace())));
    graph.parameters().forEach(p -> add(new Element(p.id(), p.name(), "params", p.namespace())));
  }

  private void add(Element e) {
    if (e.namespace() == null) {
      topLevel.add(e);
    } else {
      byNamespace.computeIfAbsent(e.namespace(), k -> new ArrayList<>()).add(e);
    }
  }

  /**
   * Walks the namespace tree depth first.
   *
   * @param onElement called for each element, in its namespace
   * @param onOpen called when a namespace starts (before its children)
   * @param onClose called when it ends
   */
  void walk(
      Consumer<Element> onElement,
      Consumer<VizGraph.Namespace> onOpen,
      Consumer<VizGraph.Namespace> onClose) {
    walk(null, onElement, onOpen, onClose);
  }

  private void walk(
      VizGraph.@Nullable Namespace parent,
      Consumer<Element> onElement,
      Consumer<VizGraph.Namespace> onOpen,
      Consumer<VizGraph.Namespace> onClose) {
    String parentId = parent == null ? null : parent.id();
    for (VizGraph.Namespace ns : graph.namespaces()) {
      if (java.util.Objects.equals(ns.parent(), parentId)) {
        onOpen.accept(ns);
        walk(ns, onElement, onOpen, onClose);
        onClose.accept(ns);
      }
    }
    List<Element> elements =
        parent == null ? topLevel : byNamespace.getOrDefault(parent.name(), List.of());
    elements.forEach(onElement);
  }
}
