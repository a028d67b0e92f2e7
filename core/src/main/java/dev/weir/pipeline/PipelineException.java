package dev.weir.pipeline;

import dev.weir.ErrorKind;
import dev.weir.WeirException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline is invalid, a pipeline operation was given a name the pipeline does not have, or a
 * modular pipeline's mapping is wrong. {@link #kind()} says which; {@link #names()} holds the names
 * involved in the order the kind documents. Node rules are {@link dev.weir.node.NodeException}s.
 */
public class PipelineException extends WeirException {
  private static final long serialVersionUID = 1L;

  /** What went wrong; each kind writes its own message, quoting names as Kedro does. */
  public enum Kind implements ErrorKind {
    /** names: each node name given to more than one node (Kedro's duplicate-name ValueError). */
    DUPLICATE_NODE(
        (n, d) ->
            "Pipeline nodes must have unique names. These names appear more than once: "
                + q(n)
                + ". Give each node its own name with .name(...), or combine pipelines with plus"
                + " to keep a node that is in both once."),
    /** names: each dataset written by more than one node (Kedro's OutputNotUniqueError). */
    DUPLICATE_OUTPUT(
        (n, d) ->
            "Output(s) "
                + q(n)
                + " are returned by more than one node"
                + d
                + ". Node outputs must be unique (transcoded names such as 'x@spark' count as 'x');"
                + " rename the output of one of the nodes."),
    /** names: datasets used both with and without {@code @}. */
    TRANSCODING(
        (n, d) ->
            "The following datasets are used with transcoding, but were referenced without the"
                + " separator: "
                + q(n)
                + ". Give every reference a transcoding option (name@spark) or rename the"
                + " datasets."),
    /** names: the nodes of one cycle in data-flow order; detail: the datasets between them. */
    CYCLE(
        (n, d) ->
            "Circular dependency between nodes: "
                + String.join(" -> ", n)
                + " -> "
                + n.get(0)
                + " (through datasets "
                + d
                + "). A pipeline must be acyclic; write one of these datasets under a new name."),
    /** names: the unknown node names; detail: close names. */
    UNKNOWN_NODE(
        (n, d) ->
            "Pipeline does not contain nodes named "
                + q(n)
                + "; node names include their namespace (ns.name)."
                + d),
    /** names: the dataset names that appear nowhere in the pipeline; detail: close names. */
    UNKNOWN_DATASET(
        (n, d) ->
            "Pipeline does not contain datasets named "
                + q(n)
                + "; give datasets that its nodes read or write."
                + d),
    /** names: the namespaces that hold no node; detail: close names. */
    UNKNOWN_NAMESPACE(
        (n, d) ->
            "Pipeline does not contain nodes with the namespace(s) "
                + q(n)
                + "; a namespace is the part of a node name before its last dot."
                + d),
    /** names: each filter given, as {@code option=values}. */
    EMPTY_FILTER(
        (n, d) ->
            "Pipeline contains no nodes after applying the filters "
                + String.join(", ", n)
                + "; no node satisfies all of them at once. Check the names, or drop a filter."),
    /** names: the invalid namespace. */
    INVALID_NAMESPACE(
        (n, d) ->
            "Namespace '"
                + n.get(0)
                + "' is not valid; it may contain only letters, digits, underscores, hyphens and"
                + " dots."),
    /** names: the argument that was null. */
    NULL_ARGUMENT(
        (n, d) -> "The argument '" + n.get(0) + "' is null; give a value or leave it out."),
    /** names: the parameters mapped under {@code inputs} or {@code outputs}. */
    PARAMETER_AS_DATASET(
        (n, d) ->
            "Parameters should be specified in the 'parameters' argument of a modular pipeline,"
                + " not as inputs or outputs: "
                + q(n)
                + "."),
    /** names: the mapped names the pipeline does not have; detail: close names. */
    UNKNOWN_MAPPING(
        (n, d) ->
            "Failed to map datasets and/or parameters onto the nodes provided: "
                + String.join(", ", n)
                + "; the pipeline has no such dataset or parameter."
                + d),
    /** names: the mapped inputs that are produced inside the pipeline; detail: the free inputs. */
    INPUT_NOT_FREE(
        (n, d) ->
            "Inputs must not be outputs from another node in the same pipeline: "
                + q(n)
                + ". Only free inputs ("
                + d
                + ") can be mapped in 'inputs'; map produced datasets in 'outputs'."),
    /** names: the mapped outputs that no node produces. */
    OUTPUT_NOT_PRODUCED(
        (n, d) ->
            "All outputs must be generated by some node within the pipeline: "
                + q(n)
                + " are not; map free inputs in 'inputs'."),
    /** names: the grouping strategy given. */
    UNSUPPORTED_GROUPING(
        (n, d) ->
            "Unsupported group_by strategy: '"
                + n.get(0)
                + "'; use 'namespace', or 'none' for one group per node."),
    /** A free message, for extensions built before kinds existed; names are empty. */
    OTHER((n, d) -> d);

    private final BiFunction<List<String>, String, String> writer;

    Kind(BiFunction<List<String>, String, String> writer) {
      this.writer = writer;
    }

    @Override
    public String message(List<String> names, String detail) {
      return writer.apply(names, detail);
    }

    private static String q(List<String> names) {
      return ErrorKind.quoted(names);
    }
  }

  /**
   * @param kind what went wrong
   * @param names the names involved, as {@code kind} documents them
   */
  public PipelineException(Kind kind, List<String> names) {
    this(kind, names, "");
  }

  /**
   * @param kind what went wrong
   * @param names the names involved, as {@code kind} documents them
   * @param detail a further sentence or list ({@code " Did you mean: a?"}, the datasets of a
   *     cycle), or {@code ""}
   */
  public PipelineException(Kind kind, List<String> names, String detail) {
    super(kind, names, detail);
  }

  /**
   * A pipeline error of kind {@link Kind#OTHER}, for subclasses in other modules (SQL nodes, the
   * session) whose messages are not kinds yet.
   *
   * @param message what is wrong, which nodes or datasets, and how to fix it
   */
  public PipelineException(String message) {
    super(Kind.OTHER, List.of(), message);
  }

  /**
   * @return what went wrong
   */
  @Override
  public Kind kind() {
    return (Kind) Objects.requireNonNull(super.kind());
  }

  /** Throws {@link Kind#NULL_ARGUMENT} naming {@code argument} when {@code value} is null. */
  static <T> T requireArgument(@Nullable T value, String argument) {
    if (value == null) {
      throw new PipelineException(Kind.NULL_ARGUMENT, List.of(argument));
    }
    return value;
  }
}
