package dev.weir.sql;

import dev.weir.datasets.spark.SqlBaseParsers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTreeWalker;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.SqlBaseParser;
import org.apache.spark.sql.catalyst.parser.SqlBaseParserBaseListener;
import org.jspecify.annotations.Nullable;

/**
 * A SQL node's text parsed with Spark's own grammar ({@code SqlBaseParser.singleStatement}, as
 * {@code AbstractParser} does in spark-sql-api), without a Spark session: what kind of statement it
 * is, the tables it reads, the common table expressions it defines, the named parameters ({@code
 * :name}) it uses, and the output column names where the select list spells them out.
 *
 * <p>Parser flags are Spark 4.1's defaults ({@code spark.sql.ansi.enforceReservedKeywords=false},
 * {@code spark.sql.ansi.doubleQuotedIdentifiers=false}, legacy flags off).
 */
final class SqlQuery {
  private static final Pattern SIMPLE_REFERENCE =
      Pattern.compile("(?:`(?:[^`]|``)*`|\\w+)(?:\\.(?:`(?:[^`]|``)*`|\\w+))*");
  private static final Pattern PART = Pattern.compile("`((?:[^`]|``)*)`|(\\w+)");

  /**
   * A table the query reads.
   *
   * @param name the name as Spark resolves it, parts unquoted and joined by {@code .}
   * @param start first code point of the reference in the text (0-based)
   * @param stop last code point of the reference in the text (inclusive)
   * @param line the line of the reference, from 1
   * @param dynamic whether the name is computed ({@code IDENTIFIER(:x)}), so cannot be checked
   */
  record TableRef(String name, int start, int stop, int line, boolean dynamic) {}

  /**
   * A syntax error.
   *
   * @param line the line, from 1
   * @param column the position in the line, from 0
   * @param message Spark's message, for example {@code [PARSE_SYNTAX_ERROR] Syntax error at or near
   *     'FROM'}
   */
  record SyntaxError(int line, int column, String message) {}

  /** Thrown by {@link #parse} when the text does not parse. */
  static final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SyntaxError error;

    SyntaxException(SyntaxError error) {
      super(error.message());
      this.error = error;
    }

    SyntaxError error() {
      return error;
    }
  }

  private final String text;
  private final @Nullable String statementKind;
  private final int statementLine;
  private final List<TableRef> tables;
  private final Set<String> cteNames;
  private final Set<String> parameters;
  private final @Nullable List<String> outputColumns;

  private SqlQuery(
      String text,
      @Nullable String statementKind,
      int statementLine,
      List<TableRef> tables,
      Set<String> cteNames,
      Set<String> parameters,
      @Nullable List<String> outputColumns) {
    this.text = text;
    this.statementKind = statementKind;
    this.statementLine = statementLine;
    this.tables = List.copyOf(tables);
    this.cteNames = Set.copyOf(cteNames);
    this.parameters = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(parameters));
    this.outputColumns = outputColumns == null ? null : List.copyOf(outputColumns);
  }

  /**
   * @param text one SQL statement; comments allowed, a trailing {@code ;} allowed
   * @return the parsed query
   * @throws SyntaxException when the text does not parse
   */
  static SqlQuery parse(String text) {
    SqlBaseParser parser = SqlBaseParsers.parser(text);
    SqlBaseParser.SingleStatementContext statement;
    try {
      statement = parser.singleStatement();
    } catch (Exception e) {
      // Scala declares no exceptions, so Java sees ParseException (checked) as never thrown here.
      if (e instanceof ParseException pe) {
        throw new SyntaxException(syntaxError(pe));
      }
      throw (RuntimeException) e;
    }
    return analyse(text, statement);
  }

  private static SyntaxError syntaxError(ParseException e) {
    int line = e.start().line().isDefined() ? (Integer) e.start().line().get() : 1;
    int column =
        e.start().startPosition().isDefined() ? (Integer) e.start().startPosition().get() : 0;
    String message = Objects.requireNonNullElse(e.getMessage(), e.toString()).strip();
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    message = message.replaceFirst("\\s*\\(line \\d+, pos \\d+\\)$", "");
    return new SyntaxError(line, column, message);
  }

  private static SqlQuery analyse(String text, SqlBaseParser.SingleStatementContext statement) {
    List<TableRef> tables = new ArrayList<>();
    Set<String> ctes = new LinkedHashSet<>();
    Set<String> params = new LinkedHashSet<>();
    ParseTreeWalker.DEFAULT.walk(
        new SqlBaseParserBaseListener() {
          @Override
          public void enterTableName(SqlBaseParser.TableNameContext ctx) {
            tables.add(table(ctx.identifierReference()));
          }

          @Override
          public void enterTable(SqlBaseParser.TableContext ctx) {
            tables.add(table(ctx.identifierReference()));
          }

          @Override
          public void enterNamedQuery(SqlBaseParser.NamedQueryContext ctx) {
            ctes.add(normalise(unquote(ctx.name.getText())));
          }

          @Override
          public void enterNamedParameterMarker(SqlBaseParser.NamedParameterMarkerContext ctx) {
            params.add(unquote(ctx.simpleIdentifier().getText()));
          }
        },
        statement);
    String kind = null;
    int line = statement.getStart().getLine();
    List<String> columns = null;
    SqlBaseParser.StatementContext body = statement.statement();
    if (body instanceof SqlBaseParser.StatementDefaultContext query) {
      columns = outputColumns(query.query());
    } else {
      ParserRuleContext first = body != null ? body : statement.setResetStatement();
      kind = first == null ? "an empty statement" : firstWords(first);
      line = first == null ? line : first.getStart().getLine();
    }
    return new SqlQuery(text, kind, line, tables, ctes, params, columns);
  }

  private static TableRef table(SqlBaseParser.IdentifierReferenceContext ref) {
    boolean dynamic = ref.multipartIdentifier() == null;
    String name;
    if (dynamic) {
      name = ref.getText();
    } else {
      List<String> parts = new ArrayList<>();
      for (var part : ref.multipartIdentifier().parts) {
        parts.add(unquote(part.getText()));
      }
      name = String.join(".", parts);
    }
    return new TableRef(
        name,
        ref.getStart().getStartIndex(),
        ref.getStop().getStopIndex(),
        ref.getStart().getLine(),
        dynamic);
  }

  /**
   * The column names of the left-most {@code SELECT} when every item has a name Spark keeps as
   * written (an alias, a column, {@code t.column}); empty when one is {@code *} or an unaliased
   * expression whose name Spark generates.
   */
  private static @Nullable List<String> outputColumns(SqlBaseParser.QueryContext query) {
    SqlBaseParser.QueryTermContext term = query.queryTerm();
    while (term instanceof SqlBaseParser.SetOperationContext set) {
      term = set.left;
    }
    if (!(term instanceof SqlBaseParser.QueryTermDefaultContext primary)
        || !(primary.queryPrimary() instanceof SqlBaseParser.QueryPrimaryDefaultContext spec)
        || !(spec.querySpecification()
            instanceof SqlBaseParser.RegularQuerySpecificationContext select)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (var item : select.selectClause().namedExpressionSeq().namedExpression()) {
      if (item.name != null) {
        names.add(unquote(item.name.getText()));
        continue;
      }
      String expression = item.expression() == null ? "" : item.expression().getText();
      if (item.identifierList() != null || !SIMPLE_REFERENCE.matcher(expression).matches()) {
        return null;
      }
      String last = expression;
      Matcher m = PART.matcher(expression);
      while (m.find()) {
        last = m.group(1) != null ? m.group(1).replace("``", "`") : m.group(2);
      }
      names.add(last);
    }
    return names;
  }

  private static String firstWords(ParserRuleContext ctx) {
    String words = ctx.getStart().getText();
    if (ctx.getChildCount() > 1 && ctx.getChild(1).getText().matches("[A-Za-z_]+")) {
      words += " " + ctx.getChild(1).getText();
    }
    return words.toUpperCase(Locale.ROOT);
  }

  static String unquote(String identifier) {
    if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
      return identifier.substring(1, identifier.length() - 1).replace("``", "`");
    }
    return identifier;
  }

  /** Spark resolves unquoted and quoted names case-insensitively by default. */
  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * @return the SQL text as parsed
   */
  String text() {
    return text;
  }

  /**
   * @return {@code null} for a query ({@code SELECT}, {@code WITH ... SELECT}, {@code VALUES},
   *     {@code TABLE t}); otherwise the first words of the statement, such as {@code INSERT INTO}
   */
  @Nullable String nonQueryKind() {
    return statementKind;
  }

  /**
   * @return the line of the statement, from 1
   */
  int statementLine() {
    return statementLine;
  }

  /**
   * @return every table reference outside the query's own common table expressions, in order
   */
  List<TableRef> tablesRead() {
    return tables.stream().filter(t -> !cteNames.contains(normalise(t.name()))).toList();
  }

  /**
   * @return the names of {@code :name} parameters, in order of first use
   */
  Set<String> parameters() {
    return parameters;
  }

  /**
   * @return the output columns when the select list spells them out, else empty
   */
  Optional<List<String>> outputColumns() {
    return Optional.ofNullable(outputColumns);
  }

  /**
   * The text with table references replaced: each reference whose name (case-insensitive) is a key
   * of {@code renames} becomes the back-quoted value. Comments, spacing and line breaks stay, so
   * Spark's error positions still point at the user's lines.
   *
   * @param renames view name (lower case) to the name to use instead
   * @return the rewritten text
   */
  String rewrite(Map<String, String> renames) {
    StringBuilder out = new StringBuilder(text);
    List<TableRef> refs = new ArrayList<>(tablesRead());
    refs.sort(Comparator.comparingInt(TableRef::start).reversed());
    for (TableRef ref : refs) {
      String target = ref.dynamic() ? null : renames.get(normalise(ref.name()));
      if (target != null) {
        // ANTLR indexes code points; StringBuilder indexes UTF-16 chars.
        int start = text.offsetByCodePoints(0, ref.start());
        int end = text.offsetByCodePoints(0, ref.stop() + 1);
        out.replace(start, end, "`" + target.replace("`", "``") + "`");
      }
    }
    return out.toString();
  }
}
