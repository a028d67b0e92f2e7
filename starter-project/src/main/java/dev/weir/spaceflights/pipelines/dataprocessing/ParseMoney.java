package dev.weir.spaceflights.pipelines.dataprocessing;

import java.util.regex.Pattern;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.jspecify.annotations.Nullable;

/**
 * A Java UDF that parses a money string: {@code $1,325.0} becomes 1325.0, as Kedro's spaceflights
 * {@code _parse_money} does with pandas string methods. It runs on the executors, so on a cluster
 * this class must reach them: Weir ships the project's JAR ({@code spark.jars}) with {@code
 * --spark-master}, and uploads it as an artifact to a Spark Connect or Databricks Connect server.
 *
 * <p>A UDF is a black box to Spark's optimizer; the built-in {@code regexp_replace} and {@code
 * cast} would do the same here. The starter uses a UDF to show what node code with its own
 * executor-side classes needs on each kind of cluster (see the README).
 */
public final class ParseMoney implements UDF1<String, Double> {
  private static final long serialVersionUID = 1L;

  /** Currency signs and thousands separators. */
  private static final Pattern NOT_A_NUMBER = Pattern.compile("[$£€,]");

  /**
   * @return the UDF: a string column in, a double column out (null for null or blank)
   */
  public static UserDefinedFunction udf() {
    return functions.udf(new ParseMoney(), DataTypes.DoubleType);
  }

  /**
   * @param money such as {@code $1,325.0}, {@code £950.5} or {@code €12,345,678.25}; may be null
   * @return the amount, or null for null or a blank string
   * @throws NumberFormatException for text that is not an amount once the signs and separators are
   *     removed (the task fails, as Spark's ANSI {@code cast} would)
   */
  @Override
  public @Nullable Double call(@Nullable String money) {
    if (money == null || money.isBlank()) {
      return null;
    }
    return Double.parseDouble(NOT_A_NUMBER.matcher(money.trim()).replaceAll(""));
  }
}
