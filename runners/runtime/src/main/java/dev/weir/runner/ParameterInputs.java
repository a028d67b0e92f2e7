package dev.weir.runner;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.params.ParameterBinder;
import dev.weir.params.ParameterBindingException;
import dev.weir.pipeline.Pipeline;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code params:} and {@code parameters} inputs of every node, bound to the argument types the
 * node functions declare ({@link Node#argumentType(int)}) with {@link ParameterBinder}. Binding is
 * done for the whole pipeline before any node runs, so a parameter that does not fit its record
 * fails the run before anything is computed.
 */
public final class ParameterInputs {
  private final Map<String, Map<String, Object>> byNode;

  private ParameterInputs(Map<String, Map<String, Object>> byNode) {
    this.byNode = byNode;
  }

  /**
   * @param input a node input name
   * @return whether it is a parameter input ({@code params:...} or {@code parameters})
   */
  public static boolean isParameter(String input) {
    return input.startsWith("params:") || input.equals("parameters");
  }

  /**
   * Binds every parameter input of every node whose argument type is known.
   *
   * @param pipeline the pipeline about to run
   * @param catalog the catalog holding the parameters
   * @return the bound values
   * @throws ParameterBindingException naming every node and parameter that does not bind
   */
  public static ParameterInputs bind(Pipeline pipeline, DataCatalog catalog) {
    Map<String, Map<String, Object>> byNode = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Node node : pipeline.nodes()) {
      List<String> inputs = node.inputs();
      for (int i = 0; i < inputs.size(); i++) {
        String input = inputs.get(i);
        if (!isParameter(input)) {
          continue;
        }
        Optional<Type> type = node.argumentType(i);
        if (type.isEmpty()) {
          continue;
        }
        try {
          Object bound = ParameterBinder.bind(input, catalog.load(input), type.get());
          byNode.computeIfAbsent(node.name(), k -> new HashMap<>()).put(input, bound);
        } catch (ParameterBindingException e) {
          problems.add("node '" + node.name() + "': " + e.getMessage());
        }
      }
    }
    if (problems.size() == 1) {
      throw new ParameterBindingException(
          "Parameters do not fit the node function, " + problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new ParameterBindingException(
          "Parameters do not fit the node functions (no node was run):\n  - "
              + String.join("\n  - ", problems));
    }
    return new ParameterInputs(byNode);
  }

  /**
   * @param node a node
   * @param input one of its parameter inputs
   * @return the bound value, or empty when the argument type was unknown (pass the raw value)
   */
  public Optional<Object> bound(Node node, String input) {
    Map<String, Object> values = byNode.get(node.name());
    return values == null ? Optional.empty() : Optional.ofNullable(values.get(input));
  }
}
