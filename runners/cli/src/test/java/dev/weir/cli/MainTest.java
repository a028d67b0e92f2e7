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
  void filterOptionsSelectNodes() {
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
  void onlyMissingOutputsRunsWhatIsMissing() throws Exception {
    assertThat(weir("run").exitCode()).isZero();
    Files.delete(dir.resolve("data/final_report.txt"));

    Cli cli = weir("run", "--only-missing-outputs");

    assertThat(cli.exitCode()).as(cli.all()).isZero();
    assertThat(cli.out()).contains("(1 nodes ran)");
    assertThat(dir.resolve("data/final_report.txt")).exists();
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
  void aProjectWithoutConfigurationExitsTwoWithOneParagraph() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    Cli cli = Cli.run("run", "--project", empty.toString());

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).startsWith("Error: ").doesNotContain("\tat ");
  }
}
