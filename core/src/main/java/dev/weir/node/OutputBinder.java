package dev.weir.node;

import dev.weir.ErrorKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Binds a node function's return value to output dataset names, with Kedro's checks
 * (kedro/pipeline/node.py {@code _outputs_to_dictionary}): a list of outputs needs a {@code List}
 * (or here a record) of the same size, a map of outputs needs a {@code Map} with exactly its keys,
 * and no declared output may be {@code null}.
 */
final class OutputBinder {
  /** How a node declared its outputs. */
  enum Kind {
    NONE,
    SINGLE,
    LIST,
    MAP
  }

  private OutputBinder() {}

  static Map<String, Object> bind(
      Node node,
      Kind kind,
      List<String> outputs,
      @Nullable List<String> keys,
      boolean mapFunction,
      @Nullable Object result) {
    if (kind == Kind.NONE) {
      return Map.of();
    }
    if (mapFunction) {
      return fromMap(node, kind == Kind.MAP ? keys : outputs, outputs, result);
    }
    return switch (kind) {
      case SINGLE ->
          Collections.singletonMap(outputs.get(0), nonNull(node, outputs.get(0), result));
      case LIST -> fromSequence(node, outputs, result);
      case MAP -> fromMap(node, keys, outputs, result);
      case NONE -> Map.of();
    };
  }

  private static Map<String, Object> fromSequence(
      Node node, List<String> outputs, @Nullable Object result) {
    List<?> values;
    if (result instanceof List<?> list) {
      values = list;
    } else if (result != null && result.getClass().isRecord()) {
      values = components(node, (Record) result);
    } else {
      throw new NodeException(
          NodeException.Kind.OUTPUT_NOT_A_LIST, withNode(node, outputs), describe(result));
    }
    if (values.size() != outputs.size()) {
      throw new NodeException(
          NodeException.Kind.OUTPUT_COUNT, withNode(node, outputs), String.valueOf(values.size()));
    }
    Map<String, Object> bound = new LinkedHashMap<>();
    for (int i = 0; i < outputs.size(); i++) {
      bound.put(outputs.get(i), nonNull(node, outputs.get(i), values.get(i)));
    }
    return Collections.unmodifiableMap(bound);
  }

  private static Map<String, Object> fromMap(
      Node node, @Nullable List<String> keys, List<String> outputs, @Nullable Object result) {
    List<String> expected = keys == null ? outputs : keys;
    if (!(result instanceof Map<?, ?> map)) {
      throw new NodeException(
          NodeException.Kind.OUTPUT_NOT_A_MAP, withNode(node, expected), describe(result));
    }
    if (map.size() != expected.size() || !map.keySet().containsAll(expected)) {
      var returned = new TreeSet<String>();
      map.keySet().forEach(k -> returned.add(String.valueOf(k)));
      throw new NodeException(
          NodeException.Kind.OUTPUT_KEYS,
          withNode(node, List.copyOf(new TreeSet<>(expected))),
          ErrorKind.quoted(List.copyOf(returned)));
    }
    Map<String, Object> bound = new LinkedHashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      bound.put(outputs.get(i), nonNull(node, outputs.get(i), map.get(expected.get(i))));
    }
    return Collections.unmodifiableMap(bound);
  }

  private static List<@Nullable Object> components(Node node, Record record) {
    RecordComponent[] parts = record.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        var accessor = parts[i].getAccessor();
        accessor.setAccessible(true);
        values[i] = accessor.invoke(record);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new NodeException(
            NodeException.Kind.OUTPUT_RECORD_UNREADABLE,
            List.of(node.name(), record.getClass().getName(), parts[i].getName()),
            "",
            e);
      }
    }
    return java.util.Arrays.asList(values);
  }

  private static Object nonNull(Node node, String output, @Nullable Object value) {
    if (value == null) {
      throw new NodeException(NodeException.Kind.OUTPUT_NULL, List.of(node.name(), output));
    }
    return value;
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }

  private static List<String> withNode(Node node, List<String> names) {
    List<String> all = new ArrayList<>(List.of(node.name()));
    all.addAll(names);
    return all;
  }
}
