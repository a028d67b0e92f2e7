package dev.weir.io;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One data expectation of a catalog entry, as Lakeflow / Spark Declarative Pipelines declare them
 * ({@code @dp.expect}, {@code expect_or_drop}, {@code expect_or_fail}; SQL {@code CONSTRAINT name
 * EXPECT (expr) ON VIOLATION DROP ROW | FAIL UPDATE}): a named SQL boolean constraint and what to
 * do with a row that does not satisfy it.
 *
 * <pre>{@code
 * expectations:
 *   valid_price: {expr: "price > 0", on_violation: fail}
 *   known_company: "company_id IS NOT NULL"     # short form: on_violation warn
 * }</pre>
 *
 * @param name unique within the dataset; letters, digits, {@code _} and {@code -} (it becomes part
 *     of the MLflow metric key {@code expectations.<dataset>.<name>.violations})
 * @param expr a Spark SQL boolean expression over the dataset's columns; a row violates the
 *     expectation unless it evaluates to {@code true}
 * @param onViolation what happens to violating rows
 */
public record Expectation(String name, String expr, OnViolation onViolation) {
  /** The names an expectation may have. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]+");

  /** Checks the name and the expression. */
  public Expectation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(onViolation, "onViolation");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "the expectation name '"
              + name
              + "' may use only letters, digits, '_' and '-' (it is part of an MLflow metric key)");
    }
    if (expr.isBlank()) {
      throw new IllegalArgumentException("the expectation '" + name + "' has an empty expr");
    }
  }

  /**
   * The actions of Lakeflow expectations ({@code expect}, {@code expect_or_drop}, {@code
   * expect_or_fail}).
   */
  public enum OnViolation {
    /** Keep the rows and report how many violated ({@code expect}). */
    WARN,
    /** Remove the violating rows before the save and report how many ({@code expect_or_drop}). */
    DROP,
    /** Fail the save before anything is written ({@code expect_or_fail}). */
    FAIL;

    /**
     * @return the name as written in the catalog: {@code warn}, {@code drop} or {@code fail}
     */
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
