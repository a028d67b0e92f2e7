package dev.weir.params;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parameter value (parsed YAML: Map, List, String, Number, Boolean) to the type a node
 * function declares: {@code Object} (as it is), {@code Map} / {@code Map<String, X>}, {@code List}
 * / {@code Set} / {@code Collection} / arrays of any bindable type, {@code Optional<X>}, scalars
 * ({@code int}, {@code long}, {@code double}, {@code boolean}, {@code String}, boxed types, {@code
 * BigDecimal}, ...; a whole number fits a floating-point type, a fractional one never fits an
 * integer type), enums (by name, case-insensitive), Java records (components by name), classes with
 * one public constructor whose parameter names are known (Java compiled with {@code -parameters},
 * Kotlin data classes), and POJOs (public no-arg constructor and setters or public fields), nested
 * and generic ({@code List<Feature>}). YAML's {@code snake_case} keys match {@code camelCase} names
 * ({@code test_size} binds {@code testSize}). Runs before any node, so a mistake fails the run
 * early. Thread-safe and stateless.
 */
public final class ParameterBinder {
  private ParameterBinder() {}

  /**
   * @param parameterName the input as written, for example {@code params:model_options}
   * @param value the parameter value
   * @param target the declared type
   * @return the bound value ({@code null} only for a {@code null} value and a non-primitive target)
   * @throws ParameterBindingException on a missing or unknown field or a value of the wrong type,
   *     naming the parameter, the field and the target type
   */
  public static @Nullable Object bind(String parameterName, @Nullable Object value, Type target) {
    return bind(new BindPath(parameterName), value, target);
  }

  static @Nullable Object bind(BindPath path, @Nullable Object value, Type target) {
    Class<?> raw = Types.raw(target);
    if (raw == Optional.class) {
      return Optional.ofNullable(
          value == null ? null : bind(path, value, Types.argument(target, 0)));
    }
    if (value == null) {
      if (raw.isPrimitive()) {
        throw path.error(target, "a value is required, but it is empty (null)");
      }
      return null;
    }
    if (raw == Object.class) {
      return value;
    }
    if (Scalars.handles(raw)) {
      return Scalars.convert(path, value, raw, target);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return bindMap(path, value, target, raw);
    }
    if (raw.isArray()) {
      return bindArray(path, value, target, raw);
    }
    if (Collection.class.isAssignableFrom(raw) || raw == Iterable.class) {
      return bindCollection(path, value, target, raw);
    }
    if (raw.isInstance(value) && !(value instanceof Map<?, ?>)) {
      return value;
    }
    return ObjectBinder.bind(path, value, target, raw);
  }

  @SuppressWarnings("unchecked")
  private static Object bindMap(BindPath path, Object value, Type target, Class<?> raw) {
    if (!(value instanceof Map<?, ?> map)) {
      throw path.error(
          target, "expected a mapping of keys to values, got " + Scalars.describe(value));
    }
    Type keyType = Types.argument(target, 0);
    Type valueType = Types.argument(target, 1);
    Map<Object, @Nullable Object> out = newMap(raw, path, target);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      BindPath child = path.key(String.valueOf(e.getKey()));
      Object key = bind(child, e.getKey(), keyType);
      out.put(key, bind(child, e.getValue(), valueType));
    }
    return raw.isInterface() ? Collections.unmodifiableMap(out) : out;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, @Nullable Object> newMap(Class<?> raw, BindPath path, Type target) {
    if (raw.isInterface()) {
      return SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
    }
    try {
      return (Map<Object, @Nullable Object>) raw.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw path.error(target, "the map type has no public no-argument constructor");
    }
  }

  @SuppressWarnings("unchecked")
  private static Object bindCollection(BindPath path, Object value, Type target, Class<?> raw) {
    if (!(value instanceof Collection<?> items)) {
      throw path.error(target, "expected a list, got " + Scalars.describe(value));
    }
    Type elementType = Types.argument(target, 0);
    List<@Nullable Object> bound = new ArrayList<>(items.size());
    int i = 0;
    for (Object item : items) {
      bound.add(bind(path.index(i++), item, elementType));
    }
    if (raw.isInterface()) {
      if (Set.class.isAssignableFrom(raw)) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(bound));
      }
      return Collections.unmodifiableList(bound);
    }
    try {
      Collection<@Nullable Object> out =
          (Collection<@Nullable Object>) raw.getConstructor().newInstance();
      out.addAll(bound);
      return out;
    } catch (ReflectiveOperationException e) {
      throw path.error(target, "the collection type has no public no-argument constructor");
    }
  }

  private static Object bindArray(BindPath path, Object value, Type target, Class<?> raw) {
    if (!(value instanceof List<?> items)) {
      throw path.error(target, "expected a list, got " + Scalars.describe(value));
    }
    Type elementType =
        target instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
    Object array = Array.newInstance(raw.getComponentType(), items.size());
    for (int i = 0; i < items.size(); i++) {
      Array.set(array, i, bind(path.index(i), items.get(i), elementType));
    }
    return array;
  }
}
