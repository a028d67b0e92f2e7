package dev.weir.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * Turns parameter values into the {@link Column} literals Spark binds to named SQL parameters
 * ({@code spark.sql(text, args)}, Spark's {@code BindParameters}): scalars become literals, YAML
 * lists {@code array(...)}, YAML mappings {@code map(...)}. Values are never spliced into the text,
 * so a string such as {@code '; DROP TABLE x; --} stays a string.
 */
final class SqlArguments {
  private SqlArguments() {}

  /**
   * @param name the parameter name, for messages
   * @param source the node's SQL location, for messages
   * @param value a parameter value as the catalog holds it (YAML types)
   * @return a literal column expression
   * @throws SqlNodeException for a value Spark has no literal for
   */
  static Column toColumn(String name, SqlSource source, @Nullable Object value) {
    if (value == null) {
      return functions.lit(null);
    }
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigDecimal
        || value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof java.sql.Date
        || value instanceof java.sql.Timestamp
        || value instanceof java.time.Instant) {
      return functions.lit(value);
    }
    if (value instanceof BigInteger big) {
      return functions.lit(new BigDecimal(big));
    }
    if (value instanceof java.util.Date date) {
      return functions.lit(new java.sql.Timestamp(date.getTime()));
    }
    if (value instanceof List<?> list) {
      List<Column> items = new ArrayList<>();
      for (Object item : list) {
        items.add(toColumn(name, source, item));
      }
      return functions.array(items.toArray(Column[]::new));
    }
    if (value instanceof Map<?, ?> map) {
      List<Column> keysAndValues = new ArrayList<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        keysAndValues.add(functions.lit(String.valueOf(e.getKey())));
        keysAndValues.add(toColumn(name, source, e.getValue()));
      }
      return functions.map(keysAndValues.toArray(Column[]::new));
    }
    throw new SqlNodeException(
        "The SQL parameter :"
            + name
            + " of "
            + source.location()
            + " is a "
            + value.getClass().getName()
            + ", which Spark SQL has no literal for. Bind a string, number, boolean, date,"
            + " list or mapping.");
  }
}
