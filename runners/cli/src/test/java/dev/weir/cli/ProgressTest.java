package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live progress bar of {@code weir run} on a terminal, drawn into a byte stream and read back
 * as a terminal shows it ({@code \r} and "erase line" applied).
 */
class ProgressTest {
  private static final String ERASE = "\r\u001b[K";

  private static Node node(String name, String input, String output) {
    return Node.mapNode(in -> Map.of(output, "x"))
        .inputs(List.of(input))
        .outputs(output)
        .name(name)
        .build();
  }

  /** The lines a terminal would show: for each line, what follows its last carriage return. */
  private static List<String> visibleLines(String drawn) {
    List<String> lines = new ArrayList<>();
    for (String line : drawn.split("\n", -1)) {
      String shown = line.substring(line.lastIndexOf('\r') + 1).replace("\u001b[K", "");
      if (!shown.isEmpty()) {
        lines.add(shown);
      }
    }
    return lines;
  }

  @Test
  void theBarSaysWhatHappensNowKeepsLogLinesAboveItAndEndsWithOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalLine line = new TerminalLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 120);
    Progress progress = Progress.bar(line);
    Node preprocess = node("preprocess_companies_node", "companies", "preprocessed_companies");
    Node train = node("train_model_node", "preprocessed_companies", "regressor");
    Pipeline pipeline = Pipeline.of(preprocess, train);
    DataCatalog catalog = DataCatalog.of(Map.of());
    RunParams run = TestRuns.defaultRun("r", Path.of("."));
    List<String> frames = new ArrayList<>();

    progress.sparkStarting();
    frames.add(bytes.toString(StandardCharsets.UTF_8));
    progress.sparkStarted(2.5);
    progress.beforePipelineRun(new PipelineRunEvent(run, pipeline, catalog));
    progress.beforeDatasetLoaded(new DatasetLoadEvent("companies", preprocess));
    frames.add(bytes.toString(StandardCharsets.UTF_8));
    progress.beforeNodeRun(new NodeRunEvent(preprocess, catalog, Map.of(), false, "r"));
    frames.add(bytes.toString(StandardCharsets.UTF_8));
    PrintStream log = line.linesAbove();
    log.print("12:00:00 WARN Example - a log line\n");
    progress.afterNodeRun(
        new NodeCompletedEvent(preprocess, catalog, Map.of(), Map.of(), false, "r"));
    progress.beforeDatasetSaved(new DatasetSaveEvent("preprocessed_companies", "x", preprocess));
    frames.add(bytes.toString(StandardCharsets.UTF_8));
    progress.afterDatasetSaved(new DatasetSavedEvent("preprocessed_companies", "x", preprocess));
    progress.beforeNodeRun(new NodeRunEvent(train, catalog, Map.of(), false, "r"));
    progress.afterNodeRun(new NodeCompletedEvent(train, catalog, Map.of(), Map.of(), false, "r"));
    progress.beforeDatasetSaved(new DatasetSaveEvent("regressor", "x", train));
    progress.afterDatasetSaved(new DatasetSavedEvent("regressor", "x", train));
    progress.afterPipelineRun(new PipelineRunEvent(run, pipeline, catalog));
    progress.close();
    progress.beforeNodeRun(new NodeRunEvent(train, catalog, Map.of(), false, "r"));
    String drawn = bytes.toString(StandardCharsets.UTF_8);

    assertThat(lastFrame(frames.get(0))).isEqualTo("weir run: starting Spark...");
    assertThat(lastFrame(frames.get(1)))
        .contains("weir run")
        .contains("0/2")
        .contains("loading companies");
    assertThat(lastFrame(frames.get(2))).contains("running preprocess_companies_node");
    assertThat(lastFrame(frames.get(3))).contains("saving preprocessed_companies");
    assertThat(visibleLines(drawn))
        .as("the log line on its own line, no stale bar, the final bar once")
        .hasSize(2);
    assertThat(visibleLines(drawn).get(0)).isEqualTo("12:00:00 WARN Example - a log line");
    assertThat(visibleLines(drawn).get(1)).contains("weir run").contains("2/2");
    assertThat(drawn).endsWith(System.lineSeparator());
  }

  private static String lastFrame(String drawn) {
    return drawn.substring(drawn.lastIndexOf(ERASE) + ERASE.length());
  }

  @Test
  void offATerminalNothingIsDrawn() {
    assertThat(Progress.forConsole(false).getClass()).isEqualTo(Progress.class);
    assertThat(Progress.forConsole(true).getClass()).isNotEqualTo(Progress.class);
  }
}
