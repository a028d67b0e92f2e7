package dev.weir.session;

import dev.weir.WeirException;
import dev.weir.io.ExpectationResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link Session#run}.
 *
 * @param runId the run id (Kedro timestamp format), also the save version
 * @param status how it ended
 * @param nodeSeconds each node that finished, with its duration in seconds, in completion order
 * @param savedOutputs each persisted dataset written by a finished node, with where it went: its
 *     {@link dev.weir.io.Dataset#describe()} (no credentials)
 * @param durationSeconds the whole run, in seconds
 * @param error the failure when {@code status} is {@link Status#FAILED} (a {@link
 *     dev.weir.runner.NodeFailedException}) or {@link Status#INTERRUPTED}, else {@code null}
 * @param expectations every catalog expectation checked during the run (rows checked, violations,
 *     action), in the order checked; a {@code fail} that stopped a save is included
 */
public record RunResult(
    String runId,
    Status status,
    Map<String, Double> nodeSeconds,
    Map<String, Map<String, Object>> savedOutputs,
    double durationSeconds,
    @Nullable WeirException error,
    List<ExpectationResult> expectations) {

  /** How a run ended. */
  public enum Status {
    /** Every node ran. */
    SUCCESS,
    /** A node failed; see {@link RunResult#error()}. */
    FAILED,
    /** {@code --dry-run}: validated and planned, nothing computed. */
    DRY_RUN,
    /**
     * The JVM shut down (SIGTERM, Ctrl-C) while nodes ran; see {@link RunResult#error()}, a {@link
     * dev.weir.runner.RunInterruptedException}.
     */
    INTERRUPTED
  }

  /** Copies the maps (keeping their order) so the record stays immutable. */
  public RunResult {
    nodeSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(nodeSeconds));
    savedOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(savedOutputs));
    expectations = List.copyOf(expectations);
  }

  /**
   * @return this result when the run did not fail
   * @throws WeirException the run's error when it failed
   */
  public RunResult orThrow() {
    if (error != null) {
      throw error;
    }
    return this;
  }
}
