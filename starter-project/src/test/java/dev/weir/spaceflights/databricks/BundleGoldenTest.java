package dev.weir.spaceflights.databricks;

import static dev.weir.spaceflights.databricks.StarterProject.weir;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.config.SafeYaml;
import dev.weir.databricks.BundleSchema;
import dev.weir.spaceflights.databricks.StarterProject.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir bundle} on the spaceflights project, compared with the golden files in {@code
 * src/test/resources/dev/weir/spaceflights/databricks/bundle/<case>/}, and checked for structure:
 * task keys unique, every {@code depends_on} names a task of the job, no cycle, and valid against
 * the Databricks CLI's bundle schema ({@link BundleSchema}).
 *
 * <p>To accept a deliberate change, run the test with {@code -Dweir.updateGolden=true} and review
 * the diff of the golden files.
 */
class BundleGoldenTest {
  private static final Path GOLDEN =
      StarterProject.SOURCE.resolve("src/test/resources/dev/weir/spaceflights/databricks/bundle");

  @TempDir Path dir;

  private Path project() throws IOException {
    Path project = StarterProject.copyTo(dir.resolve("spaceflights"));
    Files.copy(StarterProject.SOURCE.resolve("pom.xml"), project.resolve("pom.xml"));
    return project;
  }

  @Test
  void oneTaskPerPipelineForDev() throws IOException {
    Path project = project();
    Outcome outcome =
        weir(
            "bundle",
            "--project",
            project.toString(),
            "--group-by",
            "pipeline",
            "--target",
            "dev",
            "--jar",
            "target/spaceflights-job.jar");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertMatchesGolden(project, "pipeline-dev");
    assertWellFormed(project);
  }

  @Test
  void oneTaskPerNodeForProdOnAVolume() throws IOException {
    Path project = project();
    Outcome outcome =
        weir(
            "bundle",
            "--project",
            project.toString(),
            "--group-by",
            "node",
            "--target",
            "prod",
            "--pipelines",
            "data_processing,reporting",
            "--jar",
            "target/spaceflights-job.jar",
            "--remote-project",
            "/Volumes/main/default/spaceflights");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertMatchesGolden(project, "node-prod");
    assertWellFormed(project);
    Map<String, Object> job = job(project, "spaceflights_data_processing");
    assertThat(dependsOn(job, "create_model_input_table_node"))
        .containsExactly(
            "preprocess_companies_node", "preprocess_reviews_node", "preprocess_shuttles_node");
  }

  @Test
  void byDefaultEveryPipelineBundlesWithNoOptions() throws IOException {
    Path project = project();
    Outcome outcome = weir("bundle", "--project", project.toString());

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertWellFormed(project);
    // X_train, X_test, y_train and y_test live in memory: their writer and readers share a task.
    Map<String, Object> job = job(project, "spaceflights_data_science");
    assertThat(tasks(job)).hasSize(1);
    assertThat(map(tasks(job).get(0), "spark_jar_task").get("parameters"))
        .isEqualTo(
            List.of(
                "run",
                "--pipelines",
                "data_science",
                "--nodes",
                "split_data_node,train_model_node,evaluate_model_node",
                "--env",
                "dev"));
    assertThat(tasks(job).get(0))
        .containsEntry("task_key", "split_data_node__train_model_node__evaluate_model_node");
    assertThat(tasks(job(project, "spaceflights"))).hasSizeGreaterThan(1);
  }

  @Test
  void theHelpExampleAndTheReadmeCommandsWork() throws IOException {
    Outcome help = weir("bundle", "--help");
    assertThat(help.out())
        .contains("Example: weir bundle --target prod && databricks bundle deploy");
    List<List<String>> commands =
        List.of(
            List.of("--target", "prod"),
            List.of("--target", "prod", "--serverless"),
            List.of(
                "--target",
                "prod",
                "--group-by",
                "node",
                "--pipelines",
                "data_processing,reporting"),
            List.of("--target", "dev", "--group-by", "pipeline"));
    for (List<String> options : commands) {
      Path project = Files.createDirectories(dir.resolve("run" + commands.indexOf(options)));
      StarterProject.copyTo(project);
      Files.copy(StarterProject.SOURCE.resolve("pom.xml"), project.resolve("pom.xml"));
      List<String> args = new ArrayList<>(List.of("bundle", "--project", project.toString()));
      args.addAll(options);
      Outcome outcome = weir(args.toArray(String[]::new));
      assertThat(outcome.exitCode()).as(options + "\n" + outcome).isZero();
      assertWellFormed(project);
    }
  }

  @Test
  void theReadmesServerlessProdBundle() throws IOException {
    Path project = project();
    Outcome outcome =
        weir(
            "bundle",
            "--project",
            project.toString(),
            "--target",
            "prod",
            "--serverless",
            "--jar",
            "target/spaceflights-job.jar");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertMatchesGolden(project, "default-prod-serverless");
    assertWellFormed(project);
  }

  @Test
  void oneTaskPerNamespaceOnJobClusters() throws IOException {
    Path project = project();
    Outcome outcome =
        weir(
            "bundle",
            "--project",
            project.toString(),
            "--group-by",
            "namespace",
            "--target",
            "prod",
            "--pipelines",
            "data_processing,reporting");

    assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
    assertWellFormed(project);
  }

  @Test
  void aBundleWrittenToASiblingFolderBuildsAndShipsTheStartersJar() throws IOException {
    Path project = project();
    Path bundle = dir.resolve("bundle");
    for (String compute : List.of("classic", "serverless")) {
      List<String> args =
          new ArrayList<>(
              List.of("bundle", "--project", project.toString(), "-o", bundle.toString()));
      if (compute.equals("serverless")) {
        args.add("--serverless");
      }
      Outcome outcome = weir(args.toArray(String[]::new));
      assertThat(outcome.exitCode()).as(outcome.toString()).isZero();
      assertThat(project.resolve("databricks.yml")).doesNotExist();
      BundleSchema.assertValid(bundle);

      Map<String, Object> artifact =
          map(map(load(bundle.resolve("databricks.yml")), "artifacts"), "job_jar");
      // The CLI runs build in path and finds files[].source, both relative to databricks.yml.
      Path buildDir = bundle.resolve((String) artifact.get("path")).normalize();
      assertThat(buildDir).isEqualTo(project.normalize());
      assertThat(buildDir.resolve("pom.xml")).exists();
      assertThat((String) artifact.get("build")).startsWith("mvn ");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> files = (List<Map<String, Object>>) artifact.get("files");
      Path jar = bundle.resolve((String) files.get(0).get("source")).normalize();
      assertThat(jar.getParent()).isEqualTo(project.resolve("target").normalize());
      assertThat(jar.getFileName().toString()).matches("spaceflights-.*-job\\.jar");
      // A local library must lie inside the sync root: the common parent of sync.paths.
      Path syncRoot = bundle;
      for (Object path :
          (List<?>) map(load(bundle.resolve("databricks.yml")), "sync").get("paths")) {
        while (!bundle.resolve((String) path).normalize().startsWith(syncRoot)) {
          syncRoot = syncRoot.getParent();
        }
      }
      assertThat(jar.startsWith(syncRoot)).as(jar + " inside sync root " + syncRoot).isTrue();
      // Libraries and java_dependencies are relative to the resources/*.yml that holds them.
      List<String> jars = jarReferences(bundle);
      assertThat(jars).isNotEmpty();
      for (String reference : jars) {
        assertThat(bundle.resolve("resources").resolve(reference).normalize())
            .as(compute + " " + reference)
            .isEqualTo(jar);
      }
    }
  }

  @Test
  void theCatalogIsLocalInBaseAndOnAVolumeForDatabricks() throws IOException {
    Path project = project();
    Outcome local = weir("catalog", "resolve", "--project", project.toString());
    Outcome prod = weir("catalog", "resolve", "--project", project.toString(), "--env", "prod");

    assertThat(local.exitCode()).as(local.toString()).isZero();
    assertThat(local.out())
        .contains("filepath: data/01_raw/companies.csv")
        .contains("filepath: data/03_primary/model_input_table")
        .doesNotContain("/Volumes/");
    assertThat(prod.exitCode()).as(prod.toString()).isZero();
    assertThat(prod.out())
        .contains("filepath: /Volumes/main/spaceflights/prod/01_raw/companies.csv")
        .doesNotContain("filepath: data/");
  }

  @Test
  void aTargetWhoseCatalogHasRelativePathsIsRefused() throws IOException {
    Path project = project();
    Files.delete(project.resolve("conf/prod/globals.yml"));

    Outcome outcome = weir("bundle", "--project", project.toString(), "--target", "prod");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err())
        .contains("environment 'prod'")
        .contains("companies (data/01_raw/companies.csv)")
        .contains("model_input_table (data/03_primary/model_input_table)")
        .contains(
            "shuttle_passenger_capacity_plot (data/08_reporting/shuttle_passenger_capacity_plot.png)")
        .contains("base_path in conf/prod/globals.yml")
        .contains("--remote-project");
    assertThat(project.resolve("databricks.yml")).doesNotExist();
  }

  @Test
  void theDataSciencePipelineCannotBeSplitByNode() throws IOException {
    Path project = project();
    Outcome outcome =
        weir(
            "bundle",
            "--project",
            project.toString(),
            "--group-by",
            "node",
            "--pipelines",
            "data_science");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err())
        .contains("Dataset 'X_train' lives only in memory")
        .contains("task 'split_data_node'")
        .contains("task 'train_model_node'")
        .contains("--group-by");
    assertThat(project.resolve("databricks.yml")).doesNotExist();
  }

  @Test
  void theJobJarIsNamedAfterThePomByDefault() throws IOException {
    Path project = project();
    assertThat(weir("bundle", "--project", project.toString(), "--group-by", "pipeline").exitCode())
        .isZero();

    String databricksYml = Files.readString(project.resolve("databricks.yml"));
    assertThat(databricksYml)
        .containsPattern("source: target/spaceflights-[0-9][^/]*-job\\.jar")
        .contains("name: spaceflights");
  }

  private static void assertMatchesGolden(Path project, String name) throws IOException {
    Map<String, String> generated = bundleFiles(project);
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("weir.updateGolden")) {
      for (Map.Entry<String, String> file : generated.entrySet()) {
        Path target = golden.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    }
    assertThat(generated).isEqualTo(bundleFiles(golden));
  }

  private static Map<String, String> bundleFiles(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    files.put("databricks.yml", Files.readString(root.resolve("databricks.yml")));
    try (Stream<Path> resources = Files.list(root.resolve("resources"))) {
      for (Path file : resources.toList()) {
        files.put("resources/" + file.getFileName(), Files.readString(file));
      }
    }
    return files;
  }

  private static List<String> jarReferences(Path bundle) throws IOException {
    List<String> jars = new ArrayList<>();
    try (Stream<Path> resources = Files.list(bundle.resolve("resources"))) {
      for (Path file : resources.toList()) {
        for (Object value : map(map(load(file), "resources"), "jobs").values()) {
          Map<String, Object> job = asMap(value);
          for (Map<String, Object> task : tasks(job)) {
            if (task.get("libraries") instanceof List<?> libraries) {
              libraries.forEach(l -> jars.add((String) asMap(l).get("jar")));
            }
          }
          if (job.get("environments") instanceof List<?> environments) {
            for (Object environment : environments) {
              List<?> deps = (List<?>) map(asMap(environment), "spec").get("java_dependencies");
              deps.forEach(d -> jars.add((String) d));
            }
          }
        }
      }
    }
    return jars;
  }

  private static void assertWellFormed(Path project) throws IOException {
    BundleSchema.assertValid(project);
    try (Stream<Path> resources = Files.list(project.resolve("resources"))) {
      for (Path file : resources.toList()) {
        Map<String, Object> jobs = map(map(load(file), "resources"), "jobs");
        for (Map.Entry<String, Object> e : jobs.entrySet()) {
          assertJobWellFormed(e.getKey(), asMap(e.getValue()));
        }
      }
    }
  }

  private static void assertJobWellFormed(String jobKey, Map<String, Object> job) {
    List<String> keys = new ArrayList<>();
    for (Map<String, Object> task : tasks(job)) {
      keys.add((String) task.get("task_key"));
      assertThat(map(task, "spark_jar_task")).containsEntry("main_class_name", "dev.weir.cli.Main");
    }
    assertThat(keys).as(jobKey + " task keys").doesNotHaveDuplicates();
    Set<String> done = new HashSet<>();
    while (done.size() < keys.size()) {
      int before = done.size();
      for (Map<String, Object> task : tasks(job)) {
        List<String> deps = dependsOn(job, (String) task.get("task_key"));
        assertThat(keys).as(jobKey + " depends_on").containsAll(deps);
        if (done.containsAll(deps)) {
          done.add((String) task.get("task_key"));
        }
      }
      assertThat(done.size()).as(jobKey + ": tasks in a cycle").isGreaterThan(before);
    }
  }

  private static Map<String, Object> job(Path project, String key) throws IOException {
    return map(
        map(map(load(project.resolve("resources/" + key + ".job.yml")), "resources"), "jobs"), key);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tasks(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("tasks");
  }

  @SuppressWarnings("unchecked")
  private static List<String> dependsOn(Map<String, Object> job, String taskKey) {
    for (Map<String, Object> task : tasks(job)) {
      if (taskKey.equals(task.get("task_key"))) {
        List<Map<String, Object>> deps = (List<Map<String, Object>>) task.get("depends_on");
        return deps == null
            ? List.of()
            : deps.stream().map(d -> (String) d.get("task_key")).toList();
      }
    }
    throw new AssertionError("no task " + taskKey);
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return SafeYaml.newYaml().load(Files.readString(file));
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return asMap(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }
}
