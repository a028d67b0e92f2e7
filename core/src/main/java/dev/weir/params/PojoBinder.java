package dev.weir.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds a mapping to a POJO: a public no-arg constructor, then for each key a public setter ({@code
 * setTestSize} for {@code test_size}) or a public non-final field. Fields the mapping leaves out
 * keep the object's own defaults.
 */
final class PojoBinder {
  private PojoBinder() {}

  /** A property written through a setter or a public field. */
  private record Property(String name, Member member, Type type) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Object bind(
      BindPath path,
      Type target,
      Class<?> raw,
      Constructor<?> noArg,
      Map<String, @Nullable Object> fields,
      Map<TypeVariable<?>, Type> vars) {
    List<Property> properties = properties(raw, vars);
    List<String> names = properties.stream().map(Property::name).toList();
    Object instance;
    try {
      instance = noArg.newInstance();
    } catch (InvocationTargetException e) {
      throw path.error(target, "its constructor failed: " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw path.error(target, "cannot call its no-argument constructor (" + e + ")");
    }
    for (Map.Entry<String, @Nullable Object> e : fields.entrySet()) {
      int i =
          ObjectBinder.find(properties, e.getKey())
              .orElseThrow(() -> ObjectBinder.unknownField(path, target, e.getKey(), names));
      Property p = properties.get(i);
      Object bound = ParameterBinder.bind(path.key(e.getKey()), e.getValue(), p.type());
      try {
        if (p.member() instanceof Method m) {
          m.invoke(instance, bound);
        } else {
          ((Field) p.member()).set(instance, bound);
        }
      } catch (InvocationTargetException ex) {
        throw path.key(e.getKey()).error(target, "its setter refused the value: " + ex.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException ex) {
        throw path.key(e.getKey()).error(target, "cannot set it (" + ex + ")");
      }
    }
    return instance;
  }

  private static List<Property> properties(Class<?> raw, Map<TypeVariable<?>, Type> vars) {
    List<Property> out = new ArrayList<>();
    for (Method m : ObjectBinder.setters(raw)) {
      String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      out.add(new Property(name, m, Types.substitute(m.getGenericParameterTypes()[0], vars)));
    }
    Arrays.stream(raw.getFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers()))
        .filter(f -> out.stream().noneMatch(p -> p.name().equals(f.getName())))
        .forEach(
            f -> out.add(new Property(f.getName(), f, Types.substitute(f.getGenericType(), vars))));
    return out;
  }
}
