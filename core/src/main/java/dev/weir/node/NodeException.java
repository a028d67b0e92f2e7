package dev.weir.node;

import dev.weir.ErrorKind;
import dev.weir.WeirException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A node breaks one of Kedro's node rules (kedro/pipeline/node.py), was run without one of its
 * inputs, or returned something that does not match its outputs. {@link #kind()} says which rule,
 * {@link #names()} holds the node's name first and then the names the rule is about.
 */
public class NodeException extends WeirException {
  private static final long serialVersionUID = 1L;

  /** Which node rule was broken; each writes its own message. */
  public enum Kind implements ErrorKind {
    /** names: node, what ({@code name}, {@code namespace} or {@code tag}), the invalid value. */
    INVALID_NAME(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': "
                + n.get(1)
                + " '"
                + n.get(2)
                + "' is not valid; it may contain only letters, digits, underscores, hyphens and"
                + " dots."),
    /** names: node. */
    NO_INPUTS_OR_OUTPUTS(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': it has neither inputs nor outputs; give it at least one of either."),
    /** names: node, the function's argument count, then the inputs given. */
    ARITY(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': its function takes "
                + n.get(1)
                + " argument(s) but "
                + (n.size() - 2)
                + " input(s) were given ["
                + ErrorKind.quoted(n.subList(2, n.size()))
                + "]; give one input per argument, in order."),
    /** names: node. */
    EMPTY_DATASET_NAME(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': a dataset name is empty; name every input and output."),
    /** names: node, then each repeated output. */
    DUPLICATE_OUTPUT(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': duplicate output(s) "
                + rest(n)
                + "; node outputs must be unique (transcoded names such as 'x@spark' and 'x@delta'"
                + " count as the same dataset 'x')."),
    /** names: node, then each dataset that is both read and written. */
    SAME_INPUT_AND_OUTPUT(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': "
                + rest(n)
                + " is both an input and an output, even if transcoded; a node cannot read and"
                + " write the same dataset. Write to a new dataset name instead."),
    /** names: the dataset name holding more than one {@code @}. */
    TRANSCODING(
        (n, d) ->
            "Dataset name '"
                + n.get(0)
                + "' holds more than one transcoding separator '@'; use one, as in"
                + " 'name@spark'."),
    /** names: node, the index given to {@code argumentType}, the number of inputs. */
    ARGUMENT_INDEX(
        (n, d) ->
            "Invalid node '"
                + n.get(0)
                + "': argumentType("
                + n.get(1)
                + ", ...) names no argument; the function has "
                + n.get(2)
                + " input(s)."),
    /** names: the argument that was null. */
    NULL_ARGUMENT(
        (n, d) -> "The argument '" + n.get(0) + "' is null; give a value or leave it out."),
    /** names: node, then the declared outputs; detail: what the function returned. */
    OUTPUT_NOT_A_LIST(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' declares the outputs ["
                + rest(n)
                + "] but its function returned "
                + d
                + "; return a List or a record with one value per output, in order."),
    /** names: node, then the declared outputs; detail: how many values the function returned. */
    OUTPUT_COUNT(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' declares "
                + (n.size() - 1)
                + " outputs ["
                + rest(n)
                + "] but its function returned "
                + d
                + " values; return one value per output, in order."),
    /** names: node, then the declared output keys; detail: what the function returned. */
    OUTPUT_NOT_A_MAP(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' declares outputs by key ["
                + rest(n)
                + "] but its function returned "
                + d
                + "; return a Map with exactly these keys."),
    /** names: node, then the declared output keys, sorted; detail: the keys returned. */
    OUTPUT_KEYS(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' declares the output keys ["
                + rest(n)
                + "] but its function returned the keys ["
                + d
                + "]; return a Map with exactly the declared keys."),
    /** names: node, the record class, the component that could not be read. */
    OUTPUT_RECORD_UNREADABLE(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' returned a "
                + n.get(1)
                + " whose component '"
                + n.get(2)
                + "' cannot be read; make the record public or return a List."),
    /** names: node, the output the function returned null for. */
    OUTPUT_NULL(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' returned null for its output '"
                + n.get(1)
                + "'; a node must return a value for every declared output (declare no output"
                + " for a side effect)."),
    /** names: node, the missing input; detail: the inputs that were given. */
    MISSING_INPUT(
        (n, d) ->
            "Node '"
                + n.get(0)
                + "' was run without its input '"
                + n.get(1)
                + "' (given: "
                + d
                + "); pass every name of inputs().");

    private final BiFunction<List<String>, String, String> writer;

    Kind(BiFunction<List<String>, String, String> writer) {
      this.writer = writer;
    }

    @Override
    public String message(List<String> names, String detail) {
      return writer.apply(names, detail);
    }

    private static String rest(List<String> names) {
      return ErrorKind.quoted(names.subList(1, names.size()));
    }
  }

  /**
   * @param kind the rule broken
   * @param names the names, as {@code kind} documents them
   */
  public NodeException(Kind kind, List<String> names) {
    this(kind, names, "");
  }

  /**
   * @param kind the rule broken
   * @param names the names, as {@code kind} documents them
   * @param detail a further list for the message, or {@code ""}
   */
  public NodeException(Kind kind, List<String> names, String detail) {
    super(kind, names, detail);
  }

  /**
   * @param kind the rule broken
   * @param names the names, as {@code kind} documents them
   * @param detail a further list for the message, or {@code ""}
   * @param cause the underlying error
   */
  public NodeException(Kind kind, List<String> names, String detail, @Nullable Throwable cause) {
    super(kind, names, detail, cause);
  }

  /**
   * @return the rule broken
   */
  @Override
  public Kind kind() {
    return (Kind) Objects.requireNonNull(super.kind());
  }
}
