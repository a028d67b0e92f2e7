package dev.weir.node;

import java.util.List;

/**
 * Kedro's compact {@code node(func, inputs, outputs)}, one overload per arity and shape, so an
 * implicitly typed lambda still resolves by its number of parameters. Users call these as {@code
 * Node.node(fn, "in", "out")}: {@link Node} inherits them; this class only keeps {@code Node.java}
 * short.
 */
abstract sealed class CompactNodes permits Node {
  CompactNodes() {}

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 0 argument(s); use {@link
   * Node#node(NodeFunction0)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <R> Node node(NodeFunction0<R> function, List<String> inputs, String output) {
    return Node.builder(function, 0).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 0 argument(s); use {@link
   * Node#node(NodeFunction0)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <R> Node node(
      NodeFunction0<R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 0).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 1 argument(s); use {@link
   * Node#node(NodeFunction1)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, R> Node node(NodeFunction1<A, R> function, List<String> inputs, String output) {
    return Node.builder(function, 1).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 1 argument(s); use {@link
   * Node#node(NodeFunction1)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, R> Node node(
      NodeFunction1<A, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 1).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 2 argument(s); use {@link
   * Node#node(NodeFunction2)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, R> Node node(
      NodeFunction2<A, B, R> function, List<String> inputs, String output) {
    return Node.builder(function, 2).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 2 argument(s); use {@link
   * Node#node(NodeFunction2)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, R> Node node(
      NodeFunction2<A, B, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 2).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 3 argument(s); use {@link
   * Node#node(NodeFunction3)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, R> Node node(
      NodeFunction3<A, B, C, R> function, List<String> inputs, String output) {
    return Node.builder(function, 3).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 3 argument(s); use {@link
   * Node#node(NodeFunction3)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, R> Node node(
      NodeFunction3<A, B, C, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 3).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 4 argument(s); use {@link
   * Node#node(NodeFunction4)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, R> Node node(
      NodeFunction4<A, B, C, D, R> function, List<String> inputs, String output) {
    return Node.builder(function, 4).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 4 argument(s); use {@link
   * Node#node(NodeFunction4)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, R> Node node(
      NodeFunction4<A, B, C, D, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 4).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 5 argument(s); use {@link
   * Node#node(NodeFunction5)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, R> Node node(
      NodeFunction5<A, B, C, D, E, R> function, List<String> inputs, String output) {
    return Node.builder(function, 5).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 5 argument(s); use {@link
   * Node#node(NodeFunction5)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, R> Node node(
      NodeFunction5<A, B, C, D, E, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 5).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 6 argument(s); use {@link
   * Node#node(NodeFunction6)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, R> Node node(
      NodeFunction6<A, B, C, D, E, F, R> function, List<String> inputs, String output) {
    return Node.builder(function, 6).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 6 argument(s); use {@link
   * Node#node(NodeFunction6)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, R> Node node(
      NodeFunction6<A, B, C, D, E, F, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 6).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 7 argument(s); use {@link
   * Node#node(NodeFunction7)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, R> Node node(
      NodeFunction7<A, B, C, D, E, F, G, R> function, List<String> inputs, String output) {
    return Node.builder(function, 7).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 7 argument(s); use {@link
   * Node#node(NodeFunction7)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, R> Node node(
      NodeFunction7<A, B, C, D, E, F, G, R> function, List<String> inputs, List<String> outputs) {
    return Node.builder(function, 7).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 8 argument(s); use {@link
   * Node#node(NodeFunction8)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, R> Node node(
      NodeFunction8<A, B, C, D, E, F, G, H, R> function, List<String> inputs, String output) {
    return Node.builder(function, 8).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 8 argument(s); use {@link
   * Node#node(NodeFunction8)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, R> Node node(
      NodeFunction8<A, B, C, D, E, F, G, H, R> function,
      List<String> inputs,
      List<String> outputs) {
    return Node.builder(function, 8).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 9 argument(s); use {@link
   * Node#node(NodeFunction9)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, I, R> Node node(
      NodeFunction9<A, B, C, D, E, F, G, H, I, R> function, List<String> inputs, String output) {
    return Node.builder(function, 9).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 9 argument(s); use {@link
   * Node#node(NodeFunction9)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, I, R> Node node(
      NodeFunction9<A, B, C, D, E, F, G, H, I, R> function,
      List<String> inputs,
      List<String> outputs) {
    return Node.builder(function, 9).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 10 argument(s); use {@link
   * Node#node(NodeFunction10)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, I, J, R> Node node(
      NodeFunction10<A, B, C, D, E, F, G, H, I, J, R> function,
      List<String> inputs,
      String output) {
    return Node.builder(function, 10).inputs(inputs).output(output).build();
  }

  /**
   * Kedro's {@code node(func, inputs, outputs)} for a function of 10 argument(s); use {@link
   * Node#node(NodeFunction10)} for a name, tags or a namespace.
   *
   * @param function the node's body
   * @param inputs input names in argument order
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, B, C, D, E, F, G, H, I, J, R> Node node(
      NodeFunction10<A, B, C, D, E, F, G, H, I, J, R> function,
      List<String> inputs,
      List<String> outputs) {
    return Node.builder(function, 10).inputs(inputs).outputs(outputs).build();
  }

  /**
   * Kedro's {@code node(func, "in", outputs)} for a function of one argument: {@code node(fn,
   * "companies", "clean_companies")}.
   *
   * @param function the node's body
   * @param input the single input
   * @param output the single output; the return value is saved to it as is
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, R> Node node(NodeFunction1<A, R> function, String input, String output) {
    return Node.builder(function, 1).inputs(input).output(output).build();
  }

  /**
   * Kedro's {@code node(func, "in", outputs)} for a function of one argument: {@code node(fn,
   * "companies", "clean_companies")}.
   *
   * @param function the node's body
   * @param input the single input
   * @param outputs the outputs; the function returns a {@code List} or a record in this order
   * @return the node, named by default
   * @throws NodeException when a node rule is broken
   */
  public static <A, R> Node node(NodeFunction1<A, R> function, String input, List<String> outputs) {
    return Node.builder(function, 1).inputs(input).outputs(outputs).build();
  }
}
