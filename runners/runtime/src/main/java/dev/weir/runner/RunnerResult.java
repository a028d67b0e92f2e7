package dev.weir.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a runner did.
 *
 * @param nodeSeconds each node that ran, with its duration in seconds (loading inputs, running the
 *     function and saving outputs), in completion order
 * @param freeOutputs the data of the pipeline's free outputs that live in memory, by dataset name
 *     (Kedro's {@code run} return value), for notebooks and tests
 */
public record RunnerResult(Map<String, Double> nodeSeconds, Map<String, Object> freeOutputs) {

  /** Copies the maps (keeping their order) so the record stays immutable. */
  public RunnerResult {
    nodeSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(nodeSeconds));
    freeOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(freeOutputs));
  }
}
