package dev.weir.cli;

import dev.weir.hooks.DatasetLoadEvent;
import dev.weir.hooks.DatasetSaveEvent;
import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.node.Node;
import dev.weir.session.SparkStartListener;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Run progress as a hook. On a terminal: one live line on stderr with nodes done / total, the
 * elapsed time and what happens now, in the words of the dataset and node hooks: {@code starting
 * Spark}, {@code loading companies}, {@code running preprocess_companies_node}, {@code saving
 * preprocessed_companies} (loads and saves are where Spark does its work). Log lines printed
 * meanwhile go above the bar ({@link TerminalLine}); the final frame is printed once. Elsewhere
 * (CI, Databricks driver logs) it does nothing: the runner logs one plain line per node start and
 * finish and the session one line for the Spark start-up.
 */
class Progress implements Hook, SparkStartListener {

  /**
   * @param terminal whether stdout is a terminal ({@code System.console() != null})
   * @return the progress for that kind of console
   */
  static Progress forConsole(boolean terminal) {
    return terminal
        ? new Bar(new TerminalLine(System.err, TerminalLine.terminalWidth()), true)
        : new Progress();
  }

  /**
   * @param line where the bar is drawn; {@code System.err} is left alone
   * @return the live bar
   */
  static Progress bar(TerminalLine line) {
    return new Bar(line, false);
  }

  /** Ends the display; safe to call twice. */
  void close() {}

  /** The live bar; node and dataset hooks come from worker threads under the parallel runner. */
  private static final class Bar extends Progress {
    private final TerminalLine line;
    private final boolean redirectErr;
    private final Map<String, String> activities = new LinkedHashMap<>();
    private @Nullable String phase;
    private @Nullable ProgressBar bar;
    private @Nullable PrintStream originalErr;
    private boolean closed;

    Bar(TerminalLine line, boolean redirectErr) {
      this.line = line;
      this.redirectErr = redirectErr;
    }

    /** Sends {@code System.err}, and so the log, above the bar from the first thing shown. */
    private void begin() {
      if (redirectErr && originalErr == null) {
        originalErr = System.err;
        System.setErr(line.linesAbove());
      }
    }

    @Override
    public synchronized void sparkStarting() {
      if (closed) {
        return;
      }
      begin();
      phase = "starting Spark";
      show();
    }

    @Override
    public synchronized void sparkStarted(double seconds) {
      phase = null;
      if (bar == null && !closed) {
        line.accept(
            String.format(java.util.Locale.ROOT, "weir run: Spark ready in %.1f s", seconds));
      } else {
        show();
      }
    }

    @Override
    public synchronized void beforePipelineRun(PipelineRunEvent event) {
      if (closed) {
        return;
      }
      begin();
      bar =
          new ProgressBarBuilder()
              .setTaskName("weir run")
              .setInitialMax(event.pipeline().nodes().size())
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .continuousUpdate()
              .hideEta()
              .setConsumer(line)
              .build();
      show();
    }

    @Override
    public void beforeDatasetLoaded(DatasetLoadEvent event) {
      doing(event.node(), "loading " + event.datasetName());
    }

    @Override
    public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
      doing(event.node(), "running " + event.node().name());
      return null;
    }

    @Override
    public void beforeDatasetSaved(DatasetSaveEvent event) {
      doing(event.node(), "saving " + event.datasetName());
    }

    @Override
    public void afterDatasetSaved(DatasetSavedEvent event) {
      Node node = event.node();
      if (node.outputs().indexOf(event.datasetName()) == node.outputs().size() - 1) {
        done(node, true);
      }
    }

    @Override
    public void afterNodeRun(NodeCompletedEvent event) {
      if (event.node().outputs().isEmpty()) {
        done(event.node(), true);
      }
    }

    @Override
    public void onNodeError(NodeErrorEvent event) {
      done(event.node(), false);
    }

    private synchronized void doing(Node node, String what) {
      activities.remove(node.name());
      activities.put(node.name(), what);
      show();
    }

    private synchronized void done(Node node, boolean finished) {
      activities.remove(node.name());
      ProgressBar b = bar;
      if (finished && b != null) {
        b.step();
      }
      show();
    }

    @Override
    public void afterPipelineRun(PipelineRunEvent event) {
      close();
    }

    @Override
    public void onPipelineError(PipelineErrorEvent event) {
      close();
    }

    private void show() {
      String now = phase != null ? phase : String.join(", ", activities.values());
      ProgressBar b = bar;
      if (b != null) {
        b.setExtraMessage(now);
        b.refresh();
      } else if (!now.isEmpty()) {
        line.accept("weir run: " + now + "...");
      }
    }

    @Override
    synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      ProgressBar b = bar;
      bar = null;
      if (b != null) {
        b.setExtraMessage(activities.isEmpty() ? "" : String.join(", ", activities.values()));
        b.close();
      }
      line.close();
      PrintStream err = originalErr;
      if (err != null) {
        System.err.flush();
        System.setErr(err);
        originalErr = null;
      }
    }
  }
}
