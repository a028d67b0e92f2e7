package dev.weir.datasets;

import dev.weir.ClosestNames;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.params.ParameterBinder;
import dev.weir.params.ParameterBindingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks on a catalog entry shared by the built-in dataset types, so that a broken entry fails when
 * the catalog builds the dataset, before any node runs. Every message names the dataset, the file
 * it came from and the fix (the closest valid key or value).
 */
public final class Specs {
  private Specs() {}

  /**
   * Refuses keys the type does not know.
   *
   * @param spec the catalog entry
   * @param known every key the type accepts
   * @throws DatasetException for the first unknown key, naming the closest known ones ({@link
   *     ClosestNames}); {@code expectations} on a type that does not check them says which types do
   */
  public static void requireKnownKeys(DatasetSpec spec, Set<String> known) {
    for (String key : spec.options().keySet()) {
      if (!known.contains(key) && Expectations.KEYS.contains(key)) {
        throw new DatasetException(Expectations.unsupported(spec, key));
      }
      if (!known.contains(key)) {
        throw new DatasetException(
            where(spec)
                + " has an unknown key '"
                + key
                + "'."
                + ClosestNames.didYouMean(key, known)
                + " Known keys: "
                + String.join(", ", known.stream().sorted().toList())
                + ".");
      }
    }
  }

  /**
   * Binds the given keys of a catalog entry to a spec record with core's {@link ParameterBinder}
   * (YAML's {@code snake_case} keys bind {@code camelCase} components; enums match by name,
   * case-insensitively), as Flowman binds its spec classes: a value of the wrong kind gets the
   * binder's message, prefixed with where the entry is.
   *
   * @param spec the catalog entry
   * @param keys the keys that belong to {@code type}; others are left out (each type refuses its
   *     unknown keys with {@link #requireKnownKeys} first)
   * @param type a public record whose components may be {@code @Nullable} for optional keys
   * @param <T> the record type
   * @return the bound record
   * @throws DatasetException naming the dataset, its file, the key and the fix
   */
  public static <T> T bind(DatasetSpec spec, Set<String> keys, Class<T> type) {
    Map<String, Object> picked = new java.util.LinkedHashMap<>();
    spec.options()
        .forEach(
            (k, v) -> {
              if (keys.contains(k)) {
                picked.put(k, v);
              }
            });
    try {
      // A map always binds to a record, never to null.
      return type.cast(
          java.util.Objects.requireNonNull(ParameterBinder.bind(spec.name(), picked, type)));
    } catch (ParameterBindingException e) {
      throw new DatasetException(where(spec) + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param spec the catalog entry
   * @param key a required key
   * @return its value as a string
   * @throws DatasetException when the key is absent or blank
   */
  public static String required(DatasetSpec spec, String key) {
    String value = spec.string(key);
    if (value == null || value.isBlank()) {
      throw new DatasetException(
          where(spec) + " needs '" + key + "'. Add it to the catalog entry.");
    }
    return value;
  }

  /**
   * A key that holds one name or a list of names, such as {@code primary_key} or {@code
   * partition_columns}.
   *
   * @param spec the catalog entry
   * @param key the key
   * @return the names, empty when absent
   * @throws DatasetException when the value is neither a string nor a list
   */
  public static List<String> stringList(DatasetSpec spec, String key) {
    Object value = spec.config().get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (value instanceof Collection<?> c) {
      List<String> out = new ArrayList<>();
      c.forEach(v -> out.add(String.valueOf(v)));
      return List.copyOf(out);
    }
    throw new DatasetException(
        where(spec) + ": '" + key + "' must be a name or a list of names, got: " + value);
  }

  /**
   * A value that must be one of a fixed set.
   *
   * @param spec the catalog entry
   * @param key the key
   * @param valid the accepted values, in the order shown to the user
   * @param defaultValue used when the key is absent
   * @return the value
   * @throws DatasetException naming the valid values and the closest one
   */
  public static String oneOf(
      DatasetSpec spec, String key, List<String> valid, String defaultValue) {
    String value = spec.string(key);
    if (value == null) {
      return defaultValue;
    }
    return checkOneOf(spec, key, value, valid);
  }

  /**
   * @param spec the catalog entry
   * @param key the key the value came from, for the message
   * @param value the value as written
   * @param valid the accepted values
   * @return {@code value} when it is valid
   * @throws DatasetException naming the valid values and the closest one
   */
  public static String checkOneOf(DatasetSpec spec, String key, String value, List<String> valid) {
    if (valid.contains(value)) {
      return value;
    }
    throw new DatasetException(
        where(spec)
            + ": "
            + key
            + " '"
            + value
            + "' is not valid."
            + ClosestNames.didYouMean(value, valid)
            + " Use one of: "
            + String.join(", ", valid)
            + ".");
  }

  /**
   * @param spec the catalog entry
   * @param key the key
   * @return the value as a string map (nested values kept as they are), empty when absent
   */
  public static Map<String, Object> map(DatasetSpec spec, String key) {
    return spec.map(key);
  }

  /**
   * @param spec the catalog entry
   * @return {@code Dataset 'name' (type, in file)} for the start of a message
   */
  public static String where(DatasetSpec spec) {
    return "Dataset '"
        + spec.name()
        + "' ("
        + spec.type()
        + (spec.source() == null ? "" : ", in " + spec.source())
        + ")";
  }

  /**
   * @param value a value from YAML (number or string), or null
   * @return the value as a long, or null
   * @throws NumberFormatException when it is not a whole number
   */
  public static @Nullable Long asLong(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong(value.toString().trim());
  }
}
