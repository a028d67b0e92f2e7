package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.config.SafeYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOverridesTest {
  private static final Map<String, Object> JOB =
      yaml(
          """
          name: shop_orders
          job_clusters:
            - job_cluster_key: default
              new_cluster: {spark_version: 18.0.x-scala2.13, node_type_id: m5d.large, num_workers: 1}
          tasks:
            - task_key: load
              job_cluster_key: default
            - task_key: report
              depends_on: [{task_key: load}]
              job_cluster_key: default
          """);

  @Test
  void defaultThenRegexThenTheJobsOwnEntry() {
    Map<String, Object> overrides =
        yaml(
            """
            default:
              timeout_seconds: 100
              max_concurrent_runs: 1
              job_clusters:
                - job_cluster_key: default
                  new_cluster: {node_type_id: m5d.xlarge}
            re:shop_.*:
              timeout_seconds: 200
            re:other_.*:
              timeout_seconds: 999
            shop_orders:
              timeout_seconds: 300
            """);

    Map<String, Object> job = JobOverrides.apply("shop_orders", JOB, overrides);

    assertThat(job).containsEntry("timeout_seconds", 300).containsEntry("max_concurrent_runs", 1);
    assertThat(job.get("job_clusters"))
        .isEqualTo(
            yaml("""
                    c:
                      - job_cluster_key: default
                        new_cluster: {spark_version: 18.0.x-scala2.13, node_type_id: m5d.xlarge, num_workers: 1}
                    """)
                .get("c"));
    assertThat(JobOverrides.apply("other_job", JOB, overrides))
        .containsEntry("timeout_seconds", 999);
  }

  @Test
  void aRegexMatchesTheWholeJobKey() {
    Map<String, Object> job =
        JobOverrides.apply("shop_orders", JOB, yaml("re:shop:\n  timeout_seconds: 1\n"));

    assertThat(job).doesNotContainKey("timeout_seconds");
  }

  @Test
  void theDefaultTaskAppliesToEveryTaskAndANamedTaskToItself() {
    Map<String, Object> overrides =
        yaml(
            """
            default:
              tasks:
                - task_key: default
                  max_retries: 2
            shop_orders:
              tasks:
                - task_key: report
                  max_retries: 0
                  timeout_seconds: 60
                - task_key: notify
                  notebook_task: {notebook_path: /Shared/notify}
            """);

    List<Map<String, Object>> tasks =
        BundleStructure.tasks(JobOverrides.apply("shop_orders", JOB, overrides));

    assertThat(tasks)
        .extracting(t -> t.get("task_key"))
        .containsExactly("load", "report", "notify");
    assertThat(tasks.get(0))
        .containsEntry("max_retries", 2)
        .containsEntry("job_cluster_key", "default");
    assertThat(tasks.get(1)).containsEntry("max_retries", 0).containsEntry("timeout_seconds", 60);
    assertThat(BundleStructure.dependsOn(tasks.get(1))).containsExactly("load");
  }

  @Test
  void theGeneratedJobIsNotModified() {
    JobOverrides.apply("shop_orders", JOB, yaml("default:\n  timeout_seconds: 5\n"));

    assertThat(JOB).doesNotContainKey("timeout_seconds");
  }

  @Test
  void mistakesAreConfigErrors() {
    assertThatThrownBy(() -> JobOverrides.apply("j", JOB, yaml("re:[unclosed:\n  a: 1\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("re:[unclosed");
    assertThatThrownBy(() -> JobOverrides.apply("j", JOB, yaml("default: 3\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'default' must be a mapping");
    assertThatThrownBy(
            () -> JobOverrides.apply("j", JOB, yaml("default:\n  tasks:\n    - max_retries: 1\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs a 'task_key'");
  }

  private static Map<String, Object> yaml(String text) {
    return SafeYaml.newYaml().load(text);
  }
}
