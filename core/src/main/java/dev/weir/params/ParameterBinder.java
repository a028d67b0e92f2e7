package dev.weir.params;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Binds a parameter value (parsed YAML: Map, List, String, Number, Boolean) to the type a node
 * function declares: {@code Map}, {@code List}, a scalar ({@code int}, {@code double}, {@code
 * String}, ...), a Java record (components by name) or a POJO (public no-arg constructor and
 * setters or fields), nested. Runs before any node, so a mistake fails the run early.
 */
public final class ParameterBinder {
  private ParameterBinder() {}

  /**
   * @param parameterName the input as written, for example {@code params:model_options}
   * @param value the parameter value
   * @param target the declared type
   * @return the bound value
   * @throws ParameterBindingException on a missing or unknown field or a value of the wrong type,
   *     naming the parameter, the field and the target type
   */
  public static Object bind(String parameterName, @Nullable Object value, Type target) {
    throw new UnsupportedOperationException("TODO");
  }
}
