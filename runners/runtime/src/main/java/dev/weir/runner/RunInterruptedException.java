package dev.weir.runner;

import dev.weir.WeirException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run stopped because the JVM is shutting down (SIGTERM, Ctrl-C) while nodes were running. The
 * message names the nodes that were running and gives the command that resumes the run, chosen as
 * for a failed node ({@link ResumeHint}); the command line prints it with the run summary, and
 * hooks receive it through {@code onPipelineError} (the MLflow run ends KILLED, {@code weir viz}
 * shows the run as interrupted).
 */
public class RunInterruptedException extends WeirException {
  private static final long serialVersionUID = 1L;

  private final List<String> runningNodes;
  private final List<String> resumeFromNodes;
  private final transient Map<String, Double> completedNodeSeconds;

  /**
   * @param runningNodes the nodes that were running, sorted
   * @param resumeFromNodes the nodes to pass to {@code --from-nodes}, sorted; empty when no node
   *     had finished (repeat the command instead)
   * @param nodesNotRun how many nodes of the pipeline did not finish
   * @param completedNodeSeconds the nodes that finished, with durations in seconds, in completion
   *     order
   */
  public RunInterruptedException(
      List<String> runningNodes,
      List<String> resumeFromNodes,
      int nodesNotRun,
      Map<String, Double> completedNodeSeconds) {
    super(message(runningNodes, resumeFromNodes, nodesNotRun));
    this.runningNodes = List.copyOf(runningNodes);
    this.resumeFromNodes = List.copyOf(resumeFromNodes);
    this.completedNodeSeconds =
        Collections.unmodifiableMap(new LinkedHashMap<>(completedNodeSeconds));
  }

  /**
   * @return the nodes that were running when the run stopped
   */
  public List<String> runningNodes() {
    return runningNodes;
  }

  /**
   * @return the nodes that finished, with durations in seconds
   */
  public Map<String, Double> completedNodeSeconds() {
    return completedNodeSeconds == null ? Map.of() : completedNodeSeconds;
  }

  /**
   * @return {@code weir run --from-nodes a,b}, or empty when no node had finished
   */
  public Optional<String> resumeCommand() {
    return resumeFromNodes.isEmpty()
        ? Optional.empty()
        : Optional.of("weir run --from-nodes " + String.join(",", resumeFromNodes));
  }

  private static String message(List<String> running, List<String> resume, int notRun) {
    StringBuilder m = new StringBuilder("Run interrupted (SIGTERM or Ctrl-C)");
    if (!running.isEmpty()) {
      m.append(" while running ").append(String.join(", ", running));
    }
    m.append(".\n  ");
    if (resume.isEmpty()) {
      m.append("No node finished. Repeat the command to run again.");
    } else {
      m.append(notRun)
          .append(notRun == 1 ? " node has" : " nodes have")
          .append(" not run. Resume from the nearest nodes with persisted inputs by adding")
          .append(" the other options of this command (--pipelines, --env, ...) to:\n    ")
          .append("weir run --from-nodes ")
          .append(String.join(",", resume));
    }
    return m.toString();
  }
}
