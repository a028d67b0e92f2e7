package dev.weir.datasets.spark;

import java.util.Objects;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.apache.spark.sql.catalyst.parser.ParseErrorListener$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.SparkParserErrorStrategy;
import org.apache.spark.sql.catalyst.parser.SqlBaseLexer;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.catalyst.parser.UpperCaseCharStream;
import org.jspecify.annotations.Nullable;

/**
 * Spark's own SQL grammar ({@code SqlBaseLexer} / {@code SqlBaseParser} of spark-sql-api) set up as
 * spark-sql-api's {@code AbstractParser} does, without a Spark session, so SQL nodes and catalog
 * expectations are checked before any node runs and without starting Spark. Parser flags are Spark
 * 4.1's defaults ({@code spark.sql.ansi.enforceReservedKeywords=false}, {@code
 * spark.sql.ansi.doubleQuotedIdentifiers=false}, legacy flags off, parameter markers allowed).
 */
public final class SqlBaseParsers {
  private SqlBaseParsers() {}

  /**
   * @param text SQL text
   * @return a parser over it whose errors are thrown as Spark's {@code ParseException}
   */
  public static SqlBaseParser parser(String text) {
    SqlBaseLexer lexer = new SqlBaseLexer(new UpperCaseCharStream(CharStreams.fromString(text)));
    lexer.removeErrorListeners();
    lexer.addErrorListener(ParseErrorListener$.MODULE$);
    SqlBaseParser parser = new SqlBaseParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(ParseErrorListener$.MODULE$);
    parser.setErrorHandler(new SparkParserErrorStrategy());
    parser.legacy_setops_precedence_enabled = false;
    parser.legacy_exponent_literal_as_decimal_enabled = false;
    parser.SQL_standard_keyword_behavior = false;
    parser.double_quoted_identifiers = false;
    parser.parameter_substitution_enabled = true;
    return parser;
  }

  /**
   * Parses one expression ({@code SqlBaseParser.singleExpression}, as {@code
   * AbstractParser.parseExpression}).
   *
   * @param text an expression such as {@code price > 0}
   * @return Spark's syntax error, first line only, or {@code null} when it parses (or when Spark's
   *     parser is not on the class path, as with Databricks Connect: Spark then reports the error
   *     when the expression is evaluated)
   */
  static @Nullable String expressionSyntaxError(String text) {
    try {
      parser(text).singleExpression();
      return null;
    } catch (LinkageError e) {
      return null;
    } catch (Exception e) {
      // Scala declares no exceptions, so Java sees ParseException (checked) as never thrown here.
      if (e instanceof ParseException) {
        String message = Objects.requireNonNullElse(e.getMessage(), e.toString()).strip();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
      }
      throw (RuntimeException) e;
    }
  }
}
