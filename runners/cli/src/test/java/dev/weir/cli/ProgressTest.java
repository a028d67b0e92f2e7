package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The live progress bar of {@code weir run} on a terminal, drawn into a list instead. */
class ProgressTest {
  private static Node node(String name, String output) {
    return Node.mapNode(in -> Map.of()).inputs(List.of()).outputs(output).name(name).build();
  }

  @Test
  void theBarCountsFinishedNodesAndNamesTheRunningOnes() {
    List<String> frames = new CopyOnWriteArrayList<>();
    Progress progress = Progress.bar(new DelegatingProgressBarConsumer(frames::add, 120));
    Node clean = node("clean_node", "a");
    Node train = node("train_node", "b");
    Pipeline pipeline = Pipeline.of(clean, train);
    DataCatalog catalog = DataCatalog.of(Map.of());
    RunParams run = TestRuns.defaultRun("r", Path.of("."));

    progress.beforePipelineRun(new PipelineRunEvent(run, pipeline, catalog));
    progress.beforeNodeRun(new NodeRunEvent(clean, catalog, Map.of(), false, "r"));
    progress.afterNodeRun(new NodeCompletedEvent(clean, catalog, Map.of(), Map.of(), false, "r"));
    progress.beforeNodeRun(new NodeRunEvent(train, catalog, Map.of(), false, "r"));
    progress.close(); // draws the last frame while train_node still runs
    int whileTraining = frames.size();
    progress.afterNodeRun(new NodeCompletedEvent(train, catalog, Map.of(), Map.of(), false, "r"));
    progress.afterPipelineRun(new PipelineRunEvent(run, pipeline, catalog));

    assertThat(whileTraining).isPositive();
    assertThat(frames.get(whileTraining - 1))
        .contains("weir run")
        .contains("1/2")
        .contains("train_node")
        .doesNotContain("clean_node");
    assertThat(frames).hasSize(whileTraining).as("nothing is drawn after close");
  }

  @Test
  void offATerminalNothingIsDrawn() {
    assertThat(Progress.forConsole(false).getClass()).isEqualTo(Progress.class);
    assertThat(Progress.forConsole(true).getClass()).isNotEqualTo(Progress.class);
  }
}
