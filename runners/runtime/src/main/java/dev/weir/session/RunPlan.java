package dev.weir.session;

import java.util.List;

/**
 * What {@code weir run --dry-run} would run, after validation.
 *
 * @param pipelineNames the registered pipelines combined
 * @param steps the nodes in the order the sequential runner runs them
 */
public record RunPlan(List<String> pipelineNames, List<Step> steps) {

  /** Copies the lists so the record stays immutable. */
  public RunPlan {
    pipelineNames = List.copyOf(pipelineNames);
    steps = List.copyOf(steps);
  }

  /**
   * One node of the plan.
   *
   * @param node the node name
   * @param inputs its input dataset names
   * @param outputs its output dataset names
   */
  public record Step(String node, List<String> inputs, List<String> outputs) {
    /** Copies the lists so the record stays immutable. */
    public Step {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }
}
