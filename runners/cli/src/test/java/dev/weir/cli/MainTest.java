package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.config.SafeYaml;
import dev.weir.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private String project;

  @BeforeEach
  void createProject() {
    TestProject.create(dir);
    project = dir.toString();
  }

  private Cli weir(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--project");
    all.add(project);
    return Cli.run(all.toArray(String[]::new));
  }

  private List<String> plannedNodes(Cli cli) {
    List<String> nodes = new ArrayList<>();
    for (String line : cli.out().split("\n")) {
      String t = line.trim();
      if (t.matches("\\d+\\. .*")) {
        nodes.add(t.substring(t.indexOf(' ') + 1));
      }
    }
    return nodes;
  }

  @Test
  void runRunsTheDefaultPipelineAndPrintsASummary() {
    Cli cli = weir("run");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out())
        .containsPattern("Run \\d{4}-\\d{2}-\\d{2}T\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{3}Z finished in")
        .contains("(3 nodes ran)")
        .contains("Saved outputs:")
        .contains("summary -> test.TextFileDataset at " + dir.resolve("data/summary.txt"))
        .contains("final_report -> test.TextFileDataset at")
        .contains("Test tracking run for ");
    assertThat(TestProject.read(dir.resolve("data/final_report.txt")))
        .isEqualTo("report: hello WEIR");
  }

  @Test
  void aFailingNodeExitsOneWithTheResumeCommand() {
    Cli cli = weir("run", "--pipelines", "broken");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err())
        .contains("Node 'explode' failed")
        .contains("explode always fails")
        .contains("inputs: staged")
        .contains("weir run --from-nodes explode")
        .doesNotContain("\tat ");
    assertThat(cli.out()).contains("failed in").contains("staged -> ");
  }

  @Test
  void verboseAddsTheStackTrace() {
    Cli cli = weir("run", "--pipelines", "broken", "--verbose");

    assertThat(cli.exitCode()).isEqualTo(1);
    assertThat(cli.err()).contains("\tat ").contains("IllegalStateException");
  }

  @Test
  void dryRunWithAMissingInputExitsTwoNamingTheInput() {
    Cli cli = weir("run", "--pipelines", "missing", "--dry-run");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("not_in_catalog").doesNotContain("\tat ");
    assertThat(dir.resolve("data/whatever")).doesNotExist();
  }

  @Test
  void aMissingRawFileIsAConfigurationErrorNamingTheDatasetAndPath() throws Exception {
    Files.delete(dir.resolve("data/raw.txt"));

    for (String[] args : List.of(new String[] {"run", "--dry-run"}, new String[] {"run"})) {
      Cli cli = weir(args);

      assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
      assertThat(cli.err())
          .contains("Free input 'raw'")
          .contains("has no data at " + dir.resolve("data/raw.txt"))
          .contains("catalog.yml")
          .doesNotContain("Node 'clean' failed")
          .doesNotContain("\tat ");
      assertThat(dir.resolve("data/summary.txt")).doesNotExist();
    }
  }

  @Test
  void dryRunWithMissingCredentialsExitsTwoNamingTheBlockAndShowingNoSecret() {
    TestProject.write(dir.resolve("conf/local/credentials.yml"), "other_creds:\n  token: x\n");

    Cli cli = weir("run", "--dry-run");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err()).contains("db_creds").contains("raw").doesNotContain("\tat ");
    assertThat(cli.all()).doesNotContain(TestProject.SECRET);
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void dryRunWithAnUnknownDatasetTypeExitsTwoNamingTheEntry() {
    TestProject.write(
        dir.resolve("conf/base/catalog.yml"),
        TestProject.read(dir.resolve("conf/base/catalog.yml"))
            + "\nextra:\n  type: test.NoSuchDataset\n  filepath: data/extra.txt\n");

    Cli cli = weir("run", "--dry-run");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err()).contains("extra").contains("test.NoSuchDataset").doesNotContain("\tat ");
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void dryRunPrintsThePlanAndComputesNothing() {
    Cli cli = weir("run", "--dry-run", "--spark-remote", "sc://localhost:1");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(plannedNodes(cli)).containsExactly("clean", "summarize", "reports.report");
    assertThat(cli.out())
        .contains("inputs:  cleaned, params:greeting")
        .contains("outputs: summary")
        .contains("nothing was computed");
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void aSparkMasterTogetherWithASparkRemoteIsAUsageError() {
    Cli cli =
        weir(
            "run",
            "--spark-master",
            "spark://127.0.0.1:7077",
            "--spark-remote",
            "sc://127.0.0.1:1");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err()).contains("--spark-master").contains("--spark-remote");
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void filterOptionsSelectNodes() {
    // Some filters make "summary" a free input: the dry run checks that its data exists.
    TestProject.write(dir.resolve("data/summary.txt"), "hello WEIR");
    assertThat(plannedNodes(weir("run", "--dry-run", "--tags", "prep,summary")))
        .containsExactly("clean", "summarize");
    assertThat(plannedNodes(weir("run", "--dry-run", "--tags", "prep"))).containsExactly("clean");
    assertThat(plannedNodes(weir("run", "--dry-run", "--nodes", "clean,reports.report")))
        .containsExactly("clean", "reports.report");
    assertThat(plannedNodes(weir("run", "--dry-run", "--from-nodes", "reports.report")))
        .containsExactly("reports.report");
    assertThat(plannedNodes(weir("run", "--dry-run", "--to-nodes", "summarize")))
        .containsExactly("clean", "summarize");
    assertThat(plannedNodes(weir("run", "--dry-run", "--from-inputs", "summary")))
        .containsExactly("reports.report");
    assertThat(plannedNodes(weir("run", "--dry-run", "--to-outputs", "cleaned")))
        .containsExactly("clean");
    assertThat(plannedNodes(weir("run", "--dry-run", "--namespaces", "reports")))
        .containsExactly("reports.report");
    assertThat(plannedNodes(weir("run", "--dry-run", "--pipelines", "data_processing,reporting")))
        .containsExactly("clean", "summarize", "reports.report");
  }

  @Test
  void aFilterThatCutsAMemoryInputFailsTheDryRunNamingIt() {
    // Only "summarize" runs, but its input "cleaned" lived in memory: nothing can provide it.
    Cli cli = weir("run", "--dry-run", "--tags", "summary");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("'cleaned'");
  }

  @Test
  void aFilterNamingAnUnknownNodeExitsTwo() {
    Cli cli = weir("run", "--nodes", "clen");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("clen");
  }

  @Test
  void paramsAndEnvReachTheNodes() {
    assertThat(weir("run", "--pipelines", "data_processing", "--params", "greeting=hi").exitCode())
        .isZero();
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("hi WEIR");

    assertThat(weir("run", "--pipelines", "data_processing", "--env", "prod").exitCode()).isZero();
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("bonjour WEIR");
  }

  @Test
  void aRuntimeParameterNoNodeReadsIsAWarningWithTheClosestKeyAndAnErrorInADryRun() {
    Cli run = weir("run", "--pipelines", "data_processing", "--params", "greting=hi");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.err())
        .contains("Warning: Runtime parameter 'greting' (--params) is read by no node")
        .contains("Did you mean: greeting?");

    Cli nested = weir("run", "--dry-run", "--params", "option.repeat=3");
    assertThat(nested.exitCode()).as(nested.all()).isEqualTo(2);
    assertThat(nested.err())
        .contains("runtime parameters: Runtime parameter 'option.repeat'")
        .contains("Did you mean: options.repeat")
        .doesNotContain("\tat ");

    Cli read = weir("run", "--dry-run", "--params", "options.repeat=3,greeting=hi");
    assertThat(read.exitCode()).as(read.all()).isZero();
    assertThat(read.err()).doesNotContain("Runtime parameter");
  }

  @Test
  void malformedParamsExitTwo() {
    Cli cli = weir("run", "--params", "no_equals_sign");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("no_equals_sign");
  }

  @Test
  void theParallelRunnerAndMaxWorkersWork() {
    Cli cli = weir("run", "--runner", "parallel", "--max-workers", "2");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).contains("(3 nodes ran)");
  }

  @Test
  void badRunnerOptionsExitTwo() {
    assertThat(weir("run", "--runner", "bogus").exitCode()).isEqualTo(2);
    assertThat(weir("run", "--runner", "bogus").err()).contains("--runner sequential");
    assertThat(weir("run", "--runner", "parallel", "--max-workers", "0").exitCode()).isEqualTo(2);
    assertThat(weir("run", "--max-workers", "many").exitCode()).isEqualTo(2);
  }

  @Test
  void maxWorkersIsCheckedBeforeAnyWorkWhateverTheRunner() {
    List<List<String>> cases =
        List.of(
            List.of("run", "--max-workers", "-3"),
            List.of("run", "--max-workers", "0"),
            List.of("run", "--max-workers", "0", "--dry-run"),
            List.of("run", "--runner", "parallel", "--max-workers", "-3", "--dry-run"));
    for (List<String> args : cases) {
      Cli cli = weir(args.toArray(String[]::new));

      assertThat(cli.exitCode()).as(args + ": " + cli.all()).isEqualTo(2);
      assertThat(cli.err())
          .as(args.toString())
          .contains(
              "--max-workers must be a positive number of threads, got "
                  + args.get(args.indexOf("--max-workers") + 1))
          .contains("Pass 1 or more")
          .doesNotContain("\tat ");
      assertThat(cli.err().strip().lines().count()).as(cli.err()).isEqualTo(1);
      assertThat(dir.resolve("data/summary.txt")).doesNotExist();
    }
    Cli runner = weir("run", "--runner", "bogus", "--dry-run");
    assertThat(runner.exitCode()).isEqualTo(2);
    assertThat(runner.err()).contains("'bogus'").contains("--runner sequential");
  }

  @Test
  void loadVersionsPickTheVersion() {
    Cli cli = weir("run", "--pipelines", "data_processing", "--load-versions", "raw:v1");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("hello VERSIONED");
  }

  @Test
  void badLoadVersionsExitTwo() {
    Cli malformed = weir("run", "--load-versions", "raw");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains("DATASET:VERSION");

    Cli unknown = weir("run", "--load-versions", "rawz:v1");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("rawz").contains("raw");
  }

  @Test
  void aLoadVersionForADatasetThatIsNotVersionedIsRefusedUpFront() {
    Cli cli = weir("run", "--load-versions", "summary:2020-01-01T00.00.00.000Z");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("dataset 'summary' is not versioned")
        .contains("catalog.yml")
        .contains("versioned: true")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void aLoadVersionThatDoesNotExistIsRefusedUpFrontListingTheVersions() {
    for (boolean dryRun : List.of(false, true)) {
      List<String> args = new ArrayList<>(List.of("run", "--load-versions", "raw:v2"));
      if (dryRun) {
        args.add("--dry-run");
      }
      Cli cli = weir(args.toArray(String[]::new));

      assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
      assertThat(cli.err())
          .contains("raw:v2")
          .contains("that version of dataset 'raw' does not exist")
          .contains("Versions that exist, oldest first: v1")
          .doesNotContain("\tat ");
      assertThat(dir.resolve("data/summary.txt")).doesNotExist();
    }
  }

  @Test
  void onlyMissingOutputsRunsWhatIsMissing() throws Exception {
    assertThat(weir("run").exitCode()).isZero();
    Files.delete(dir.resolve("data/final_report.txt"));

    Cli cli = weir("run", "--only-missing-outputs");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).contains("(1 nodes ran)");
    assertThat(dir.resolve("data/final_report.txt")).exists();
  }

  /**
   * An output that cannot say whether an earlier run wrote it (as an MLflow metric, here {@link
   * RunMetricDatasetType}) does not make its node run again after a complete run.
   */
  @Test
  void onlyMissingOutputsAfterACompleteRunRunsNothingEvenWithARunMetricOutput() {
    TestProject.write(
        dir.resolve("conf/base/catalog_metrics.yml"),
        "final_report:\n  type: test.RunMetricDataset\n");
    Cli complete = weir("run");
    assertThat(complete.exitCode()).as(complete.all()).isZero();
    assertThat(complete.out()).contains("(3 nodes ran)");

    Cli cli = weir("run", "--only-missing-outputs");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).contains("(0 nodes ran)");
  }

  @Test
  void confSourcePointsAtAnotherDirectory() throws Exception {
    Files.move(dir.resolve("conf"), dir.resolve("settings"));

    assertThat(weir("run", "--pipelines", "data_processing").exitCode()).isEqualTo(2);
    Cli cli = weir("run", "--pipelines", "data_processing", "--conf-source", "settings");
    assertThat(cli.exitCode()).as(cli.all()).isZero();
  }

  @Test
  void typedParameterErrorsExitTwoBeforeAnyNodeRuns() {
    Cli cli = weir("run", "--pipelines", "typed", "--params", "options.repeat=many");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("params:options");
  }

  @Test
  void pipelineListAndDescribe() throws Exception {
    Cli list = weir("pipeline", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .contains("__default__ (3 nodes)")
        .contains("data_processing (2 nodes)")
        .contains("broken (2 nodes)");

    Cli text = weir("pipeline", "describe", "data_processing");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("clean").contains("inputs:  cleaned, params:greeting");

    Cli json = weir("pipeline", "describe", "__default__", "--json");
    assertThat(json.exitCode()).isZero();
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertThat(tree.get("name").asText()).isEqualTo("__default__");
    assertThat(tree.get("nodes")).hasSize(3);
    assertThat(tree.get("nodes").get(2).get("name").asText()).isEqualTo("reports.report");
    assertThat(tree.get("nodes").get(2).get("namespace").asText()).isEqualTo("reports");
    assertThat(tree.get("inputs").get(0).asText()).isEqualTo("params:greeting");

    Cli unknown = weir("pipeline", "describe", "nope");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("nope").contains("data_processing");
  }

  @Test
  void catalogListMarksFactoryAndMemoryDatasetsWithoutCredentials() throws Exception {
    Cli text = weir("catalog", "list");
    assertThat(text.exitCode()).as(text.all()).isZero();
    assertThat(text.out())
        .contains("final_report  test.TextFileDataset  [factory: {name}_report]")
        .contains("cleaned  MemoryDataset  [memory]")
        .doesNotContain(TestProject.SECRET);

    Cli json = weir("catalog", "list", "--json", "--pipelines", "__default__");
    assertThat(json.exitCode()).isZero();
    assertThat(json.out()).doesNotContain(TestProject.SECRET);
    JsonNode list = new ObjectMapper().readTree(json.out());
    JsonNode cleaned = find(list, "cleaned");
    assertThat(cleaned.get("memory").asBoolean()).isTrue();
    assertThat(cleaned.get("writtenBy").get(0).asText()).isEqualTo("clean");
    assertThat(cleaned.get("readBy").get(0).asText()).isEqualTo("summarize");
    JsonNode report = find(list, "final_report");
    assertThat(report.get("factoryPattern").asText()).isEqualTo("{name}_report");
    assertThat(report.get("memory").asBoolean()).isFalse();
    assertThat(find(list, "raw").get("type").asText()).isEqualTo("test.TextFileDataset");
  }

  @Test
  void catalogListCallsADatasetNoNodeReadsAnOutputAndShowsEachLocation() throws Exception {
    Cli text = weir("catalog", "list", "--pipelines", "__default__");

    assertThat(text.exitCode()).as(text.all()).isZero();
    assertThat(text.out())
        .contains(
            "final_report  test.TextFileDataset  [factory: {name}_report]\n"
                + "    location:   data/final_report.txt\n"
                + "    written by: reports.report\n"
                + "    read by:    (no node: an output)\n")
        .contains(
            "raw  test.TextFileDataset\n"
                + "    location:   data/raw.txt\n"
                + "    written by: (no node: a free input)\n"
                + "    read by:    clean\n")
        .contains("cleaned  MemoryDataset  [memory]\n    written by: clean\n")
        .doesNotContain("read by:    (free input)")
        .doesNotContain(TestProject.SECRET);

    Cli json = weir("catalog", "list", "--json", "--pipelines", "__default__");
    JsonNode list = new ObjectMapper().readTree(json.out());
    assertThat(find(list, "raw").get("location").asText()).isEqualTo("data/raw.txt");
    assertThat(find(list, "cleaned").get("location").asText()).isEmpty();
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.get("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  @Test
  @SuppressWarnings("unchecked")
  void catalogResolveAppliesFactoriesWithoutCredentials() {
    Cli cli = weir("catalog", "resolve");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).doesNotContain(TestProject.SECRET);
    Map<String, Object> yaml = SafeYaml.newYaml().load(cli.out());
    assertThat((Map<String, Object>) yaml.get("final_report"))
        .containsEntry("type", "test.TextFileDataset")
        .containsEntry("filepath", "data/final_report.txt");
    assertThat((Map<String, Object>) yaml.get("raw")).containsEntry("credentials", "db_creds");
    assertThat(yaml).doesNotContainKey("cleaned").doesNotContainKey("params:greeting");
  }

  @Test
  void infoShowsVersionsProjectTypesAndHooks() {
    Cli cli = weir("info");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out())
        .contains("Weir ")
        .contains("Java " + System.getProperty("java.version"))
        .contains("Project: " + dir)
        .contains("Environment: local")
        .contains("test.TextFileDataset")
        .contains("dev.weir.testing.ServiceLoadedHook")
        .contains("Pipelines: __default__, broken");
  }

  @Test
  void completionPrintsABashScript() {
    Cli cli = Cli.run("completion");

    assertThat(cli.exitCode()).isZero();
    assertThat(cli.out()).contains("complete -F").contains("--only-missing-outputs");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(Cli.run("run", "--no-such-option").exitCode()).isEqualTo(2);
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(Cli.run().exitCode()).isEqualTo(2);
    assertThat(Cli.run("pipeline").exitCode()).isEqualTo(2);
    assertThat(Cli.run("catalog").exitCode()).isEqualTo(2);
    assertThat(Cli.run("--version").out()).contains("Weir ");
  }

  @Test
  void aMistypedCommandIsAnsweredWithTheClosestCommand() {
    Cli cli = Cli.run("rnu");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("'rnu'").contains("Did you mean: run");
  }

  @Test
  void anEmptyNodeListSaysSoInsteadOfRunningEverything() {
    Cli cli = weir("run", "--nodes", "");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err()).contains("--nodes was given an empty list").doesNotContain("\tat ");
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void aNodeNameWithNoCloseMatchListsThePipelinesNodes() {
    Cli cli = weir("run", "--nodes", "zzzzqqq");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("'zzzzqqq'")
        .contains("Its nodes are: clean, reports.report, summarize.")
        .contains("weir pipeline describe __default__");
  }

  @Test
  void aConfSourceThatDoesNotExistIsNamedWithoutAdvisingConfSource() {
    Cli cli = weir("run", "--conf-source", "/nowhere");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("--conf-source /nowhere: the directory /nowhere does not exist")
        .doesNotContain("pass --conf-source")
        .doesNotContain("\tat ");
  }

  @Test
  void aCatalogEntryWrittenAsAYamlListIsNamedWithItsFile() {
    TestProject.write(
        dir.resolve("conf/base/catalog.yml"),
        TestProject.read(dir.resolve("conf/base/catalog.yml"))
            + "\nlisted:\n  - type: test.TextFileDataset\n  - filepath: data/listed.txt\n");

    Cli cli = weir("run", "--dry-run");

    assertThat(cli.exitCode()).as(cli.all()).isEqualTo(2);
    assertThat(cli.err())
        .contains("Catalog entry 'listed'")
        .contains("catalog.yml")
        .contains("is a YAML list")
        .doesNotContain("UnmodifiableRandomAccessList")
        .doesNotContain("\tat ");
  }

  @Test
  void aProjectWithoutConfigurationExitsTwoWithOneParagraph() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli cli = Cli.run("run", "--project", empty.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("Error: ").doesNotContain("\tat ");
  }
}
