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
  private record Check(String name, Function<GraphIndex, Optional<PipelineException>> problem) {}

  private static final List<Check> CHECKS =
      List.of(
          new Check("unique node names", PipelineChecks::duplicateNames),
          new Check("one producer per dataset", PipelineChecks::duplicateOutputs),
          new Check("consistent transcoding", PipelineChecks::transcoding));

  private PipelineChecks() {}

  /**
   * @throws PipelineException the first failing check's error
   */
  static void validate(GraphIndex index) {
    for (Check check : CHECKS) {
      Optional<PipelineException> problem = check.problem().apply(index);
      if (problem.isPresent()) {
        throw problem.get();
      }
    }
  }

  private static Optional<PipelineException> duplicateNames(GraphIndex index) {
    if (index.duplicateNames.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PipelineException(
            PipelineException.Kind.DUPLICATE_NODE,
            List.copyOf(new TreeSet<>(index.duplicateNames.keySet()))));
  }

  private static Optional<PipelineException> duplicateOutputs(GraphIndex index) {
    if (index.duplicateProducers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PipelineException(
            PipelineException.Kind.DUPLICATE_OUTPUT,
            List.copyOf(new TreeSet<>(index.duplicateProducers.keySet())),
            " (" + producers(index.duplicateProducers) + ")"));
  }

  /** A dataset may be read or written as {@code x@spark} or as {@code x}, never both. */
  private static Optional<PipelineException> transcoding(GraphIndex index) {
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
        new PipelineException(PipelineException.Kind.TRANSCODING, List.copyOf(invalid)));
  }

  /** {@code 'x' by a, b; 'y' by c, d}, sorted so the message is stable. */
  private static String producers(Map<String, List<Node>> byDataset) {
    return new TreeMap<>(byDataset)
        .entrySet().stream()
            .map(
                e ->
                    "'"
                        + e.getKey()
                        + "' by "
                        + e.getValue().stream().map(Node::name).collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; "));
  }
}
