package dev.weir.pipeline;

import dev.weir.node.Node;
import dev.weir.node.Transcoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kedro's modular pipelines ({@code kedro.pipeline.pipeline(pipe, inputs=, outputs=, parameters=,
 * namespace=)}): validates the mappings, then copies every node with its datasets renamed by these
 * rules, first match wins:
 *
 * <ol>
 *   <li>a name in a mapping takes the mapped name;
 *   <li>{@code parameters} stays as is;
 *   <li>{@code x@spark} whose {@code x} is mapped takes the mapped name and keeps {@code @spark};
 *   <li>{@code params:x} becomes {@code params:<namespace>.x};
 *   <li>any other dataset becomes {@code <namespace>.<name>} (its {@code @} suffix stays last).
 * </ol>
 *
 * Node namespaces nest: a node already in {@code inner} ends up in {@code outer.inner}.
 */
final class Namespacer {
  private static final Pattern VALID_NAMESPACE =
      Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final String PARAMS = "params:";
  private static final String ALL_PARAMETERS = "parameters";

  private Namespacer() {}

  static Pipeline apply(
      Pipeline pipeline,
      String namespace,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> parameters) {
    if (!VALID_NAMESPACE.matcher(namespace).matches()) {
      throw new PipelineException(
          "Namespace '"
              + namespace
              + "' is not valid; it may contain only letters, digits, underscores, hyphens and"
              + " dots.");
    }
    Map<String, String> params = parameterMapping(parameters);
    checkNoParameters(inputs, outputs);
    checkExist(pipeline, inputs, outputs, params);
    checkFreeInputsAndOutputs(pipeline, inputs, outputs);

    Map<String, String> mapping = new HashMap<>(inputs);
    mapping.putAll(outputs);
    mapping.putAll(params);
    List<Node> copies = new ArrayList<>(pipeline.nodes().size());
    for (Node node : pipeline.nodes()) {
      copies.add(node.withNamespace(namespace, name -> rename(name, namespace, mapping)));
    }
    return Pipeline.of(copies);
  }

  private static String rename(String name, String namespace, Map<String, String> mapping) {
    String mapped = mapping.get(name);
    if (mapped != null) {
      return mapped;
    }
    if (name.equals(ALL_PARAMETERS)) {
      return name;
    }
    if (Transcoding.isTranscoded(name)) {
      String base = mapping.get(Transcoding.strip(name));
      if (base != null) {
        return base + Transcoding.SEPARATOR + Transcoding.suffix(name);
      }
    }
    if (name.startsWith(PARAMS)) {
      return PARAMS + namespace + "." + name.substring(PARAMS.length());
    }
    return namespace + "." + name;
  }

  /** Kedro's {@code _get_param_names_mapping}: {@code x} and {@code params:x} mean the same. */
  private static Map<String, String> parameterMapping(Map<String, String> parameters) {
    Map<String, String> params = new LinkedHashMap<>();
    parameters.forEach(
        (name, target) -> {
          if (name.equals(ALL_PARAMETERS)) {
            params.put(name, name);
          } else {
            params.put(asParam(name), asParam(target));
          }
        });
    return params;
  }

  private static String asParam(String name) {
    return name.startsWith(PARAMS) ? name : PARAMS + name;
  }

  private static void checkNoParameters(Map<String, String> inputs, Map<String, String> outputs) {
    Set<String> misplaced = new TreeSet<>();
    for (String name : concat(inputs.keySet(), outputs.keySet())) {
      if (name.startsWith(PARAMS) || name.equals(ALL_PARAMETERS)) {
        misplaced.add(name);
      }
    }
    if (!misplaced.isEmpty()) {
      throw new PipelineException(
          "Parameters "
              + misplaced
              + " were mapped as inputs or outputs; map them in the 'parameters' argument of"
              + " Pipeline.namespaced instead.");
    }
  }

  private static void checkExist(
      Pipeline pipeline,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> params) {
    Set<String> existing = stripAll(pipeline.datasets());
    Set<String> missing = new TreeSet<>();
    for (String name : concat(concat(inputs.keySet(), outputs.keySet()), params.keySet())) {
      if (!existing.contains(Transcoding.strip(name))) {
        missing.add(Transcoding.strip(name));
      }
    }
    if (!missing.isEmpty()) {
      throw new PipelineException(
          "Failed to map datasets and/or parameters onto the nodes provided: "
              + String.join(", ", missing)
              + "; the pipeline has no such dataset."
              + Suggestions.hint(missing, existing));
    }
  }

  private static void checkFreeInputsAndOutputs(
      Pipeline pipeline, Map<String, String> inputs, Map<String, String> outputs) {
    Set<String> free = stripAll(pipeline.inputs());
    Set<String> notFree =
        inputs.keySet().stream()
            .map(Transcoding::strip)
            .filter(name -> !free.contains(name))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!notFree.isEmpty()) {
      throw new PipelineException(
          "Inputs "
              + notFree
              + " are outputs of nodes in the same pipeline; only free inputs "
              + new TreeSet<>(free)
              + " can be mapped in 'inputs' (map produced datasets in 'outputs').");
    }
    Set<String> notProduced =
        outputs.keySet().stream()
            .map(Transcoding::strip)
            .filter(free::contains)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!notProduced.isEmpty()) {
      throw new PipelineException(
          "Outputs "
              + notProduced
              + " are not produced by any node of the pipeline; map free inputs in 'inputs'.");
    }
  }

  private static Set<String> stripAll(Set<String> names) {
    Set<String> stripped = new TreeSet<>();
    names.forEach(name -> stripped.add(Transcoding.strip(name)));
    return stripped;
  }

  private static List<String> concat(Iterable<String> a, Iterable<String> b) {
    List<String> all = new ArrayList<>();
    a.forEach(all::add);
    b.forEach(all::add);
    return all;
  }
}
