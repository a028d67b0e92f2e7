package dev.weir.pipeline;

import dev.weir.ClosestNames;
import dev.weir.ErrorKind;
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
import org.jspecify.annotations.Nullable;

/**
 * The engine of {@link ModularPipeline}, Kedro's {@code Pipeline._map_nodes}: validates the
 * mappings, then copies every node with its datasets renamed by these rules, first match wins:
 *
 * <ol>
 *   <li>a name in a mapping takes the mapped name;
 *   <li>{@code parameters} stays as is;
 *   <li>{@code x@spark} whose {@code x} is mapped takes the mapped name and keeps {@code @spark};
 *   <li>without a namespace, or with prefixing turned off, every other name stays as is;
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

  static void checkNamespace(String namespace) {
    if (!VALID_NAMESPACE.matcher(namespace).matches()) {
      throw new PipelineException(PipelineException.Kind.INVALID_NAMESPACE, List.of(namespace));
    }
  }

  static List<Node> apply(
      Pipeline pipeline,
      @Nullable String namespace,
      boolean prefixDatasets,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> parameters) {
    Map<String, String> params = parameterMapping(parameters);
    checkNoParameters(inputs, outputs);
    checkExist(pipeline, inputs, outputs, params);
    checkFreeInputsAndOutputs(pipeline, inputs, outputs);

    Map<String, String> mapping = new HashMap<>(inputs);
    mapping.putAll(outputs);
    mapping.putAll(params);
    List<Node> copies = new ArrayList<>(pipeline.nodes().size());
    String prefix = prefixDatasets ? namespace : null;
    for (Node node : pipeline.nodes()) {
      copies.add(node.withNamespace(namespace, name -> rename(name, prefix, mapping)));
    }
    return copies;
  }

  private static String rename(
      String name, @Nullable String namespace, Map<String, String> mapping) {
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
    if (namespace == null) {
      return name;
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
          PipelineException.Kind.PARAMETER_AS_DATASET, List.copyOf(misplaced));
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
          PipelineException.Kind.UNKNOWN_MAPPING,
          List.copyOf(missing),
          ClosestNames.didYouMean(missing, existing));
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
          PipelineException.Kind.INPUT_NOT_FREE,
          List.copyOf(notFree),
          ErrorKind.quoted(List.copyOf(free)));
    }
    Set<String> notProduced =
        outputs.keySet().stream()
            .map(Transcoding::strip)
            .filter(free::contains)
            .collect(Collectors.toCollection(TreeSet::new));
    if (!notProduced.isEmpty()) {
      throw new PipelineException(
          PipelineException.Kind.OUTPUT_NOT_PRODUCED, List.copyOf(notProduced));
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
