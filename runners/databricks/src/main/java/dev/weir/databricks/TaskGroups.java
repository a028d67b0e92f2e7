package dev.weir.databricks;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Splits a pipeline into the tasks of one Databricks job, with {@code depends_on} taken from the
 * node graph, and checks the split: no dependency cycle between tasks, and no dataset that lives
 * only in memory handed from one task to another (each task is a separate {@code weir run}, so such
 * data would be gone; Kedro's in-memory datasets have the same limit on Databricks). The default
 * grouping, {@link GroupBy#AUTO} ({@link MemoryGrouping}), never fails those checks: it keeps the
 * nodes an in-memory dataset joins in one task. The explicit node and namespace groupings refuse.
 */
public final class TaskGroups {
  private static final int MAX_TASK_KEY = 100;

  private TaskGroups() {}

  /**
   * Groups a pipeline's nodes into tasks.
   *
   * @param pipelineName the registered pipeline name (the task key of {@link GroupBy#PIPELINE})
   * @param pipeline the pipeline
   * @param groupBy the grouping; {@link GroupBy#AUTO} never refuses a memory dataset or a cycle
   * @param persisted whether a dataset name is persisted (a catalog entry that is not a {@code
   *     MemoryDataset}); stripped of transcoding
   * @return the tasks in run order
   * @throws BundleException when a memory dataset would cross a task boundary (the dataset and both
   *     tasks named), task groups form a cycle, or two task keys collide
   */
  public static List<TaskGroup> group(
      String pipelineName, Pipeline pipeline, GroupBy groupBy, Predicate<String> persisted) {
    if (groupBy == GroupBy.PIPELINE) {
      return List.of(new TaskGroup(taskKey(pipelineName), List.of(), List.of()));
    }
    Map<String, Named> named =
        groupBy == GroupBy.AUTO
            ? MemoryGrouping.assign(pipeline, persisted)
            : named(pipeline, groupBy);
    Map<String, String> taskOfNode = new LinkedHashMap<>();
    Map<String, List<String>> nodesOfTask = new LinkedHashMap<>();
    Map<String, String> labelOfKey = new HashMap<>();
    for (Map.Entry<String, Named> entry : named.entrySet()) {
      Named task = entry.getValue();
      String key = taskKey(task.name());
      String previous = labelOfKey.putIfAbsent(key, task.label());
      if (previous != null && !previous.equals(task.label())) {
        throw new BundleException(
            "Task key '"
                + key
                + "' would be used by both '"
                + previous
                + "' and '"
                + task.label()
                + "' (task keys allow only letters, digits, _ and -, at most "
                + MAX_TASK_KEY
                + " characters). Rename one of them.");
      }
      taskOfNode.put(entry.getKey(), key);
      nodesOfTask.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.getKey());
    }
    Map<String, Set<String>> dependsOn = dependencies(pipeline, taskOfNode, persisted);
    List<String> order = topologicalOrder(nodesOfTask.keySet(), dependsOn);
    List<TaskGroup> groups = new ArrayList<>();
    for (String key : order) {
      groups.add(
          new TaskGroup(
              key,
              Objects.requireNonNull(nodesOfTask.get(key), key),
              List.copyOf(dependsOn.get(key))));
    }
    return List.copyOf(groups);
  }

  /**
   * What a task is named after, and how a message names the nodes it holds.
   *
   * @param name the node, namespace or joined node names the task key is made from
   * @param label e.g. {@code node a}, {@code namespace ns} or {@code nodes a, b}
   */
  record Named(String name, String label) {}

  private static Map<String, Named> named(Pipeline pipeline, GroupBy groupBy) {
    Map<String, Named> named = new LinkedHashMap<>();
    for (Node node : pipeline.nodes()) {
      boolean byNamespace = groupBy == GroupBy.NAMESPACE && node.namespace() != null;
      @Nullable String ns = byNamespace ? topNamespace(String.valueOf(node.namespace())) : null;
      named.put(
          node.name(),
          ns != null
              ? new Named(ns, "namespace " + ns)
              : new Named(node.name(), "node " + node.name()));
    }
    return named;
  }

  private static Map<String, Set<String>> dependencies(
      Pipeline pipeline, Map<String, String> taskOfNode, Predicate<String> persisted) {
    Map<String, Node> producer = new HashMap<>();
    for (Node node : pipeline.nodes()) {
      for (String output : node.outputs()) {
        producer.put(Transcoding.strip(output), node);
      }
    }
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    taskOfNode.values().forEach(task -> dependsOn.putIfAbsent(task, new TreeSet<>()));
    for (Node node : pipeline.nodes()) {
      String task = taskOfNode.get(node.name());
      for (String input : node.inputs()) {
        String dataset = Transcoding.strip(input);
        Node from = producer.get(dataset);
        if (from == null) {
          continue;
        }
        String fromTask = Objects.requireNonNull(taskOfNode.get(from.name()), from.name());
        if (fromTask.equals(task)) {
          continue;
        }
        if (!persisted.test(dataset)) {
          throw new BundleException(
              "Dataset '"
                  + dataset
                  + "' lives only in memory but would cross a task boundary: task '"
                  + fromTask
                  + "' (node '"
                  + from.name()
                  + "') writes it and task '"
                  + task
                  + "' (node '"
                  + node.name()
                  + "') reads it, in separate runs. Add it to conf/*/catalog.yml as a persisted"
                  + " dataset (Delta, Parquet, a table), or use a coarser --group-by (namespace or"
                  + " pipeline).");
        }
        Objects.requireNonNull(dependsOn.get(task), task).add(fromTask);
      }
    }
    return dependsOn;
  }

  /** Kahn's algorithm in first-seen order, so the tasks keep the pipeline's run order. */
  private static List<String> topologicalOrder(Set<String> keys, Map<String, Set<String>> deps) {
    Map<String, Integer> waiting = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (String key : keys) {
      waiting.put(key, Objects.requireNonNull(deps.get(key), key).size());
      for (String dep : deps.get(key)) {
        dependents.computeIfAbsent(dep, d -> new ArrayList<>()).add(key);
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    waiting.forEach(
        (k, n) -> {
          if (n == 0) {
            ready.add(k);
          }
        });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String key = ready.poll();
      order.add(key);
      for (String next : dependents.getOrDefault(key, List.of())) {
        if (waiting.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (order.size() < keys.size()) {
      Set<String> cyclic = new TreeSet<>(keys);
      order.forEach(cyclic::remove);
      throw new BundleException(
          "Tasks "
              + String.join(", ", cyclic)
              + " depend on each other in a cycle (a namespace both feeds and reads a node outside"
              + " it). Use --group-by node or pipeline, or move the node into the namespace.");
    }
    return order;
  }

  /**
   * @param namespace a node namespace such as {@code a.b}
   * @return its first segment
   */
  static String topNamespace(String namespace) {
    int dot = namespace.indexOf('.');
    return dot < 0 ? namespace : namespace.substring(0, dot);
  }

  /**
   * A Databricks task key for a node, namespace or pipeline name: characters other than letters,
   * digits, {@code _} and {@code -} become {@code _}, at most {@value #MAX_TASK_KEY} characters
   * (Jobs API {@code task_key}).
   *
   * @param name the name
   * @return the key
   */
  static String taskKey(String name) {
    String key = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return key.length() > MAX_TASK_KEY ? key.substring(0, MAX_TASK_KEY) : key;
  }
}
