package dev.weir.mlflow;

import dev.weir.hooks.RunParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tags every Weir run gets. MLflow's own keys (mlflow/utils/mlflow_tags.py): {@code
 * mlflow.runName}, {@code mlflow.user}, {@code mlflow.source.name} (the project folder), {@code
 * mlflow.source.type} ({@code JOB} on a Databricks cluster, else {@code LOCAL}), {@code
 * mlflow.source.git.commit} and {@code mlflow.source.git.branch} in a git checkout. Weir's: {@code
 * weir.run_id}, {@code weir.env}, {@code weir.pipelines}, {@code weir.runner}, {@code weir.host},
 * {@code weir.pid} and {@code weir.process_start} ({@link WeirProcess}), {@code
 * weir.filter.<option>} per filter given (for example {@code weir.filter.tags}), {@code
 * weir.load_versions}. Then the {@code tags:} of {@code mlflow.yml}. Values are cut to MLflow's
 * 8,000 characters.
 */
final class RunTags {
  private RunTags() {}

  static Map<String, String> of(
      RunParams run,
      MlflowSettings settings,
      String runName,
      String user,
      Map<String, String> env) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("mlflow.runName", runName);
    tags.put("mlflow.user", user);
    tags.put("mlflow.source.name", run.projectPath().toAbsolutePath().normalize().toString());
    tags.put("mlflow.source.type", env.containsKey("DATABRICKS_RUNTIME_VERSION") ? "JOB" : "LOCAL");
    GitInfo.find(run.projectPath())
        .ifPresent(
            git -> {
              tags.put("mlflow.source.git.commit", git.commit());
              if (git.branch() != null) {
                tags.put("mlflow.source.git.branch", git.branch());
              }
            });
    tags.put("weir.run_id", run.runId());
    tags.put("weir.env", run.env());
    tags.put("weir.pipelines", String.join(",", run.pipelineNames()));
    tags.put("weir.runner", run.runner());
    tags.putAll(WeirProcess.tags());
    new TreeMap<>(run.filters())
        .forEach(
            (option, values) -> {
              if (!values.isEmpty()) {
                tags.put("weir.filter." + option, String.join(",", values));
              }
            });
    if (!run.loadVersions().isEmpty()) {
      StringBuilder lv = new StringBuilder();
      new TreeMap<>(run.loadVersions())
          .forEach(
              (ds, v) -> lv.append(lv.length() == 0 ? "" : ",").append(ds).append(':').append(v));
      tags.put("weir.load_versions", lv.toString());
    }
    tags.putAll(settings.tags());
    Map<String, String> fitted = new LinkedHashMap<>();
    tags.forEach(
        (k, v) ->
            fitted.put(
                RunParameters.fitKey(k),
                v.length() > RunParameters.MAX_TAG_VALUE
                    ? v.substring(0, RunParameters.MAX_TAG_VALUE)
                    : v));
    return fitted;
  }
}
