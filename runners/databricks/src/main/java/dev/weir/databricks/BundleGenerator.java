package dev.weir.databricks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a Databricks asset bundle from a project's pipelines: {@code databricks.yml} (the bundle,
 * the artifact that builds the job JAR, targets {@code dev} in development mode and {@code prod} in
 * production mode) and one {@code resources/<job>.job.yml} per pipeline, each a job with one {@code
 * spark_jar_task} per task group. Keys come out in a fixed order (the Jobs API's own), so the files
 * are stable under version control.
 *
 * <p>Shapes follow the bundle schema of the Databricks CLI ({@code bundle/schema/jsonschema.json})
 * and the Jobs API: a task's {@code parameters} are the {@code weir run} arguments, e.g. {@code
 * [run, --pipelines, data_processing, --nodes, a,b, --env, prod]}.
 */
public final class BundleGenerator {
  /** The job cluster (and serverless environment) key every task uses. */
  public static final String COMPUTE_KEY = "default";

  private BundleGenerator() {}

  /**
   * @param settings what to generate
   * @param paths the project and job JAR relative to the bundle directory
   * @return the content of {@code databricks.yml}
   */
  public static Map<String, Object> databricksYml(BundleSettings settings, BundlePaths paths) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("bundle", map("name", settings.bundleName()));
    root.put("include", List.of("resources/*.yml"));
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("type", "jar");
    artifact.put("build", settings.buildCommand());
    artifact.put("path", paths.projectFromBundle());
    artifact.put("files", List.of(map("source", paths.jarFromBundle())));
    root.put("artifacts", map("job_jar", artifact));
    if (!paths.syncPaths().isEmpty()) {
      root.put("sync", map("paths", paths.syncPaths()));
    }
    Map<String, Object> targets = new LinkedHashMap<>();
    Map<String, Object> dev = new LinkedHashMap<>();
    dev.put("mode", "development");
    dev.put("default", true);
    targets.put("dev", dev);
    Map<String, Object> prod = new LinkedHashMap<>();
    prod.put("mode", "production");
    prod.put(
        "workspace", map("root_path", "/Workspace/Shared/.bundle/${bundle.name}/${bundle.target}"));
    targets.put("prod", prod);
    root.put("targets", targets);
    return root;
  }

  /**
   * @param jobKey the job's resource key
   * @param pipelineName the registered pipeline the job runs
   * @param groups its tasks, in run order
   * @param settings what to generate
   * @param jarFromResources the job JAR's path relative to the {@code resources/} directory
   * @return the job settings, before overrides
   */
  public static Map<String, Object> job(
      String jobKey,
      String pipelineName,
      List<TaskGroup> groups,
      BundleSettings settings,
      String jarFromResources) {
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("name", jobKey);
    if (settings.serverless()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("environment_version", BundleSettings.SERVERLESS_ENVIRONMENT_VERSION);
      spec.put("java_dependencies", List.of(jarFromResources));
      Map<String, Object> environment = new LinkedHashMap<>();
      environment.put("environment_key", COMPUTE_KEY);
      environment.put("spec", spec);
      job.put("environments", List.of(environment));
    } else {
      Map<String, Object> cluster = new LinkedHashMap<>();
      cluster.put("spark_version", BundleSettings.SPARK_VERSION);
      boolean prod = "prod".equals(settings.target());
      cluster.put("node_type_id", prod ? "m5d.xlarge" : "m5d.large");
      cluster.put("num_workers", prod ? 2 : 1);
      cluster.put("data_security_mode", "DATA_SECURITY_MODE_DEDICATED");
      Map<String, Object> jobCluster = new LinkedHashMap<>();
      jobCluster.put("job_cluster_key", COMPUTE_KEY);
      jobCluster.put("new_cluster", cluster);
      job.put("job_clusters", List.of(jobCluster));
    }
    List<Object> tasks = new ArrayList<>();
    for (TaskGroup group : groups) {
      tasks.add(task(pipelineName, group, settings, jarFromResources));
    }
    job.put("tasks", tasks);
    return job;
  }

  private static Map<String, Object> task(
      String pipelineName, TaskGroup group, BundleSettings settings, String jar) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task_key", group.key());
    if (!group.dependsOn().isEmpty()) {
      task.put("depends_on", group.dependsOn().stream().map(k -> map("task_key", k)).toList());
    }
    task.put(settings.serverless() ? "environment_key" : "job_cluster_key", COMPUTE_KEY);
    Map<String, Object> jarTask = new LinkedHashMap<>();
    jarTask.put("main_class_name", BundleSettings.MAIN_CLASS);
    jarTask.put("parameters", parameters(pipelineName, group, settings));
    task.put("spark_jar_task", jarTask);
    if (!settings.serverless()) {
      task.put("libraries", List.of(map("jar", jar)));
    }
    return task;
  }

  /**
   * @return {@code run --pipelines <p> [--nodes a,b] --env <target> [--project <dir>]}
   */
  static List<String> parameters(String pipelineName, TaskGroup group, BundleSettings settings) {
    List<String> args = new ArrayList<>(List.of("run", "--pipelines", pipelineName));
    if (!group.nodes().isEmpty()) {
      args.add("--nodes");
      args.add(String.join(",", group.nodes()));
    }
    args.add("--env");
    args.add(settings.target());
    if (settings.remoteProject() != null) {
      args.add("--project");
      args.add(settings.remoteProject());
    }
    return List.copyOf(args);
  }

  /**
   * Drops the job clusters and environments that no task uses, such as a {@code default} job
   * cluster from {@code conf/<env>/databricks.yml} in a serverless bundle (the Jobs API rejects a
   * job cluster no task runs on).
   *
   * @param job a job after overrides
   * @return the job without unused compute definitions
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withoutUnusedCompute(Map<String, Object> job) {
    Map<String, Object> pruned = new LinkedHashMap<>(job);
    List<Map<String, Object>> tasks =
        job.get("tasks") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    prune(pruned, "job_clusters", "job_cluster_key", tasks);
    prune(pruned, "environments", "environment_key", tasks);
    return pruned;
  }

  @SuppressWarnings("unchecked")
  private static void prune(
      Map<String, Object> job, String listKey, String key, List<Map<String, Object>> tasks) {
    if (!(job.get(listKey) instanceof List<?> entries)) {
      return;
    }
    List<Object> used = new ArrayList<>();
    for (Object entry : entries) {
      Object id = entry instanceof Map<?, ?> m ? m.get(key) : null;
      if (tasks.stream().anyMatch(t -> id != null && id.equals(t.get(key)))) {
        used.add(entry);
      }
    }
    if (used.isEmpty()) {
      job.remove(listKey);
    } else {
      job.put(listKey, used);
    }
  }

  /**
   * @param jobKey a job's resource key
   * @param job its settings
   * @return the content of its {@code resources/<jobKey>.job.yml}
   */
  public static Map<String, Object> resourceFile(String jobKey, Map<String, Object> job) {
    return map("resources", map("jobs", map(jobKey, job)));
  }

  private static Map<String, Object> map(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }
}
