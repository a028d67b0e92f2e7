package dev.weir.cli;

import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeErrorEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineErrorEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Run progress as a hook. On a terminal: a live progress bar on stderr (nodes done / total, the
 * running nodes, elapsed time). Elsewhere (CI, Databricks driver logs) it does nothing: the runner
 * already logs one plain line per node start and finish, with durations.
 */
class Progress implements Hook {

  /**
   * @param terminal whether stdout is a terminal ({@code System.console() != null})
   * @return the progress for that kind of console
   */
  static Progress forConsole(boolean terminal) {
    return terminal ? new Bar(null) : new Progress();
  }

  /**
   * @param consumer where the bar is drawn, in place of the terminal
   * @return the live bar, drawing to {@code consumer}
   */
  static Progress bar(ProgressBarConsumer consumer) {
    return new Bar(consumer);
  }

  /** Ends the display; safe to call twice. */
  void close() {}

  /** The live bar; node hooks come from worker threads under the parallel runner. */
  private static final class Bar extends Progress {
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final @Nullable ProgressBarConsumer consumer;
    private volatile @Nullable ProgressBar bar;

    Bar(@Nullable ProgressBarConsumer consumer) {
      this.consumer = consumer;
    }

    @Override
    public void beforePipelineRun(PipelineRunEvent event) {
      RunParams run = event.run();
      Pipeline pipeline = event.pipeline();
      ProgressBarBuilder builder =
          new ProgressBarBuilder()
              .setTaskName("weir run")
              .setInitialMax(pipeline.nodes().size())
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .continuousUpdate()
              .hideEta();
      if (consumer != null) {
        builder.setConsumer(consumer);
      }
      bar = builder.build();
    }

    @Override
    public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
      Node node = event.node();
      running.add(node.name());
      show();
      return null;
    }

    @Override
    public void afterNodeRun(NodeCompletedEvent event) {
      Node node = event.node();
      running.remove(node.name());
      ProgressBar b = bar;
      if (b != null) {
        b.step();
      }
      show();
    }

    @Override
    public void onNodeError(NodeErrorEvent event) {
      Node node = event.node();
      running.remove(node.name());
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
      ProgressBar b = bar;
      if (b != null) {
        b.setExtraMessage(String.join(", ", running));
      }
    }

    @Override
    synchronized void close() {
      ProgressBar b = bar;
      bar = null;
      if (b != null) {
        b.close();
      }
    }
  }
}
