package dev.weir.databricks;

import java.util.List;

/**
 * One task of a generated job: the nodes it runs and the tasks it waits for.
 *
 * @param key the Databricks {@code task_key} (letters, digits, {@code _} and {@code -})
 * @param nodes the node names it runs, in run order; empty means the whole pipeline
 * @param dependsOn the task keys it depends on, sorted
 */
public record TaskGroup(String key, List<String> nodes, List<String> dependsOn) {
  /** Copies the lists so the record stays immutable. */
  public TaskGroup {
    nodes = List.copyOf(nodes);
    dependsOn = List.copyOf(dependsOn);
  }
}
