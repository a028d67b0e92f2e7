package dev.weir.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable pipeline step, as Kedro's {@code Node}: a function, its input dataset names, its
 * output dataset names, a name, tags and a namespace.
 *
 * <p>Inputs are catalog dataset names, {@code params:a.b} (a parameter bound to a {@code Map}, a
 * scalar, or a record / POJO) or {@code parameters} (all parameters as a {@code Map}). Outputs are
 * none, one, a list (the function returns a {@code List} or a record whose components bind in
 * order) or a map (the function returns a {@code Map} keyed by output key).
 *
 * <p>Rules from Kedro (kedro/pipeline/node.py): at least one input or output; names and tags match
 * {@code [\w.-]+}; no duplicate outputs; an input may not also be an output, where {@code x@spark}
 * and {@code x@delta} count as the same dataset {@code x}. Without an explicit name, the name is
 * derived deterministically from the function and its inputs and outputs, as Kedro's {@code
 * func([in1,in2]) -> [out]}.
 *
 * <pre>{@code
 * Node n = Node.node(Nodes::preprocessCompanies)
 *     .inputs("companies").output("preprocessed_companies")
 *     .name("preprocess_companies_node").build();
 * }</pre>
 */
public final class Node {
  private Node() {}

  /**
   * Starts a node around a function of 0 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <R> Builder node(NodeFunction0<R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 1 argument.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, R> Builder node(NodeFunction1<A, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 2 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, R> Builder node(NodeFunction2<A, B, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 3 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, R> Builder node(NodeFunction3<A, B, C, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 4 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, R> Builder node(NodeFunction4<A, B, C, D, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 5 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, R> Builder node(NodeFunction5<A, B, C, D, E, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 6 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, R> Builder node(NodeFunction6<A, B, C, D, E, F, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 7 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, R> Builder node(NodeFunction7<A, B, C, D, E, F, G, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 8 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, R> Builder node(NodeFunction8<A, B, C, D, E, F, G, H, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 9 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, I, R> Builder node(NodeFunction9<A, B, C, D, E, F, G, H, I, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a function of 10 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, I, J, R> Builder node(NodeFunction10<A, B, C, D, E, F, G, H, I, J, R> function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Starts a node around a map-in / map-out function.
   *
   * @param function the node's body
   * @return a builder
   */
  public static Builder node(NodeMapFunction function) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the full name, namespace included ({@code ns.node_name})
   */
  public String name() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the namespace ({@code a.b} when nested), or {@code null}
   */
  public @Nullable String namespace() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return input dataset names in argument order (including {@code params:} entries)
   */
  public List<String> inputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return output dataset names in the order the function returns them
   */
  public List<String> outputs() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return the tags, sorted
   */
  public Set<String> tags() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * @return a readable name of the function: {@code Class::method} for method references, the
   *     declaring class and {@code lambda} for lambdas
   */
  public String functionName() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The declared type of one function argument, when it can be found (method references and
   * lambdas compiled from Java; otherwise empty). Used to bind {@code params:} inputs to records.
   *
   * @param index argument position, from 0
   * @return the generic parameter type, or empty when unknown or {@code Object}
   */
  public Optional<java.lang.reflect.Type> argumentType(int index) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Calls the function.
   *
   * @param inputs every input's data keyed by input dataset name (as in {@link #inputs()})
   * @return every output's data keyed by output dataset name
   * @throws Exception what the function threw, or a {@link dev.weir.WeirException} when the
   *     return value does not match the outputs (wrong list size, missing map key, null)
   */
  public Map<String, Object> run(Map<String, Object> inputs) throws Exception {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * A copy with more tags.
   *
   * @param tags tags to add
   * @return a new node
   */
  public Node tag(String... tags) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Builds a {@link Node}. */
  public static final class Builder {
    private Builder() {}

    /**
     * @param datasetNames input names in argument order
     * @return this builder
     */
    public Builder inputs(String... datasetNames) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param datasetNames input names in argument order
     * @return this builder
     */
    public Builder inputs(List<String> datasetNames) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param byArgument argument name to dataset name, in argument order (use a {@code
     *     LinkedHashMap} or {@code Map.of} with a map function)
     * @return this builder
     */
    public Builder inputs(Map<String, String> byArgument) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param datasetName the single output
     * @return this builder
     */
    public Builder output(String datasetName) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param datasetNames several outputs; the function returns a {@code List} or record in this
     *     order
     * @return this builder
     */
    public Builder outputs(String... datasetNames) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param datasetNames several outputs; the function returns a {@code List} or record in this
     *     order
     * @return this builder
     */
    public Builder outputs(List<String> datasetNames) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param byKey output key (a key of the returned map) to dataset name
     * @return this builder
     */
    public Builder outputs(Map<String, String> byKey) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param name the node name, matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder name(String name) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param tags tags, each matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder tags(String... tags) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @param namespace a namespace such as {@code data_science} or {@code a.b}
     * @return this builder
     */
    public Builder namespace(String namespace) {
      throw new UnsupportedOperationException("TODO");
    }

    /**
     * @return the node
     * @throws dev.weir.pipeline.PipelineException when a Kedro rule above is broken; the message
     *     names the node and the rule
     */
    public Node build() {
      throw new UnsupportedOperationException("TODO");
    }
  }
}
