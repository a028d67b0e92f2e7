package dev.weir.pipeline;

import dev.weir.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One group of {@link Pipeline#groupNodesBy(String)}, as Kedro's {@code GroupedNodes}
 * (kedro/pipeline/pipeline.py): a deployment unit such as one Databricks task.
 *
 * @param name the top-level namespace, or the node name for a node without a namespace or when
 *     grouping by {@code none}
 * @param type {@link Type#NAMESPACE} for a namespace group, {@link Type#NODES} otherwise
 * @param nodes the full names of the group's nodes, in execution order
 * @param dependencies the names of the groups that must run first, in the order first met
 */
public record GroupedNodes(String name, Type type, List<String> nodes, List<String> dependencies) {

  /** What a group stands for. */
  public enum Type {
    /** Every node under one top-level namespace. */
    NAMESPACE,
    /** One node outside any namespace. */
    NODES
  }

  /** Copies the lists so the record stays immutable. */
  public GroupedNodes {
    nodes = List.copyOf(nodes);
    dependencies = List.copyOf(dependencies);
  }

  static List<GroupedNodes> of(Pipeline pipeline, String groupBy) {
    String strategy = groupBy.toLowerCase(Locale.ROOT);
    boolean byNamespace = strategy.equals("namespace");
    if (!byNamespace && !strategy.equals("none")) {
      throw new PipelineException(PipelineException.Kind.UNSUPPORTED_GROUPING, List.of(groupBy));
    }
    Map<String, List<String>> members = new LinkedHashMap<>();
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    Map<String, Type> types = new LinkedHashMap<>();
    Map<Node, Set<Node>> dependencies = pipeline.nodeDependencies();
    for (Node node : pipeline.nodes()) {
      String group = group(node, byNamespace);
      members.computeIfAbsent(group, g -> new ArrayList<>()).add(node.name());
      types.putIfAbsent(
          group, byNamespace && node.namespace() != null ? Type.NAMESPACE : Type.NODES);
      Set<String> before = parents.computeIfAbsent(group, g -> new LinkedHashSet<>());
      for (Node parent : dependencies.getOrDefault(node, Set.of())) {
        String parentGroup = group(parent, byNamespace);
        if (!parentGroup.equals(group)) {
          before.add(parentGroup);
        }
      }
    }
    List<GroupedNodes> groups = new ArrayList<>(members.size());
    members.forEach(
        (group, names) ->
            groups.add(
                new GroupedNodes(
                    group,
                    types.getOrDefault(group, Type.NODES),
                    names,
                    List.copyOf(parents.getOrDefault(group, Set.of())))));
    return List.copyOf(groups);
  }

  private static String group(Node node, boolean byNamespace) {
    String namespace = node.namespace();
    if (!byNamespace || namespace == null) {
      return node.name();
    }
    int dot = namespace.indexOf('.');
    return dot < 0 ? namespace : namespace.substring(0, dot);
  }
}
