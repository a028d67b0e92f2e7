package dev.weir.datasets;

import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Expectation;
import dev.weir.params.ParameterBinder;
import dev.weir.params.ParameterBindingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code expectations:} and {@code check_on:} keys of a catalog entry, parsed and validated in
 * one place (without Spark), as Lakeflow / Spark Declarative Pipelines declare expectations: a map
 * from a name to {@code {expr: "<Spark SQL boolean>", on_violation: warn|drop|fail}}, or to the
 * expression alone (short form, {@code on_violation: warn}).
 *
 * <pre>{@code
 * model_input_table:
 *   type: spark.DeltaTableDataset
 *   filepath: data/03_primary/model_input_table
 *   check_on: save                     # default; load checks a raw input when it is read
 *   expectations:
 *     valid_price: {expr: "price > 0", on_violation: fail}
 *     known_company: "company_id IS NOT NULL"
 * }</pre>
 *
 * @param list the expectations, in catalog order
 * @param checkOn {@link #SAVE} or {@link #LOAD}
 */
public record Expectations(List<Expectation> list, String checkOn) {
  /** The catalog key of the expectations. */
  public static final String KEY = "expectations";

  /** The catalog key saying when they are checked. */
  public static final String CHECK_ON = "check_on";

  /** Both keys, for a type's known keys. */
  public static final Set<String> KEYS = Set.of(KEY, CHECK_ON);

  /** {@code check_on: save}: checked on every save, before anything is written (the default). */
  public static final String SAVE = "save";

  /** {@code check_on: load}: checked when the data is loaded (raw inputs no node writes). */
  public static final String LOAD = "load";

  /** None. */
  public static final Expectations NONE = new Expectations(List.of(), SAVE);

  /** Copies the list. */
  public Expectations {
    list = List.copyOf(list);
  }

  /**
   * The long form of one expectation, bound with {@link ParameterBinder} (unknown keys and values
   * named with the closest valid ones).
   *
   * @param expr the Spark SQL boolean expression
   * @param onViolation {@code warn} when absent
   */
  public record Spec(String expr, Expectation.@Nullable OnViolation onViolation) {}

  /**
   * @param spec a catalog entry
   * @return its expectations, {@link #NONE} when it has none
   * @throws DatasetException naming the catalog file, the entry, the expectation and the fix
   */
  public static Expectations of(DatasetSpec spec) {
    Object value = spec.config().get(KEY);
    String checkOn = Specs.oneOf(spec, CHECK_ON, List.of(SAVE, LOAD), SAVE);
    if (value == null) {
      if (spec.config().containsKey(CHECK_ON)) {
        throw new DatasetException(
            Specs.where(spec) + " sets check_on but has no expectations; add expectations.");
      }
      return NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new DatasetException(
          Specs.where(spec)
              + ": 'expectations' must be a mapping from a name to an expression or to {expr:"
              + " ..., on_violation: warn|drop|fail}, got: "
              + value);
    }
    List<Expectation> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      out.add(expectation(spec, name, e.getValue()));
    }
    return new Expectations(out, checkOn);
  }

  private static Expectation expectation(DatasetSpec spec, String name, @Nullable Object value) {
    String where = Specs.where(spec) + ", expectation '" + name + "'";
    Spec bound;
    if (value instanceof String s) {
      bound = new Spec(s, null);
    } else if (value instanceof Map<?, ?>) {
      try {
        bound =
            (Spec)
                Objects.requireNonNull(
                    ParameterBinder.bind("expectations." + name, value, Spec.class));
      } catch (ParameterBindingException ex) {
        throw new DatasetException(
            where
                + ": "
                + ex.getMessage()
                + " An expectation takes expr (a Spark SQL boolean) and on_violation (one of"
                + " warn, drop, fail).",
            ex);
      }
    } else {
      throw new DatasetException(
          where
              + " must be an expression (\"price > 0\") or {expr: ..., on_violation:"
              + " warn|drop|fail}, got: "
              + value);
    }
    try {
      return new Expectation(
          name,
          bound.expr().strip(),
          bound.onViolation() == null ? Expectation.OnViolation.WARN : bound.onViolation());
    } catch (IllegalArgumentException ex) {
      throw new DatasetException(where + ": " + ex.getMessage() + ".", ex);
    }
  }

  /**
   * @return whether there is none
   */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /**
   * @return whether they are checked on load rather than on save
   */
  public boolean onLoad() {
    return LOAD.equals(checkOn);
  }

  /**
   * The message for a type that does not check expectations.
   *
   * @param spec the entry
   * @param key {@code expectations} or {@code check_on}
   * @return the message, naming the types that do
   */
  static String unsupported(DatasetSpec spec, String key) {
    return Specs.where(spec)
        + " has '"
        + key
        + "', but only Spark datasets check expectations (spark.SparkDataset,"
        + " spark.DeltaTableDataset, spark.SparkTableDataset / databricks.ManagedTableDataset)."
        + " Remove it, or store the data with one of those types.";
  }
}
