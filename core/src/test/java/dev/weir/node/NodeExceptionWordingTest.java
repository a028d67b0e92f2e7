package dev.weir.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one wording test of each {@link NodeException.Kind}; other tests assert kinds and names. */
class NodeExceptionWordingTest {
  static Stream<Arguments> wording() {
    return Stream.of(
        Arguments.of(
            NodeException.Kind.INVALID_NAME,
            List.of("n", "tag", "no/slash"),
            "",
            "Invalid node 'n': tag 'no/slash' is not valid; it may contain only letters, digits,"
                + " underscores, hyphens and dots."),
        Arguments.of(
            NodeException.Kind.NO_INPUTS_OR_OUTPUTS,
            List.of("n"),
            "",
            "Invalid node 'n': it has neither inputs nor outputs; give it at least one of either."),
        Arguments.of(
            NodeException.Kind.ARITY,
            List.of("n", "1", "A", "B"),
            "",
            "Invalid node 'n': its function takes 1 argument(s) but 2 input(s) were given ['A',"
                + " 'B']; give one input per argument, in order."),
        Arguments.of(
            NodeException.Kind.EMPTY_DATASET_NAME,
            List.of("n"),
            "",
            "Invalid node 'n': a dataset name is empty; name every input and output."),
        Arguments.of(
            NodeException.Kind.DUPLICATE_OUTPUT,
            List.of("n", "A"),
            "",
            "Invalid node 'n': duplicate output(s) 'A'; node outputs must be unique (transcoded"
                + " names such as 'x@spark' and 'x@delta' count as the same dataset 'x')."),
        Arguments.of(
            NodeException.Kind.SAME_INPUT_AND_OUTPUT,
            List.of("n", "A"),
            "",
            "Invalid node 'n': 'A' is both an input and an output, even if transcoded; a node"
                + " cannot read and write the same dataset. Write to a new dataset name instead."),
        Arguments.of(
            NodeException.Kind.TRANSCODING,
            List.of("a@b@c"),
            "",
            "Dataset name 'a@b@c' holds more than one transcoding separator '@'; use one, as in"
                + " 'name@spark'."),
        Arguments.of(
            NodeException.Kind.ARGUMENT_INDEX,
            List.of("n", "3", "1"),
            "",
            "Invalid node 'n': argumentType(3, ...) names no argument; the function has 1"
                + " input(s)."),
        Arguments.of(
            NodeException.Kind.NULL_ARGUMENT,
            List.of("function"),
            "",
            "The argument 'function' is null; give a value or leave it out."),
        Arguments.of(
            NodeException.Kind.OUTPUT_NOT_A_LIST,
            List.of("n", "b"),
            "a java.lang.String",
            "Node 'n' declares the outputs ['b'] but its function returned a java.lang.String;"
                + " return a List or a record with one value per output, in order."),
        Arguments.of(
            NodeException.Kind.OUTPUT_COUNT,
            List.of("n", "one", "two"),
            "3",
            "Node 'n' declares 2 outputs ['one', 'two'] but its function returned 3 values;"
                + " return one value per output, in order."),
        Arguments.of(
            NodeException.Kind.OUTPUT_NOT_A_MAP,
            List.of("n", "sum"),
            "null",
            "Node 'n' declares outputs by key ['sum'] but its function returned null; return a"
                + " Map with exactly these keys."),
        Arguments.of(
            NodeException.Kind.OUTPUT_KEYS,
            List.of("n", "count", "sum"),
            "'count'",
            "Node 'n' declares the output keys ['count', 'sum'] but its function returned the"
                + " keys ['count']; return a Map with exactly the declared keys."),
        Arguments.of(
            NodeException.Kind.OUTPUT_RECORD_UNREADABLE,
            List.of("n", "a.Split", "train"),
            "",
            "Node 'n' returned a a.Split whose component 'train' cannot be read; make the record"
                + " public or return a List."),
        Arguments.of(
            NodeException.Kind.OUTPUT_NULL,
            List.of("n", "b"),
            "",
            "Node 'n' returned null for its output 'b'; a node must return a value for every"
                + " declared output (declare no output for a side effect)."),
        Arguments.of(
            NodeException.Kind.MISSING_INPUT,
            List.of("n", "a"),
            "'b'",
            "Node 'n' was run without its input 'a' (given: 'b'); pass every name of inputs()."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void wording(NodeException.Kind kind, List<String> names, String detail, String message) {
    NodeException e = new NodeException(kind, names, detail);

    assertThat(e).hasMessage(message);
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.names()).isEqualTo(names);
  }

  @Test
  void everyKindHasAWordingCase() {
    Set<NodeException.Kind> covered = EnumSet.noneOf(NodeException.Kind.class);
    wording().forEach(a -> covered.add((NodeException.Kind) a.get()[0]));
    assertThat(covered).containsExactlyInAnyOrder(NodeException.Kind.values());
  }
}
