package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The construction-time checks of a pipeline, each small and named, each giving one clear error
 * (the approach of Spark Declarative Pipelines' graph validation). The rules are Kedro's
 * (kedro/pipeline/pipeline.py {@code _validate_duplicate_nodes}, {@code _validate_unique_outputs},
 * {@code _validate_transcoded_inputs_outputs}); the cycle check runs with the topological sort in
 * {@link Layering}.
 */
final class PipelineChecks {
  private record Check(String name, Function<GraphIndex, Optional<String>> problem) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("unique node names", PipelineChecks::duplicateNames),
          new Check("one producer per dataset", PipelineChecks::duplicateOutputs),
          new Check("consistent transcoding", PipelineChecks::transcoding));

  private PipelineChecks() {}

  /**
   * @throws PipelineException with the first failing check's message
   */
  static void validate(GraphIndex index) {
    for (Check check : CHECKS) {
      Optional<String> problem = check.problem().apply(index);
      if (problem.isPresent()) {
        throw new PipelineException(problem.get());
      }
    }
  }

  private static Optional<String> duplicateNames(GraphIndex index) {
    if (index.duplicateNames.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Pipeline nodes must have unique names. These names appear more than once: "
            + describe(index.duplicateNames)
            + ". Give each node its own name with .name(...).");
  }

  private static Optional<String> duplicateOutputs(GraphIndex index) {
    if (index.duplicateProducers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Output(s) returned by more than one node: "
            + describe(index.duplicateProducers)
            + ". Node outputs must be unique (transcoded names such as 'x@spark' count as 'x');"
            + " rename the output of one of the nodes.");
  }

  /** A dataset may be read or written as {@code x@spark} or as {@code x}, never both. */
  private static Optional<String> transcoding(GraphIndex index) {
    if (!index.transcoded) {
      return Optional.empty();
    }
    Set<String> all = new HashSet<>();
    for (Node node : index.nodes) {
      all.addAll(node.inputs());
      all.addAll(node.outputs());
    }
    Set<String> invalid = new TreeSet<>();
    for (String name : all) {
      if (Transcoding.isTranscoded(name) && all.contains(Transcoding.strip(name))) {
        invalid.add(Transcoding.strip(name));
      }
    }
    if (invalid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "These datasets are used with transcoding but also referenced without the '@' separator: "
            + invalid
            + ". Give every reference a transcoding option (name@spark) or rename the datasets.");
  }

  /** {@code 'x' (by a, b); 'y' (by c, d)}, sorted so the message is stable. */
  private static String describe(Map<String, List<Node>> byKey) {
    return new TreeMap<>(byKey)
        .entrySet().stream()
            .map(
                e ->
                    "'"
                        + e.getKey()
                        + "' (by "
                        + e.getValue().stream()
                            .map(Node::toString)
                            .collect(Collectors.joining(", "))
                        + ")")
            .collect(Collectors.joining("; "));
  }
}
