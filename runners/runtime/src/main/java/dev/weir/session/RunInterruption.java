package dev.weir.session;

import dev.weir.pipeline.Pipeline;
import dev.weir.runner.RunInterruptedException;
import dev.weir.runner.Runner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a run the JVM stops (SIGTERM, Ctrl-C) while its nodes run: a JVM shutdown hook, added
 * when the runner starts and removed when it ends, hands the runner's {@link Runner#interruption}
 * report to a callback. Whichever comes first, the end of the run or the shutdown, owns the
 * pipeline's last hooks, so a run is never reported both as interrupted and as failed (Spark's own
 * shutdown hook stops the session, which fails the node that was running).
 */
final class RunInterruption {
  private static final Logger LOG = LoggerFactory.getLogger(RunInterruption.class);

  private final AtomicBoolean ended = new AtomicBoolean();
  private final Thread hook;

  private RunInterruption(
      Runner runner, Pipeline pipeline, Consumer<RunInterruptedException> report) {
    this.hook =
        new Thread(
            () -> {
              if (ended.compareAndSet(false, true)) {
                try {
                  report.accept(runner.interruption(pipeline));
                } catch (RuntimeException | Error e) {
                  LOG.warn("Could not report the interrupted run: {}", e.toString());
                }
              }
            },
            "weir-run-interrupted");
  }

  /**
   * @param runner the runner about to run
   * @param pipeline its pipeline
   * @param report called from the shutdown hook with the report, at most once
   * @return the watch; call {@link #end()} when the runner returns or throws
   */
  static RunInterruption watch(
      Runner runner, Pipeline pipeline, Consumer<RunInterruptedException> report) {
    RunInterruption watch = new RunInterruption(runner, pipeline, report);
    try {
      Runtime.getRuntime().addShutdownHook(watch.hook);
    } catch (IllegalStateException e) {
      LOG.debug("The JVM is already shutting down: the run is not watched");
    }
    return watch;
  }

  /**
   * @return {@code true} when the run ended first and its caller fires the last hooks; {@code
   *     false} when the shutdown hook has reported it (or is doing so)
   */
  boolean end() {
    boolean first = ended.compareAndSet(false, true);
    if (first) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down: the hook sees `ended` and does nothing
      }
    }
    return first;
  }
}
