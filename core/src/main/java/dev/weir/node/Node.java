package dev.weir.node;

import dev.weir.ErrorKind;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
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
 * and {@code x@delta} count as the same dataset {@code x}; a positional function gets exactly one
 * input per argument. Without an explicit name, the name is derived deterministically from the
 * function and its inputs and outputs: {@code <method>__<hash>}, see {@link #name()} (Kedro's own
 * {@code func([in1,in2]) -> [out]} is not a valid name for {@code --nodes}).
 *
 * <p>Every rule is checked by {@link Builder#build()}, which throws a {@link NodeException} naming
 * the node. Reflection on the function (its name, its argument types) runs only when asked for, or
 * to derive a default name.
 *
 * <p>Kedro's compact {@code node(func, inputs, outputs)} is {@code node(fn, "in", "out")} or {@code
 * node(fn, List.of("a", "b"), "out")}; the builder adds a name, tags or a namespace. There is one
 * {@code node} overload per function arity (0 to 10), so an implicitly typed lambda resolves by its
 * number of parameters ({@code node(x -> x)} is a one-argument function); a function over a map of
 * inputs is {@link #mapNode}.
 *
 * <pre>{@code
 * Node clean = Node.node(Nodes::preprocessShuttles, "shuttles", "preprocessed_shuttles");
 * Node n = Node.node(Nodes::preprocessCompanies)
 *     .inputs("companies").output("preprocessed_companies")
 *     .name("preprocess_companies_node").build();
 * }</pre>
 */
public final class Node extends CompactNodes {
  private final Object function;
  private final int arity;
  private final List<String> inputs;
  private final @Nullable List<String> inputArguments;
  private final OutputBinder.Kind outputKind;
  private final List<String> outputs;
  private final @Nullable List<String> outputKeys;
  private final @Nullable String shortName;
  private final String name;
  private final @Nullable String namespace;
  private final SortedSet<String> tags;
  private final Map<Integer, Type> argumentTypes;
  private volatile @Nullable FunctionInfo info;

  private Node(Builder b) {
    this.function = b.function;
    this.arity = b.arity;
    this.inputs = b.inputs;
    this.inputArguments = b.inputArguments;
    this.outputKind = b.outputKind;
    this.outputs = b.outputs;
    this.outputKeys = b.outputKeys;
    this.shortName = b.name;
    this.namespace = b.namespace;
    this.tags = b.tags.isEmpty() ? EMPTY_TAGS : Collections.unmodifiableSortedSet(b.tags);
    this.argumentTypes = Map.copyOf(b.argumentTypes);
    this.info = b.info;
    String label =
        (b.namespace != null ? b.namespace + "." : "") + (b.name != null ? b.name : functionName());
    if (b.name != null) {
      NodeRules.checkName("name", b.name, label);
    }
    if (b.namespace != null) {
      NodeRules.checkName("namespace", b.namespace, label);
    }
    for (String tag : b.tags) {
      NodeRules.checkName("tag", tag, label);
    }
    NodeRules.checkDatasets(label, arity, inputs, outputs);
    for (int index : argumentTypes.keySet()) {
      if (index < 0 || index >= inputs.size()) {
        throw new NodeException(
            NodeException.Kind.ARGUMENT_INDEX,
            List.of(label, String.valueOf(index), String.valueOf(inputs.size())));
      }
    }
    String local = b.name != null ? b.name : NodeRules.defaultName(info(), inputs, outputs);
    this.name = namespace == null ? local : namespace + "." + local;
  }

  private static final SortedSet<String> EMPTY_TAGS =
      Collections.unmodifiableSortedSet(new TreeSet<>());

  /**
   * Starts a node around a function of 0 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <R> Builder node(NodeFunction0<R> function) {
    return new Builder(function, 0);
  }

  /**
   * Starts a node around a function of 1 argument.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, R> Builder node(NodeFunction1<A, R> function) {
    return new Builder(function, 1);
  }

  /**
   * Starts a node around a function of 2 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, R> Builder node(NodeFunction2<A, B, R> function) {
    return new Builder(function, 2);
  }

  /**
   * Starts a node around a function of 3 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, R> Builder node(NodeFunction3<A, B, C, R> function) {
    return new Builder(function, 3);
  }

  /**
   * Starts a node around a function of 4 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, R> Builder node(NodeFunction4<A, B, C, D, R> function) {
    return new Builder(function, 4);
  }

  /**
   * Starts a node around a function of 5 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, R> Builder node(NodeFunction5<A, B, C, D, E, R> function) {
    return new Builder(function, 5);
  }

  /**
   * Starts a node around a function of 6 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, R> Builder node(NodeFunction6<A, B, C, D, E, F, R> function) {
    return new Builder(function, 6);
  }

  /**
   * Starts a node around a function of 7 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, R> Builder node(
      NodeFunction7<A, B, C, D, E, F, G, R> function) {
    return new Builder(function, 7);
  }

  /**
   * Starts a node around a function of 8 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, R> Builder node(
      NodeFunction8<A, B, C, D, E, F, G, H, R> function) {
    return new Builder(function, 8);
  }

  /**
   * Starts a node around a function of 9 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, I, R> Builder node(
      NodeFunction9<A, B, C, D, E, F, G, H, I, R> function) {
    return new Builder(function, 9);
  }

  /**
   * Starts a node around a function of 10 arguments.
   *
   * @param function the node's body
   * @return a builder; set inputs, outputs, name, tags and namespace, then {@link Builder#build()}
   */
  public static <A, B, C, D, E, F, G, H, I, J, R> Builder node(
      NodeFunction10<A, B, C, D, E, F, G, H, I, J, R> function) {
    return new Builder(function, 10);
  }

  /** For {@link CompactNodes}, whose factories build through the one builder. */
  static Builder builder(Object function, int arity) {
    return new Builder(function, arity);
  }

  /**
   * Starts a node around a map-in / map-out function: it receives every input keyed by argument
   * name (set with {@link Builder#inputs(Map)}) or dataset name, and returns its outputs keyed by
   * output key. A factory of its own, not a {@code node} overload, so that an implicitly typed
   * one-argument lambda ({@code node(x -> x)}) is always a {@link NodeFunction1}.
   *
   * @param function the node's body
   * @return a builder
   */
  public static Builder mapNode(NodeMapFunction function) {
    return new Builder(function, -1);
  }

  /**
   * @return the full name, namespace included ({@code ns.node_name}); without an explicit name,
   *     {@code <method>__<hash>} where {@code <method>} is the function's method name ({@code
   *     lambda} for a lambda body) and {@code <hash>} the first 8 hex digits of the SHA-256 of
   *     Kedro's node string {@code Class::method([in1;in2]) -> [out]}, so it is stable across runs
   *     and usable with {@code --nodes}
   */
  public String name() {
    return name;
  }

  /**
   * @return the name without the namespace: the name given, or the default name
   */
  public String shortName() {
    return namespace == null ? name : name.substring(namespace.length() + 1);
  }

  /**
   * Kedro's {@code namespace_prefixes}: every level of the namespace, outermost first.
   *
   * @return {@code [a, a.b]} for namespace {@code a.b}; empty without a namespace
   */
  public List<String> namespacePrefixes() {
    if (namespace == null) {
      return List.of();
    }
    List<String> prefixes = new ArrayList<>();
    for (int dot = namespace.indexOf('.'); dot >= 0; dot = namespace.indexOf('.', dot + 1)) {
      prefixes.add(namespace.substring(0, dot));
    }
    prefixes.add(namespace);
    return List.copyOf(prefixes);
  }

  /**
   * @return the namespace ({@code a.b} when nested), or {@code null}
   */
  public @Nullable String namespace() {
    return namespace;
  }

  /**
   * @return input dataset names in argument order (including {@code params:} entries)
   */
  public List<String> inputs() {
    return inputs;
  }

  /**
   * @return output dataset names in the order the function returns them
   */
  public List<String> outputs() {
    return outputs;
  }

  /**
   * @return the tags, sorted
   */
  public Set<String> tags() {
    return tags;
  }

  /**
   * The function object the node was built around, unchanged by {@link #tag} and {@link
   * #withNamespace}, so tools can recognise kinds of nodes by their function's class (for example
   * SQL nodes, whose function holds the query) without reflection.
   *
   * @return a {@code NodeFunction0..10} or {@link NodeMapFunction} instance
   */
  public Object function() {
    return function;
  }

  /**
   * @return a readable name of the function: {@code Class::method} for method references, the
   *     declaring class and {@code lambda} for lambdas
   */
  public String functionName() {
    return info().name();
  }

  /**
   * The declared type of one function argument, when it can be found (method references and lambdas
   * compiled from Java; otherwise empty). Used to bind {@code params:} inputs to records. A type
   * given with {@link Builder#argumentType(int, Type)} wins over what reflection finds.
   *
   * @param index argument position, from 0
   * @return the generic parameter type, or empty when unknown or {@code Object}
   */
  public Optional<java.lang.reflect.Type> argumentType(int index) {
    Type given = argumentTypes.get(index);
    if (given != null) {
      return Optional.of(given);
    }
    List<@Nullable Type> found = info().argumentTypes();
    return index >= 0 && index < found.size()
        ? Optional.ofNullable(found.get(index))
        : Optional.empty();
  }

  /**
   * Calls the function.
   *
   * @param inputs every input's data keyed by input dataset name (as in {@link #inputs()})
   * @return every output's data keyed by output dataset name
   * @throws Exception what the function threw, or a {@link dev.weir.WeirException} when the return
   *     value does not match the outputs (wrong list size, missing map key, null)
   */
  public Map<String, Object> run(Map<String, Object> inputs) throws Exception {
    Object result;
    if (arity < 0) {
      Map<String, @Nullable Object> byArgument = new LinkedHashMap<>();
      for (int i = 0; i < this.inputs.size(); i++) {
        byArgument.put(argumentName(i), input(inputs, this.inputs.get(i)));
      }
      result = Invoker.callMap(function, Collections.unmodifiableMap(byArgument));
    } else {
      Object[] args = new Object[arity];
      for (int i = 0; i < arity; i++) {
        args[i] = input(inputs, this.inputs.get(i));
      }
      result = Invoker.call(function, args);
    }
    return OutputBinder.bind(this, outputKind, outputs, outputKeys, arity < 0, result);
  }

  private @Nullable Object input(Map<String, Object> given, String dataset) {
    if (!given.containsKey(dataset)) {
      throw new NodeException(
          NodeException.Kind.MISSING_INPUT,
          List.of(name, dataset),
          ErrorKind.quoted(List.copyOf(new TreeSet<>(given.keySet()))));
    }
    return given.get(dataset);
  }

  private String argumentName(int i) {
    return inputArguments != null ? inputArguments.get(i) : inputs.get(i);
  }

  /**
   * A copy with more tags.
   *
   * @param tags tags to add
   * @return a new node
   * @throws NodeException when a tag does not match {@code [\w.-]+}
   */
  public Node tag(String... tags) {
    Builder b = toBuilder();
    b.tags(tags);
    return b.build();
  }

  /**
   * A copy for a modular pipeline (Kedro's {@code Node._copy} as used by {@code pipeline(...,
   * namespace=...)}): every input and output dataset name goes through {@code renameDataset}
   * (argument names and output keys stay), the namespace becomes {@code namespace} or {@code
   * namespace.<old namespace>}, and the name becomes {@code <new namespace>.<local name>} (a
   * default name is derived again from the renamed datasets).
   *
   * @param namespace the outer namespace, matching {@code [\w.-]+}; {@code null} keeps the node's
   *     namespace and name (a modular pipeline without a namespace only renames datasets)
   * @param renameDataset maps each dataset name as written (with its {@code @} suffix, or {@code
   *     params:x}) to its new name
   * @return a new node
   * @throws NodeException when the copy breaks a node rule (for example an input renamed to one of
   *     its outputs)
   */
  public Node withNamespace(@Nullable String namespace, UnaryOperator<String> renameDataset) {
    Builder b = toBuilder();
    if (namespace != null) {
      b.namespace = this.namespace == null ? namespace : namespace + "." + this.namespace;
    }
    b.inputs = inputs.stream().map(renameDataset).toList();
    b.outputs = outputs.stream().map(renameDataset).toList();
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder(function, arity);
    b.inputs = inputs;
    b.inputArguments = inputArguments;
    b.outputKind = outputKind;
    b.outputs = outputs;
    b.outputKeys = outputKeys;
    b.name = shortName;
    b.namespace = namespace;
    b.tags.addAll(tags);
    b.argumentTypes.putAll(argumentTypes);
    b.info = info;
    return b;
  }

  private FunctionInfo info() {
    FunctionInfo found = info;
    if (found == null) {
      // Reflection is deferred: a node with an explicit name never pays for it unless asked.
      found = FunctionInfo.of(function, arity);
      info = found;
    }
    return found;
  }

  /**
   * Kedro's node equality ({@code Node._unique_key}): the same full name, the same inputs and the
   * same outputs, in the same form. Positional inputs and list outputs compare in order; map inputs
   * and outputs compare as maps, so their order does not matter; a list never equals a map.
   *
   * <p>Unlike Kedro, the function is not compared: a Java lambda or method reference has no
   * identity across call sites ({@code Fns::clean} written twice gives two objects), so two
   * definitions of one node would never be equal.
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Node n
        && n.name.equals(name)
        && n.inputKey().equals(inputKey())
        && n.outputKind == outputKind
        && n.outputKey().equals(outputKey());
  }

  private Object inputKey() {
    return inputArguments == null ? inputs : zip(inputArguments, inputs);
  }

  private Object outputKey() {
    return outputKeys == null ? outputs : zip(outputKeys, outputs);
  }

  private static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /**
   * Kedro's node string prefixed by the name. Kedro prints the short name ({@code name: ...}); Weir
   * prints the full name ({@code ns.name: ...}) so the text can be given to {@code --nodes} as is,
   * and the function as {@code Class::method} because Java methods live in classes.
   *
   * @return {@code ns.name: Class::method([a;b]) -> [c]}
   */
  @Override
  public String toString() {
    return name
        + ": "
        + functionName()
        + "("
        + NodeRules.brackets(inputs)
        + ") -> "
        + NodeRules.brackets(outputs);
  }

  /** Builds a {@link Node}. */
  public static final class Builder {
    private final Object function;
    private final int arity;
    private List<String> inputs = List.of();
    private @Nullable List<String> inputArguments;
    private OutputBinder.Kind outputKind = OutputBinder.Kind.NONE;
    private List<String> outputs = List.of();
    private @Nullable List<String> outputKeys;
    private @Nullable String name;
    private @Nullable String namespace;
    private final SortedSet<String> tags = new TreeSet<>();
    private final Map<Integer, Type> argumentTypes = new HashMap<>();
    private @Nullable FunctionInfo info;

    private Builder(@Nullable Object function, int arity) {
      if (function == null) {
        throw new NodeException(NodeException.Kind.NULL_ARGUMENT, List.of("function"));
      }
      this.function = function;
      this.arity = arity;
    }

    /**
     * @param datasetNames input names in argument order
     * @return this builder
     */
    public Builder inputs(String... datasetNames) {
      return inputs(List.of(datasetNames));
    }

    /**
     * @param datasetNames input names in argument order
     * @return this builder
     */
    public Builder inputs(List<String> datasetNames) {
      this.inputs = List.copyOf(datasetNames);
      this.inputArguments = null;
      return this;
    }

    /**
     * @param byArgument argument name to dataset name, in argument order (use a {@code
     *     LinkedHashMap} or {@code Map.of} with a map function)
     * @return this builder
     */
    public Builder inputs(Map<String, String> byArgument) {
      this.inputArguments = List.copyOf(byArgument.keySet());
      this.inputs = List.copyOf(byArgument.values());
      return this;
    }

    /**
     * @param datasetName the single output; the function's return value is saved to it as is
     * @return this builder
     */
    public Builder output(String datasetName) {
      return setOutputs(OutputBinder.Kind.SINGLE, List.of(datasetName), null);
    }

    /**
     * @param datasetNames several outputs; the function returns a {@code List} or record in this
     *     order (as in Kedro, even a single name here means a one-element {@code List}); none means
     *     the node has no outputs
     * @return this builder
     */
    public Builder outputs(String... datasetNames) {
      return outputs(List.of(datasetNames));
    }

    /**
     * @param datasetNames several outputs; the function returns a {@code List} or record in this
     *     order
     * @return this builder
     */
    public Builder outputs(List<String> datasetNames) {
      List<String> names = List.copyOf(datasetNames);
      return setOutputs(
          names.isEmpty() ? OutputBinder.Kind.NONE : OutputBinder.Kind.LIST, names, null);
    }

    /**
     * @param byKey output key (a key of the returned map) to dataset name
     * @return this builder
     */
    public Builder outputs(Map<String, String> byKey) {
      return setOutputs(
          byKey.isEmpty() ? OutputBinder.Kind.NONE : OutputBinder.Kind.MAP,
          List.copyOf(byKey.values()),
          List.copyOf(byKey.keySet()));
    }

    private Builder setOutputs(
        OutputBinder.Kind kind, List<String> names, @Nullable List<String> keys) {
      this.outputKind = kind;
      this.outputs = names;
      this.outputKeys = keys;
      return this;
    }

    /**
     * @param name the node name, matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * @param tags tags, each matching {@code [\w.-]+}
     * @return this builder
     */
    public Builder tags(String... tags) {
      this.tags.addAll(List.of(tags));
      return this;
    }

    /**
     * @param namespace a namespace such as {@code data_science} or {@code a.b}
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * Declares an argument's type where reflection cannot find it (a Kotlin lambda compiled to a
     * class whose {@code apply} takes {@code Object}), so {@code params:} inputs still bind to
     * records and data classes.
     *
     * @param index argument position, from 0
     * @param type the declared type, for example {@code Options.class}
     * @return this builder
     */
    public Builder argumentType(int index, Type type) {
      this.argumentTypes.put(index, Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * @return the node
     * @throws NodeException when a Kedro rule above is broken; the message names the node and the
     *     rule
     */
    public Node build() {
      return new Node(this);
    }
  }
}
