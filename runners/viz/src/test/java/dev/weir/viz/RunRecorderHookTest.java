package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetLoadedEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.ExpectationsCheckedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.io.Expectation;
import dev.weir.io.ExpectationResult;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.RunInterruptedException;
import dev.weir.testing.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the hook in the order the runners call hooks (see {@link Hook}) and checks the file it
 * writes; the runners' own tests check that they call hooks in that order.
 */
class RunRecorderHookTest {
  @TempDir Path project;

  private RunParams run() {
    return TestRuns.defaultRun("2026-02-03T04.05.06.789Z", project);
  }

  private Node node(Pipeline pipeline, String name) {
    return pipeline.node(name).orElseThrow();
  }

  /** Runs one node through its load, run and save hooks. */
  private static void runNode(Hook hook, DataCatalog catalog, Node node, boolean fail) {
    node.inputs().forEach(i -> hook.beforeDatasetLoaded(new DatasetLoadEvent(i, node)));
    node.inputs().forEach(i -> hook.afterDatasetLoaded(new DatasetLoadedEvent(i, "data", node)));
    hook.beforeNodeRun(new NodeRunEvent(node, catalog, Map.of(), false, "run"));
    if (fail) {
      hook.onNodeError(
          new NodeErrorEvent(
              new IllegalStateException("boom\nsecond line"),
              node,
              catalog,
              Map.of(),
              false,
              "run"));
      return;
    }
    hook.afterNodeRun(new NodeCompletedEvent(node, catalog, Map.of(), Map.of(), false, "run"));
    for (String output : node.outputs()) {
      hook.beforeDatasetSaved(new DatasetSaveEvent(output, "data", node));
      hook.afterDatasetSaved(new DatasetSavedEvent(output, "data", node));
    }
  }

  private JsonNode readRecord() throws IOException {
    Path file = project.resolve(".weir/last-run.json");
    assertThat(file).isRegularFile();
    return new ObjectMapper().readTree(Files.readString(file));
  }

  @Test
  void aSuccessfulRunRecordsEveryNodeAndThePersistedOutputs() throws IOException {
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    RunRecorderHook hook = new RunRecorderHook();

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    for (Node node : pipeline.nodes()) {
      runNode(hook, catalog, node, false);
    }
    hook.afterPipelineRun(new PipelineRunEvent(run(), pipeline, catalog));

    JsonNode record = readRecord();
    assertThat(record.get("runId").asText()).isEqualTo("2026-02-03T04.05.06.789Z");
    assertThat(record.get("status").asText()).isEqualTo("success");
    assertThat(record.get("env").asText()).isEqualTo("local");
    assertThat(record.get("failedNodes")).isEmpty();
    assertThat(record.get("nodes").fieldNames())
        .toIterable()
        .containsExactly(
            "preprocess_companies_node", "create_model_input_table_node", "ds.eval.evaluate");
    for (JsonNode n : record.get("nodes")) {
      assertThat(n.get("status").asText()).isEqualTo("success");
      assertThat(n.get("durationSeconds").asDouble()).isGreaterThanOrEqualTo(0.0);
      assertThat(n.get("error").isNull()).isTrue();
    }
    // Memory outputs are not recorded; persisted ones are, with their writer. The saved data is
    // not a Spark DataFrame, so no count is known.
    assertThat(record.get("datasets").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("model_input_table@spark", "ds.eval.metrics");
    assertThat(record.get("datasets").get("ds.eval.metrics").get("node").asText())
        .isEqualTo("ds.eval.evaluate");
    assertThat(record.get("datasets").get("ds.eval.metrics").get("rows").isNull()).isTrue();
    assertThat(LastRunStore.read(project)).get().extracting(LastRun::status).isEqualTo("success");
  }

  @Test
  void aFailedRunRecordsTheFailedNodeItsErrorAndWhatNeverRan() throws IOException {
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    RunRecorderHook hook = new RunRecorderHook();

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    runNode(hook, catalog, node(pipeline, "preprocess_companies_node"), false);
    runNode(hook, catalog, node(pipeline, "create_model_input_table_node"), true);
    hook.onPipelineError(
        new PipelineErrorEvent(new RuntimeException("node failed"), run(), pipeline, catalog));

    JsonNode record = readRecord();
    assertThat(record.get("status").asText()).isEqualTo("failed");
    assertThat(record.get("failedNodes").get(0).asText())
        .isEqualTo("create_model_input_table_node");
    assertThat(record.get("failedNodes")).hasSize(1);
    JsonNode failed = record.get("nodes").get("create_model_input_table_node");
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).isEqualTo("IllegalStateException: boom");
    assertThat(record.get("nodes").get("preprocess_companies_node").get("status").asText())
        .isEqualTo("success");
    assertThat(record.get("nodes").has("ds.eval.evaluate")).as("never started").isFalse();
  }

  @Test
  void aNodeWhoseSaveFailsIsRecordedAsFailedWithThePipelineError() throws IOException {
    // On Spark the work runs during the save, after after_node_run: a failing save fails the node.
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    Node create = node(pipeline, "create_model_input_table_node");
    RunRecorderHook hook = new RunRecorderHook();

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    hook.beforeNodeRun(new NodeRunEvent(create, catalog, Map.of(), false, "run"));
    hook.afterNodeRun(new NodeCompletedEvent(create, catalog, Map.of(), Map.of(), false, "run"));
    hook.beforeDatasetSaved(new DatasetSaveEvent("model_input_table@spark", "data", create));
    hook.onPipelineError(
        new PipelineErrorEvent(
            new dev.weir.io.DatasetException("Failed to save model_input_table"),
            run(),
            pipeline,
            catalog));

    JsonNode record = readRecord();
    assertThat(record.get("failedNodes").get(0).asText())
        .isEqualTo("create_model_input_table_node");
    assertThat(record.get("nodes").get("create_model_input_table_node").get("error").asText())
        .isEqualTo("DatasetException: Failed to save model_input_table");
  }

  /**
   * SIGTERM / Ctrl-C: the session reports a {@link RunInterruptedException} from its shutdown hook.
   */
  @Test
  void anInterruptedRunIsRecordedAsInterruptedWithTheNodeThatWasRunning() {
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    Node companies = node(pipeline, "preprocess_companies_node");
    Node create = node(pipeline, "create_model_input_table_node");
    RunRecorderHook hook = new RunRecorderHook();

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    runNode(hook, catalog, companies, false);
    hook.beforeNodeRun(new NodeRunEvent(create, catalog, Map.of(), false, "run"));
    hook.onPipelineError(
        new PipelineErrorEvent(
            new RunInterruptedException(
                List.of("create_model_input_table_node"),
                List.of("create_model_input_table_node"),
                5,
                Map.of("preprocess_companies_node", 1.0)),
            run(),
            pipeline,
            catalog));

    LastRun last = LastRunStore.read(project).orElseThrow();
    assertThat(last.status()).isEqualTo(LastRun.INTERRUPTED).isEqualTo("interrupted");
    assertThat(last.nodes().get("create_model_input_table_node").status()).isEqualTo("interrupted");
    assertThat(last.nodes().get("preprocess_companies_node").status()).isEqualTo("success");
    assertThat(last.failedNodes()).isEmpty();
  }

  @Test
  void expectationResultsAreRecordedPerDatasetAndReadBack() {
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    RunRecorderHook hook = new RunRecorderHook();
    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    Expectation positive = new Expectation("positive", "price > 0", Expectation.OnViolation.FAIL);
    hook.afterExpectationsChecked(
        new ExpectationsCheckedEvent(
            "run",
            "model_input_table@spark",
            List.of(new ExpectationResult("model_input_table@spark", positive, "save", 10, 3))));
    hook.onPipelineError(
        new PipelineErrorEvent(new RuntimeException("x"), run(), pipeline, catalog));

    LastRun last = LastRunStore.read(project).orElseThrow();
    assertThat(last.expectations())
        .containsOnlyKeys("model_input_table@spark")
        .containsEntry(
            "model_input_table@spark",
            List.of(new LastRun.ExpectationRun("positive", "price > 0", "fail", "save", 10, 3)));

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    hook.afterPipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    assertThat(LastRunStore.read(project).orElseThrow().expectations()).isEmpty();
  }

  @Test
  void aNewRunReplacesThePreviousRecord() {
    Pipeline pipeline = VizFixtures.pipeline();
    DataCatalog catalog = VizFixtures.catalog(project);
    RunRecorderHook hook = new RunRecorderHook();
    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    runNode(hook, catalog, node(pipeline, "preprocess_companies_node"), true);
    hook.onPipelineError(
        new PipelineErrorEvent(new RuntimeException("x"), run(), pipeline, catalog));

    hook.beforePipelineRun(new PipelineRunEvent(run(), pipeline, catalog));
    runNode(hook, catalog, node(pipeline, "preprocess_companies_node"), false);
    hook.afterPipelineRun(new PipelineRunEvent(run(), pipeline, catalog));

    LastRun last = LastRunStore.read(project).orElseThrow();
    assertThat(last.status()).isEqualTo(LastRun.SUCCESS);
    assertThat(last.failedNodes()).isEmpty();
    assertThat(last.nodes()).containsOnlyKeys("preprocess_companies_node");
  }

  @Test
  void anUnreadableRecordIsIgnored() throws IOException {
    Files.createDirectories(project.resolve(".weir"));
    Files.writeString(project.resolve(".weir/last-run.json"), "{\"runId\": ");

    assertThat(LastRunStore.read(project)).isEmpty();
  }

  @Test
  void theHookIsRegisteredForServiceLoader() throws Exception {
    // Read the registration files rather than loading every provider, so another module's hook
    // that fails to load cannot hide ours.
    List<String> providers = new java.util.ArrayList<>();
    var files =
        RunRecorderHook.class
            .getClassLoader()
            .getResources("META-INF/services/" + Hook.class.getName());
    while (files.hasMoreElements()) {
      try (var in = files.nextElement().openStream()) {
        new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .forEach(providers::add);
      }
    }

    assertThat(providers).contains(RunRecorderHook.class.getName());
    // ServiceLoader needs a public no-argument constructor.
    assertThat(
            java.lang.reflect.Modifier.isPublic(
                RunRecorderHook.class.getConstructor().getModifiers()))
        .isTrue();
  }

  @Test
  void errorDescriptionsAreBounded() {
    String long500 = "x".repeat(2000);

    assertThat(RunRecorderHook.describe(new RuntimeException(long500))).hasSize(503);
    assertThat(RunRecorderHook.describe(new RuntimeException())).isEqualTo("RuntimeException");
  }
}
