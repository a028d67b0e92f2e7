package dev.weir.params;

import dev.weir.ClosestNames;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scalar conversions. Numbers convert when nothing is lost: {@code 3} fits a {@code double}, {@code
 * 3.0} fits an {@code int}, {@code 3.5} does not, and a value out of the target's range is an
 * error. Text that reads as a number converts to a number type (interpolated values are text). Any
 * scalar binds to {@code String}. Enums match by name, case-insensitively.
 */
final class Scalars {
  private static final List<Class<?>> TYPES =
      List.of(
          String.class,
          CharSequence.class,
          Character.class,
          char.class,
          Boolean.class,
          boolean.class,
          Integer.class,
          int.class,
          Long.class,
          long.class,
          Short.class,
          short.class,
          Byte.class,
          byte.class,
          Double.class,
          double.class,
          Float.class,
          float.class,
          BigDecimal.class,
          BigInteger.class,
          Number.class);

  private Scalars() {}

  static boolean handles(Class<?> raw) {
    return raw.isEnum() || TYPES.contains(raw);
  }

  static Object convert(BindPath path, Object value, Class<?> raw, Type target) {
    if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
      throw path.error(target, "expected a single value, got " + describe(value));
    }
    if (raw.isEnum()) {
      return toEnum(path, value, raw, target);
    }
    if (raw == String.class || raw == CharSequence.class) {
      return value.toString();
    }
    if (raw == Character.class || raw == char.class) {
      String s = value.toString();
      if (s.length() != 1) {
        throw path.error(target, "expected one character, got " + describe(value));
      }
      return s.charAt(0);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      if (value instanceof Boolean b) {
        return b;
      }
      String s = value.toString().trim().toLowerCase(Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return Boolean.valueOf(s);
      }
      throw path.error(target, "expected true or false, got " + describe(value));
    }
    if (value instanceof Number n && !(value instanceof BigDecimal)) {
      if (raw == Double.class || raw == double.class) {
        return n.doubleValue(); // keeps NaN and infinities (.nan, .inf in YAML)
      }
      if (raw == Float.class || raw == float.class) {
        return n.floatValue();
      }
    }
    BigDecimal number = toNumber(path, value, target);
    if (raw == Number.class) {
      return value instanceof Number n ? n : number;
    }
    if (raw == Double.class || raw == double.class) {
      return number.doubleValue();
    }
    if (raw == Float.class || raw == float.class) {
      return number.floatValue();
    }
    if (raw == BigDecimal.class) {
      return number;
    }
    BigInteger whole;
    try {
      whole = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw path.error(target, "expected a whole number, got " + describe(value));
    }
    if (raw == BigInteger.class) {
      return whole;
    }
    try {
      if (raw == Long.class || raw == long.class) {
        return whole.longValueExact();
      }
      if (raw == Integer.class || raw == int.class) {
        return whole.intValueExact();
      }
      if (raw == Short.class || raw == short.class) {
        return whole.shortValueExact();
      }
      return whole.byteValueExact();
    } catch (ArithmeticException e) {
      throw path.error(target, describe(value) + " is out of range");
    }
  }

  private static BigDecimal toNumber(BindPath path, Object value, Type target) {
    if (value instanceof BigDecimal b) {
      return b;
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw path.error(target, "expected a finite number, got " + describe(value));
      }
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim().replace("_", ""));
      } catch (NumberFormatException e) {
        throw path.error(target, "expected a number, got " + describe(value));
      }
    }
    throw path.error(target, "expected a number, got " + describe(value));
  }

  private static Object toEnum(BindPath path, Object value, Class<?> raw, Type target) {
    Object[] constants = raw.getEnumConstants();
    String text = value.toString();
    for (Object c : constants) {
      if (((Enum<?>) c).name().equals(text)) {
        return c;
      }
    }
    for (Object c : constants) {
      if (((Enum<?>) c).name().equalsIgnoreCase(text.replace('-', '_'))) {
        return c;
      }
    }
    // Names are shown as the user spells them: YAML users write write_mode: upsert, not UPSERT.
    boolean lower = text.equals(text.toLowerCase(java.util.Locale.ROOT));
    List<String> names =
        Arrays.stream(constants)
            .map(c -> ((Enum<?>) c).name())
            .map(n -> lower ? n.toLowerCase(java.util.Locale.ROOT) : n)
            .toList();
    throw path.error(
        target,
        "'"
            + text
            + "' is not one of "
            + String.join(", ", names)
            + "."
            + ClosestNames.didYouMean(text, names));
  }

  static String describe(Object value) {
    String shown = value.toString();
    if (shown.length() > 60) {
      shown = shown.substring(0, 57) + "...";
    }
    String kind =
        value instanceof Map<?, ?>
            ? "a mapping"
            : value instanceof java.util.Collection<?>
                ? "a list"
                : value.getClass().getSimpleName();
    return kind + " " + (value instanceof String ? "'" + shown + "'" : shown);
  }
}
