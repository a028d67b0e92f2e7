package dev.weir.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.cli.Main;
import dev.weir.config.SafeYaml;
import dev.weir.testing.TestProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code weir bundle} on the runners' test project (its {@code cleaned} dataset is in memory). */
class BundleCommandTest {
  @TempDir Path project;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createProject() {
    TestProject.create(project);
    // On Databricks the data lives on a Volume: prod's catalog says so (RemotePathCheck).
    TestProject.write(
        project.resolve("conf/prod/globals.yml"), "base_path: /Volumes/main/default/tiny\n");
    TestProject.write(
        project.resolve("conf/prod/catalog.yml"),
        """
        raw: {type: test.TextFileDataset, filepath: "${globals:base_path}/raw.txt"}
        summary: {type: test.TextFileDataset, filepath: "${globals:base_path}/summary.txt"}
        staged: {type: test.TextFileDataset, filepath: "${globals:base_path}/staged.txt"}
        "{name}_report":
          type: test.TextFileDataset
          filepath: "${globals:base_path}/{name}_report.txt"
        """);
    TestProject.write(
        project.resolve("conf/prod/databricks.yml"),
        """
        default:
          tasks:
            - task_key: default
              max_retries: 1
        re:tiny_.*:
          tags: {team: data}
        tiny_reporting:
          job_clusters:
            - job_cluster_key: default
              new_cluster: {num_workers: 8}
        """);
  }

  private int bundle(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 7];
    all[0] = "bundle";
    all[1] = "--project";
    all[2] = project.toString();
    all[3] = "--bundle-name";
    all[4] = "tiny";
    all[5] = "--jar";
    all[6] = "target/tiny-1.0-job.jar";
    System.arraycopy(args, 0, all, 7, args.length);
    return cli.execute(all);
  }

  @Test
  void writesTheBundleAndOneJobPerPipeline() throws IOException {
    assertThat(bundle("--target", "prod", "--group-by", "pipeline")).as(err.toString()).isZero();

    Map<String, Object> root = load(project.resolve("databricks.yml"));
    assertThat(root).containsKeys("bundle", "include", "artifacts", "targets");
    assertThat(at(root, "targets", "dev", "mode")).isEqualTo("development");
    assertThat(at(root, "targets", "prod", "mode")).isEqualTo("production");
    assertThat(at(root, "artifacts", "job_jar", "type")).isEqualTo("jar");
    try (var files = Files.list(project.resolve("resources"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("tiny.job.yml", "tiny_data_processing.job.yml", "tiny_reporting.job.yml");
    }
    Map<String, Object> job = job("tiny_data_processing");
    BundleStructure.assertWellFormed(job);
    Map<String, Object> task = BundleStructure.tasks(job).get(0);
    assertThat(task).containsEntry("task_key", "data_processing").containsEntry("max_retries", 1);
    assertThat(at(task, "spark_jar_task", "main_class_name")).isEqualTo("dev.weir.cli.Main");
    assertThat(at(task, "spark_jar_task", "parameters"))
        .isEqualTo(List.of("run", "--pipelines", "data_processing", "--env", "prod"));
    assertThat(task.get("libraries"))
        .isEqualTo(List.of(Map.of("jar", "../target/tiny-1.0-job.jar")));
    assertThat(job.get("tags")).isEqualTo(Map.of("team", "data"));
    assertThat(out.toString()).contains("databricks bundle deploy -t prod");
  }

  @Test
  void theJobsOwnOverrideMergesIntoItsCluster() throws IOException {
    assertThat(bundle("--target", "prod", "--group-by", "pipeline")).as(err.toString()).isZero();

    @SuppressWarnings("unchecked")
    var clusters =
        (List<Map<String, Object>>)
            Objects.requireNonNull(job("tiny_reporting").get("job_clusters"));
    assertThat(at(clusters.get(0), "new_cluster", "num_workers")).isEqualTo(8);
    assertThat(at(clusters.get(0), "new_cluster", "spark_version")).isEqualTo("18.0.x-scala2.13");
  }

  @Test
  void groupingByNodeWouldLoseTheInMemoryDatasetAndIsRefused() {
    assertThat(bundle("--target", "prod", "--group-by", "node", "--pipelines", "data_processing"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("Dataset 'cleaned' lives only in memory")
        .contains("task 'clean'")
        .contains("task 'summarize'");
    assertThat(project.resolve("databricks.yml")).doesNotExist();
  }

  @Test
  void byDefaultNodesJoinedByAnInMemoryDatasetShareATask() throws IOException {
    assertThat(bundle("--target", "prod")).as(err.toString()).isZero();

    Map<String, Object> job = job("tiny");
    BundleStructure.assertWellFormed(job);
    List<Map<String, Object>> tasks = BundleStructure.tasks(job);
    assertThat(tasks)
        .extracting(t -> t.get("task_key"))
        .containsExactly("clean__summarize", "reports_report");
    assertThat(at(tasks.get(0), "spark_jar_task", "parameters"))
        .isEqualTo(
            List.of(
                "run",
                "--pipelines",
                "__default__",
                "--nodes",
                "clean,summarize",
                "--env",
                "prod"));
    assertThat(BundleStructure.dependsOn(tasks.get(1))).containsExactly("clean__summarize");
  }

  @Test
  void relativeCatalogPathsAreRefusedWithoutARemoteProject() {
    TestProject.write(project.resolve("conf/dev/credentials.yml"), "db_creds: {token: t}\n");

    assertThat(bundle("--target", "dev")).isEqualTo(2);
    assertThat(err.toString())
        .contains("environment 'dev'")
        .contains("raw (data/raw.txt)")
        .contains("summary (data/summary.txt)")
        .contains("conf/dev/globals.yml")
        .contains("/Volumes/")
        .contains("--remote-project");
    assertThat(project.resolve("databricks.yml")).doesNotExist();

    assertThat(bundle("--target", "dev", "--remote-project", "/Volumes/main/default/tiny"))
        .as(err.toString())
        .isZero();
  }

  @Test
  void aBundleWrittenElsewherePointsBackAtTheProject() throws IOException {
    Path elsewhere = project.resolveSibling(project.getFileName() + "-bundle");
    assertThat(bundle("--target", "prod", "-o", elsewhere.toString())).as(err.toString()).isZero();

    Map<String, Object> root = load(elsewhere.resolve("databricks.yml"));
    Path jar = project.resolve("target/tiny-1.0-job.jar").normalize();
    String artifactPath = (String) at(root, "artifacts", "job_jar", "path");
    assertThat(elsewhere.resolve(artifactPath).normalize()).isEqualTo(project.normalize());
    @SuppressWarnings("unchecked")
    var files = (List<Map<String, Object>>) at(root, "artifacts", "job_jar", "files");
    assertThat(elsewhere.resolve((String) files.get(0).get("source")).normalize()).isEqualTo(jar);
    // A local library must lie inside the sync root, the common parent of sync.paths.
    assertThat(at(root, "sync", "paths"))
        .isEqualTo(List.of(".", "../" + project.getFileName() + "/target"));
    for (Map<String, Object> task : BundleStructure.tasks(job(elsewhere, "tiny"))) {
      @SuppressWarnings("unchecked")
      var libraries = (List<Map<String, Object>>) task.get("libraries");
      assertThat(
              elsewhere
                  .resolve("resources")
                  .resolve((String) libraries.get(0).get("jar"))
                  .normalize())
          .isEqualTo(jar);
    }
  }

  @Test
  void serverlessTasksUseAnEnvironmentWithTheJarAsJavaDependency() throws IOException {
    assertThat(
            bundle(
                "--target",
                "prod",
                "--group-by",
                "pipeline",
                "--pipelines",
                "data_processing",
                "--serverless"))
        .as(err.toString())
        .isZero();

    Map<String, Object> job = job("tiny_data_processing");
    BundleStructure.assertWellFormed(job);
    assertThat(job).doesNotContainKey("job_clusters");
    // tiny_reporting's own override adds a job cluster, which no serverless task uses: dropped.
    assertThat(bundle("--target", "prod", "--group-by", "pipeline", "--serverless")).isZero();
    assertThat(job("tiny_reporting")).doesNotContainKey("job_clusters");
    assertThat(
            at(
                ((List<?>) Objects.requireNonNull(job.get("environments"))).get(0),
                "spec",
                "java_dependencies"))
        .isEqualTo(List.of("../target/tiny-1.0-job.jar"));
    assertThat(BundleStructure.tasks(job))
        .allSatisfy(t -> assertThat(t).containsEntry("environment_key", "default"));
  }

  @Test
  void anUnknownTargetIsAUsageError() {
    assertThat(bundle("--target", "staging")).isEqualTo(2);
    assertThat(err.toString()).contains("--target 'staging'").contains("dev").contains("prod");
  }

  @Test
  void anUnknownPipelineIsAUsageError() {
    assertThat(bundle("--target", "prod", "--pipelines", "reportng")).isEqualTo(2);
    assertThat(err.toString()).contains("'reportng'").contains("reporting");
  }

  private Map<String, Object> job(String key) throws IOException {
    return job(project, key);
  }

  private static Map<String, Object> job(Path bundle, String key) throws IOException {
    Map<String, Object> file = load(bundle.resolve("resources/" + key + ".job.yml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> job =
        (Map<String, Object>) Objects.requireNonNull(at(file, "resources", "jobs", key), key);
    return job;
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return SafeYaml.newYaml().load(Files.readString(file));
  }

  private static @Nullable Object at(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      current = ((Map<?, ?>) Objects.requireNonNull(current, key)).get(key);
    }
    return current;
  }
}
