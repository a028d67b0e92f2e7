package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Structural checks of a generated job: unique task keys, known dependencies, no cycle. */
final class BundleStructure {
  private BundleStructure() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> tasks(Map<String, Object> job) {
    return (List<Map<String, Object>>) Objects.requireNonNull(job.get("tasks"), "tasks");
  }

  @SuppressWarnings("unchecked")
  static List<String> dependsOn(Map<String, Object> task) {
    List<Map<String, Object>> deps = (List<Map<String, Object>>) task.get("depends_on");
    return deps == null ? List.of() : deps.stream().map(d -> (String) d.get("task_key")).toList();
  }

  static void assertWellFormed(Map<String, Object> job) {
    List<String> keys = tasks(job).stream().map(t -> (String) t.get("task_key")).toList();
    assertThat(keys)
        .as("task keys")
        .doesNotHaveDuplicates()
        .allMatch(k -> k.matches("[\\w-]{1,100}"));
    Map<String, List<String>> graph = new HashMap<>();
    for (Map<String, Object> task : tasks(job)) {
      List<String> deps = dependsOn(task);
      assertThat(keys).as("depends_on of " + task.get("task_key")).containsAll(deps);
      graph.put((String) task.get("task_key"), deps);
    }
    Set<String> done = new HashSet<>();
    List<String> order = new ArrayList<>();
    while (done.size() < keys.size()) {
      List<String> ready =
          keys.stream().filter(k -> !done.contains(k) && done.containsAll(graph.get(k))).toList();
      assertThat(ready).as("tasks left in a cycle: " + graph).isNotEmpty();
      done.addAll(ready);
      order.addAll(ready);
    }
  }
}
