package dev.weir.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.config.ConfigException;
import dev.weir.io.Versions;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineException;
import dev.weir.pipeline.PipelineFilter;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.runner.NodeFailedException;
import dev.weir.testing.RecordingHook;
import dev.weir.testing.ServiceLoadedHook;
import dev.weir.testing.TestProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTest {
  @TempDir Path dir;

  private Session session(RecordingHook hook) {
    TestProject.create(dir);
    return Session.builder().projectPath(dir).hooks(hook).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sequential", "parallel"})
  void aRunFiresPipelineHooksAroundNodeHooks(String runner) {
    RecordingHook hook = new RecordingHook();

    RunResult result =
        session(hook)
            .run(RunOptions.defaults().withPipelines("data_processing").withRunner(runner, 2));

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    List<String> events = hook.events();
    assertThat(events.get(0)).isEqualTo("afterCatalogCreated");
    assertThat(events.get(1)).isEqualTo("beforePipelineRun");
    assertThat(events.get(events.size() - 1)).isEqualTo("afterPipelineRun");
    assertThat(events)
        .containsSubsequence(
            "beforeDatasetLoaded:raw@clean",
            "afterDatasetLoaded:raw@clean",
            "beforeNodeRun@clean",
            "afterNodeRun@clean",
            "beforeDatasetSaved:cleaned@clean",
            "afterDatasetSaved:cleaned@clean",
            "beforeDatasetLoaded:cleaned@summarize",
            "afterDatasetLoaded:cleaned@summarize",
            "beforeDatasetLoaded:params:greeting@summarize",
            "afterDatasetLoaded:params:greeting@summarize",
            "beforeNodeRun@summarize",
            "afterNodeRun@summarize",
            "beforeDatasetSaved:summary@summarize",
            "afterDatasetSaved:summary@summarize");
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("hello WEIR");
  }

  @Test
  void theResultHasTheRunIdDurationsAndWhereOutputsWent() {
    RunResult result = session(new RecordingHook()).run();

    assertThat(result.runId()).matches(Versions.VERSION_PATTERN);
    assertThat(result.nodeSeconds()).containsOnlyKeys("clean", "summarize", "reports.report");
    assertThat(result.nodeSeconds().values()).allSatisfy(s -> assertThat(s).isNotNegative());
    assertThat(result.savedOutputs()).containsOnlyKeys("summary", "final_report");
    assertThat(
            Objects.requireNonNull(
                    Objects.requireNonNull(result.savedOutputs().get("final_report"))
                        .get("filepath"))
                .toString())
        .endsWith("final_report.txt");
    assertThat(result.error()).isNull();
  }

  @Test
  void everyRunGetsItsOwnRunId() {
    Session session = session(new RecordingHook());
    String first = session.run().runId();
    assertThat(session.run().runId()).isNotEqualTo(first);
  }

  @Test
  void aNodeFailureIsReturnedWithTheResumeCommandAndFiresOnPipelineError() {
    RecordingHook hook = new RecordingHook();

    RunResult result = session(hook).run(RunOptions.defaults().withPipelines("broken"));

    assertThat(result.status()).isEqualTo(RunResult.Status.FAILED);
    assertThat(result.error())
        .isInstanceOf(NodeFailedException.class)
        .hasMessageContaining("Node 'explode' failed")
        .hasMessageContaining("weir run --from-nodes explode");
    assertThat(result.nodeSeconds()).containsOnlyKeys("stage");
    assertThat(result.savedOutputs()).containsOnlyKeys("staged");
    assertThat(hook.events()).endsWith("onPipelineError").doesNotContain("afterPipelineRun");
    assertThatThrownBy(result::orThrow).isInstanceOf(NodeFailedException.class);
  }

  @Test
  void runtimeParamsAndEnvironmentsApply() {
    TestProject.create(dir);

    Session prod = Session.builder().projectPath(dir).env("prod").build();
    prod.run(RunOptions.defaults().withPipelines("data_processing"));
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("bonjour WEIR");

    Session params = Session.builder().projectPath(dir).runtimeParams("greeting=hej").build();
    params.run(RunOptions.defaults().withPipelines("data_processing"));
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("hej WEIR");
  }

  @Test
  void filtersAndLoadVersionsApply() {
    TestProject.create(dir);
    Session session = Session.builder().projectPath(dir).build();

    RunResult result =
        session.run(
            RunOptions.defaults()
                .withFilter(PipelineFilter.NONE.withToNodes(List.of("summarize")))
                .withLoadVersions(Map.of("raw", "v1")));

    assertThat(result.nodeSeconds()).containsOnlyKeys("clean", "summarize");
    assertThat(TestProject.read(dir.resolve("data/summary.txt"))).isEqualTo("hello VERSIONED");
  }

  @Test
  void unknownLoadVersionDatasetsAreNamed() {
    TestProject.create(dir);
    Session session = Session.builder().projectPath(dir).build();

    assertThatThrownBy(
            () -> session.run(RunOptions.defaults().withLoadVersions(Map.of("summry", "v1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("summry")
        .hasMessageContaining("summary");
  }

  @Test
  void onlyMissingOutputsSkipsNodesWhoseOutputsExist() {
    Session session = session(new RecordingHook());
    session.run();
    assertThat(dir.resolve("data/final_report.txt")).exists();

    RunResult nothingMissing = session.run(RunOptions.defaults().withOnlyMissingOutputs(true));
    assertThat(nothingMissing.nodeSeconds()).isEmpty();

    dir.resolve("data/final_report.txt").toFile().delete();
    RunResult reportMissing = session.run(RunOptions.defaults().withOnlyMissingOutputs(true));
    assertThat(reportMissing.nodeSeconds()).containsOnlyKeys("reports.report");
    assertThat(dir.resolve("data/final_report.txt")).exists();
  }

  @Test
  void dryRunPlansWithoutComputingOrFiringHooks() {
    RecordingHook hook = new RecordingHook();

    RunPlan plan = session(hook).dryRun(RunOptions.defaults());

    assertThat(plan.steps())
        .extracting(RunPlan.Step::node)
        .containsExactly("clean", "summarize", "reports.report");
    assertThat(plan.steps().get(1).inputs()).containsExactly("cleaned", "params:greeting");
    assertThat(plan.steps().get(1).outputs()).containsExactly("summary");
    assertThat(hook.events()).isEmpty();
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void runWithDryRunReturnsADryRunResultAndComputesNothing() {
    RunResult result = session(new RecordingHook()).run(RunOptions.defaults().withDryRun(true));

    assertThat(result.status()).isEqualTo(RunResult.Status.DRY_RUN);
    assertThat(result.nodeSeconds()).isEmpty();
    assertThat(dir.resolve("data/summary.txt")).doesNotExist();
  }

  @Test
  void dryRunNamesAMissingInput() {
    assertThatThrownBy(
            () ->
                session(new RecordingHook()).dryRun(RunOptions.defaults().withPipelines("missing")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not_in_catalog")
        .hasMessageContaining("nothing was run");
  }

  @Test
  void dryRunReportsParameterBindingProblems() {
    TestProject.create(dir);
    Session session =
        Session.builder().projectPath(dir).runtimeParams("options.repeat=many").build();

    assertThatThrownBy(() -> session.dryRun(RunOptions.defaults().withPipelines("typed")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("params:options")
        .hasMessageContaining("typed");
  }

  @Test
  void typedParametersBindInARealRun() {
    TestProject.create(dir);
    Session session = Session.builder().projectPath(dir).build();

    RunResult result = session.run(RunOptions.defaults().withPipelines("typed"));

    assertThat(result.status()).isEqualTo(RunResult.Status.SUCCESS);
    assertThat(result.nodeSeconds()).containsOnlyKeys("typed");
  }

  @Test
  void unknownPipelinesAreNamedWithTheClosestOnes() {
    assertThatThrownBy(
            () -> session(new RecordingHook()).run(RunOptions.defaults().withPipelines("reportin")))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("reportin")
        .hasMessageContaining("reporting");
  }

  @Test
  void aRegistryWithoutDefaultIsRejected() {
    TestProject.create(dir);
    PipelineRegistry noDefault =
        () ->
            Map.of(
                "only",
                Pipeline.of(
                    Node.node((String r) -> r).inputs("raw").output("x").name("n").build()));
    Session session = Session.builder().projectPath(dir).pipelineRegistry(noDefault).build();

    assertThatThrownBy(session::pipelines)
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("__default__");
  }

  @Test
  void hooksComeFromTheServiceLoaderAndTheBuilder() {
    RecordingHook passed = new RecordingHook();
    Session session = session(passed);

    assertThat(session.hooks()).hasAtLeastOneElementOfType(ServiceLoadedHook.class);
    assertThat(session.hooks().get(session.hooks().size() - 1))
        .as("hooks passed in come after the service-loaded ones")
        .isSameAs(passed);
    RunResult result = session.run(RunOptions.defaults().withPipelines("data_processing"));
    assertThat(session.summaryLines(result)).contains("Test tracking run for " + result.runId());
  }

  @Test
  void theConfSourceCanBeElsewhere() throws Exception {
    TestProject.create(dir);
    Path elsewhere = dir.resolve("other-conf");
    Files.move(dir.resolve("conf"), elsewhere);

    Session session = Session.builder().projectPath(dir).confSource(elsewhere).build();

    assertThat(session.run(RunOptions.defaults().withPipelines("data_processing")).status())
        .isEqualTo(RunResult.Status.SUCCESS);
  }

  @Test
  void aNonSparkObjectIsRefusedAsSparkSession() {
    assertThatThrownBy(() -> Session.builder().sparkSession("not a session"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SparkSession");
  }
}
