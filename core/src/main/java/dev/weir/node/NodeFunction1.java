package dev.weir.node;

import java.io.Serializable;

/**
 * A node function of 1 argument; Java method references and Kotlin lambdas fit it. It is {@link
 * Serializable} only so that Weir can find the target method's parameter types (to bind {@code
 * params:} inputs to records); Weir never serializes it.
 *
 * @param <A> type of argument 1
 * @param <R> the return type: one output, a {@code List} or record of several, a {@code Map} keyed
 *     by output name, or ignored when the node has no outputs
 */
@FunctionalInterface
public interface NodeFunction1<A, R> extends Serializable {
  /**
   * @param a argument 1, bound to input 1
   * @return the node's output(s)
   * @throws Exception any failure; the runner reports it with the node's name and inputs
   */
  R apply(A a) throws Exception;
}
