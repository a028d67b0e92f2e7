package dev.weir.runner;

import dev.weir.WeirException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node failed during a run (the command line exits with code 1). The message names the node, its
 * inputs and the cause, and gives the command that resumes the run from the nearest nodes whose
 * inputs are persisted, chosen as Kedro's {@code _find_nodes_to_resume_from}
 * (kedro/runner/runner.py) chooses them; see {@link ResumeHint}. {@link #getCause()} is what the
 * node (or a hook, or a dataset) threw.
 */
public class NodeFailedException extends WeirException {
  private static final long serialVersionUID = 1L;

  private final String nodeName;
  private final List<String> inputs;
  private final List<String> resumeFromNodes;
  private final int nodesNotRun;
  private final transient Map<String, Double> completedNodeSeconds;

  /**
   * @param nodeName the node that failed
   * @param inputs its input dataset names
   * @param cause what it threw
   * @param resumeFromNodes the nodes to pass to {@code --from-nodes}, sorted; empty when no node
   *     had finished (repeat the command instead)
   * @param nodesNotRun how many nodes of the pipeline did not finish, the failed one included
   * @param completedNodeSeconds the nodes that finished before the failure, with their durations in
   *     seconds, in completion order
   */
  public NodeFailedException(
      String nodeName,
      List<String> inputs,
      Throwable cause,
      List<String> resumeFromNodes,
      int nodesNotRun,
      Map<String, Double> completedNodeSeconds) {
    super(message(nodeName, inputs, cause, resumeFromNodes, nodesNotRun), cause);
    this.nodeName = nodeName;
    this.inputs = List.copyOf(inputs);
    this.resumeFromNodes = List.copyOf(resumeFromNodes);
    this.nodesNotRun = nodesNotRun;
    this.completedNodeSeconds =
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(completedNodeSeconds));
  }

  /**
   * @return the node that failed
   */
  public String nodeName() {
    return nodeName;
  }

  /**
   * @return the failed node's input dataset names
   */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * @return the nodes to resume from, sorted; empty when nothing had finished
   */
  public List<String> resumeFromNodes() {
    return resumeFromNodes;
  }

  /**
   * @return how many nodes did not finish, the failed one included
   */
  public int nodesNotRun() {
    return nodesNotRun;
  }

  /**
   * @return the nodes that finished before the failure, with durations in seconds
   */
  public Map<String, Double> completedNodeSeconds() {
    return completedNodeSeconds == null ? Map.of() : completedNodeSeconds;
  }

  /**
   * @return {@code weir run --from-nodes a,b}, or empty when no node had finished
   */
  public Optional<String> resumeCommand() {
    return resumeCommand(resumeFromNodes);
  }

  private static Optional<String> resumeCommand(List<String> nodes) {
    return nodes.isEmpty()
        ? Optional.empty()
        : Optional.of("weir run --from-nodes " + String.join(",", nodes));
  }

  private static String message(
      String node, List<String> inputs, Throwable cause, List<String> resume, int notRun) {
    StringBuilder m = new StringBuilder();
    m.append("Node '").append(node).append("' failed: ").append(describe(cause)).append('\n');
    m.append("  inputs: ").append(inputs.isEmpty() ? "(none)" : String.join(", ", inputs));
    m.append('\n');
    Optional<String> command = resumeCommand(resume);
    if (command.isPresent()) {
      m.append("  ")
          .append(notRun)
          .append(notRun == 1 ? " node has" : " nodes have")
          .append(" not run. Resume from the nearest nodes with persisted inputs by adding")
          .append(" the other options of this command (--pipelines, --env, ...) to:\n    ")
          .append(command.get());
    } else {
      m.append("  No node finished. Fix the cause and repeat the command.");
    }
    return m.toString();
  }

  private static String describe(Throwable cause) {
    String text = cause.getMessage();
    if (cause instanceof WeirException && text != null) {
      return text;
    }
    return cause.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
