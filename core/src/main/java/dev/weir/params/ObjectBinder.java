package dev.weir.params;

import dev.weir.ClosestNames;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Binds a mapping to an object: a Java record (components by name), a class with one public
 * constructor whose parameter names are known (compiled with {@code -parameters} or Kotlin's {@code
 * -java-parameters}; otherwise the names of the declared fields whose types match the parameters in
 * order, which is how a Kotlin data class lays out its properties), or a POJO with a public no-arg
 * constructor and setters or public fields. A missing record or constructor field is an error
 * unless it is annotated {@code @Nullable} (any annotation of that simple name visible at run time)
 * or is an {@code Optional}; a Kotlin constructor parameter with a default value takes its default
 * (through the constructor Kotlin generates for defaults). A POJO keeps its own defaults for
 * missing fields. An unknown field is always an error naming the closest field.
 */
final class ObjectBinder {
  private static final String KOTLIN_DEFAULTS_MARKER =
      "kotlin.jvm.internal.DefaultConstructorMarker";

  private ObjectBinder() {}

  /** One field to fill: by record component, constructor parameter, setter or public field. */
  private record Slot(String name, Type type, boolean nullable) {}

  static Object bind(BindPath path, Object value, Type target, Class<?> raw) {
    if (!(value instanceof Map<?, ?> map)) {
      throw path.error(
          target,
          "expected a mapping with the fields of "
              + raw.getSimpleName()
              + ", got "
              + Scalars.describe(value));
    }
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      throw path.error(
          target, "an interface or abstract class cannot be created; declare a record or class");
    }
    Map<TypeVariable<?>, Type> vars = Types.bindings(target);
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    map.forEach((k, v) -> fields.put(String.valueOf(k), v));
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      List<Slot> slots = new ArrayList<>();
      for (RecordComponent c : components) {
        slots.add(
            new Slot(
                c.getName(),
                Types.substitute(c.getGenericType(), vars),
                isNullable(c, c.getAnnotatedType())));
      }
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      try {
        return construct(path, target, raw.getDeclaredConstructor(types), slots, fields);
      } catch (NoSuchMethodException e) {
        throw path.error(target, "the record has no canonical constructor");
      }
    }
    Optional<Constructor<?>> noArg =
        Arrays.stream(raw.getConstructors()).filter(c -> c.getParameterCount() == 0).findFirst();
    List<Constructor<?>> candidates =
        Arrays.stream(raw.getConstructors())
            .filter(c -> c.getParameterCount() > 0 && !c.isSynthetic())
            .toList();
    Constructor<?> best = null;
    List<Slot> bestSlots = List.of();
    for (Constructor<?> c : candidates) {
      Optional<List<Slot>> slots = constructorSlots(raw, c, vars);
      if (slots.isPresent() && covers(slots.get(), fields)) {
        if (best == null || c.getParameterCount() > best.getParameterCount()) {
          best = c;
          bestSlots = slots.get();
        }
      }
    }
    if (best != null) {
      return construct(path, target, best, bestSlots, fields);
    }
    if (noArg.isPresent()) {
      return PojoBinder.bind(path, target, raw, noArg.get(), fields, vars);
    }
    if (candidates.size() == 1) {
      Optional<List<Slot>> slots = constructorSlots(raw, candidates.get(0), vars);
      if (slots.isPresent()) {
        return construct(path, target, candidates.get(0), slots.get(), fields);
      }
    }
    throw path.error(
        target,
        "no way to create it: give it a public no-argument constructor with setters, or one public"
            + " constructor whose parameter names are known (compile with -parameters, or Kotlin's"
            + " -java-parameters), or make it a record");
  }

  private static Optional<List<Slot>> constructorSlots(
      Class<?> raw, Constructor<?> c, Map<TypeVariable<?>, Type> vars) {
    Parameter[] params = c.getParameters();
    Type[] generic = c.getGenericParameterTypes();
    if (generic.length != params.length) {
      generic = c.getParameterTypes(); // inner classes and enums: generic info is partial
    }
    List<String> names = new ArrayList<>();
    if (Arrays.stream(params).allMatch(Parameter::isNamePresent)) {
      Arrays.stream(params).forEach(p -> names.add(p.getName()));
    } else {
      List<Field> declared =
          Arrays.stream(raw.getDeclaredFields())
              .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
              .toList();
      if (declared.size() < params.length) {
        return Optional.empty();
      }
      for (int i = 0; i < params.length; i++) {
        if (declared.get(i).getType() != params[i].getType()) {
          return Optional.empty();
        }
        names.add(declared.get(i).getName());
      }
    }
    List<Slot> slots = new ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      slots.add(
          new Slot(
              names.get(i),
              Types.substitute(generic[i], vars),
              isNullable(params[i], params[i].getAnnotatedType())));
    }
    return Optional.of(slots);
  }

  private static boolean covers(List<Slot> slots, Map<String, @Nullable Object> fields) {
    return fields.keySet().stream().allMatch(k -> find(slots, k).isPresent());
  }

  static Optional<Integer> find(List<? extends Object> slots, String key) {
    List<String> names = slots.stream().map(ObjectBinder::slotName).toList();
    int exact = names.indexOf(key);
    if (exact >= 0) {
      return Optional.of(exact);
    }
    String wanted = normalize(key);
    for (int i = 0; i < names.size(); i++) {
      if (normalize(names.get(i)).equals(wanted)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String slotName(Object slot) {
    return slot instanceof Slot s ? s.name() : slot.toString();
  }

  /** {@code test_size}, {@code test-size} and {@code testSize} are the same field. */
  static String normalize(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  static ParameterBindingException unknownField(
      BindPath path, Type target, String key, List<String> names) {
    List<String> candidates = new ArrayList<>();
    for (String n : names) {
      candidates.add(snake(n).equals(n) ? n : snake(n));
    }
    return path.key(key)
        .error(
            target,
            "unknown field '"
                + key
                + "'."
                + ClosestNames.didYouMean(key, candidates)
                + " Fields of "
                + Types.name(target)
                + ": "
                + String.join(", ", candidates));
  }

  private static Object construct(
      BindPath path,
      Type target,
      Constructor<?> constructor,
      List<Slot> slots,
      Map<String, @Nullable Object> fields) {
    @Nullable Object[] args = new Object[slots.size()];
    boolean[] given = new boolean[slots.size()];
    List<String> names = slots.stream().map(Slot::name).toList();
    for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
      int i =
          find(slots, e.getKey()).orElseThrow(() -> unknownField(path, target, e.getKey(), names));
      Slot slot = slots.get(i);
      args[i] = ParameterBinder.bind(path.key(e.getKey()), e.getValue(), slot.type());
      given[i] = true;
    }
    Constructor<?> withDefaults = kotlinDefaultsConstructor(constructor);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (given[i]) {
        continue;
      }
      Slot slot = slots.get(i);
      Class<?> raw = Types.raw(slot.type());
      if (raw == Optional.class) {
        args[i] = Optional.empty();
      } else if (withDefaults == null && (!slot.nullable() || raw.isPrimitive())) {
        missing.add(snake(slot.name()));
      } else {
        args[i] = raw.isPrimitive() ? zero(raw) : null;
      }
    }
    if (!missing.isEmpty()) {
      throw path.error(
          target,
          "missing field"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (a field that may be left out must be @Nullable or Optional)");
    }
    try {
      if (withDefaults != null) {
        return withDefaults.newInstance(kotlinArgs(args, given));
      }
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof NullPointerException && message.contains("parameter ")) {
        String field = message.substring(message.lastIndexOf("parameter ") + "parameter ".length());
        throw path.error(target, "missing field " + snake(field.trim()));
      }
      throw path.error(target, "its constructor refused the values: " + message);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw path.error(target, "cannot call its constructor (" + e + ")");
    }
  }

  /** Kotlin's synthetic constructor for default values: the parameters, int masks, a marker. */
  private static @Nullable Constructor<?> kotlinDefaultsConstructor(Constructor<?> primary) {
    int n = primary.getParameterCount();
    int masks = (n + 31) / 32;
    for (Constructor<?> c : primary.getDeclaringClass().getDeclaredConstructors()) {
      Class<?>[] types = c.getParameterTypes();
      if (!c.isSynthetic() || types.length != n + masks + 1) {
        continue;
      }
      if (!types[types.length - 1].getName().equals(KOTLIN_DEFAULTS_MARKER)) {
        continue;
      }
      if (!Arrays.equals(Arrays.copyOf(types, n), primary.getParameterTypes())) {
        continue;
      }
      try {
        c.setAccessible(true);
      } catch (RuntimeException e) {
        return null;
      }
      return c;
    }
    return null;
  }

  private static @Nullable Object[] kotlinArgs(@Nullable Object[] args, boolean[] given) {
    int n = args.length;
    int masks = (n + 31) / 32;
    @Nullable Object[] out = Arrays.copyOf(args, n + masks + 1);
    int[] mask = new int[masks];
    for (int i = 0; i < n; i++) {
      if (!given[i]) {
        mask[i / 32] |= 1 << (i % 32);
      }
    }
    for (int m = 0; m < masks; m++) {
      out[n + m] = mask[m];
    }
    out[n + masks] = null;
    return out;
  }

  static boolean isNullable(AnnotatedElement element, AnnotatedType type) {
    return hasNullable(element.getAnnotations()) || hasNullable(type.getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    return Arrays.stream(annotations)
        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  private static Object zero(Class<?> primitive) {
    return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(primitive, 1), 0);
  }

  static List<Method> setters(Class<?> raw) {
    return Arrays.stream(raw.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(
            m ->
                m.getName().startsWith("set")
                    && m.getName().length() > 3
                    && m.getParameterCount() == 1)
        .toList();
  }
}
