package dev.weir.params;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers over {@link java.lang.reflect.Type}: raw classes, type arguments, names. */
final class Types {
  private Types() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    if (type instanceof GenericArrayType g) {
      return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return raw(v.getBounds()[0]);
    }
    return Object.class;
  }

  /**
   * @return the i-th type argument, {@code Object} when the type is raw
   */
  static Type argument(Type type, int i) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      Type arg = p.getActualTypeArguments()[i];
      return arg instanceof WildcardType w ? w.getUpperBounds()[0] : arg;
    }
    return Object.class;
  }

  /**
   * The type variables of a generic class bound to the arguments of {@code target}, so that a
   * component declared {@code T} of {@code Box<Feature>} binds as {@code Feature}.
   */
  static Map<TypeVariable<?>, Type> bindings(Type target) {
    Map<TypeVariable<?>, Type> out = new HashMap<>();
    if (target instanceof ParameterizedType p) {
      TypeVariable<?>[] vars = raw(p).getTypeParameters();
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < vars.length && i < args.length; i++) {
        out.put(vars[i], args[i]);
      }
    }
    return out;
  }

  /** Replaces type variables by their bindings, inside parameterized types too. */
  static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (bindings.isEmpty()) {
      return type;
    }
    if (type instanceof TypeVariable<?> v) {
      return bindings.getOrDefault(v, type);
    }
    if (type instanceof ParameterizedType p) {
      Type[] args =
          Arrays.stream(p.getActualTypeArguments())
              .map(a -> substitute(a, bindings))
              .toArray(Type[]::new);
      return new Parameterized(raw(p), args, p.getOwnerType());
    }
    return type;
  }

  static String name(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? name(c.getComponentType()) + "[]" : c.getSimpleName();
    }
    if (type instanceof ParameterizedType p) {
      return name(p.getRawType())
          + Arrays.stream(p.getActualTypeArguments())
              .map(Types::name)
              .collect(Collectors.joining(", ", "<", ">"));
    }
    return type.getTypeName();
  }

  private record Parameterized(
      Class<?> rawType, Type[] arguments, @org.jspecify.annotations.Nullable Type owner)
      implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return rawType;
    }

    @Override
    public @org.jspecify.annotations.Nullable Type getOwnerType() {
      return owner;
    }
  }
}
