package dev.weir.node;

import dev.weir.WeirException;
import java.lang.reflect.RecordComponent;
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
      throw new WeirException(
          prefix(node)
              + "declares the outputs "
              + outputs
              + " but its function returned "
              + describe(result)
              + "; return a List or a record with one value per output, in order.");
    }
    if (values.size() != outputs.size()) {
      throw new WeirException(
          prefix(node)
              + "declares "
              + outputs.size()
              + " outputs "
              + outputs
              + " but its function returned "
              + values.size()
              + " values; return one value per output, in order.");
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
      throw new WeirException(
          prefix(node)
              + "declares outputs by key "
              + expected
              + " but its function returned "
              + describe(result)
              + "; return a Map with exactly these keys.");
    }
    if (map.size() != expected.size() || !map.keySet().containsAll(expected)) {
      var returned = new TreeSet<String>();
      map.keySet().forEach(k -> returned.add(String.valueOf(k)));
      throw new WeirException(
          prefix(node)
              + "declares the output keys "
              + new TreeSet<>(expected)
              + " but its function returned the keys "
              + returned
              + "; return a Map with exactly the declared keys.");
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
        throw new WeirException(
            prefix(node)
                + "returned a "
                + record.getClass().getName()
                + " whose component '"
                + parts[i].getName()
                + "' cannot be read; make the record public or return a List.",
            e);
      }
    }
    return java.util.Arrays.asList(values);
  }

  private static Object nonNull(Node node, String output, @Nullable Object value) {
    if (value == null) {
      throw new WeirException(
          prefix(node)
              + "returned null for its output '"
              + output
              + "'; a node must return a value for every declared output (declare no output for"
              + " a side effect).");
    }
    return value;
  }

  private static String describe(@Nullable Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }

  private static String prefix(Node node) {
    return "Node '" + node.name() + "' (" + node.functionName() + ") ";
  }
}
