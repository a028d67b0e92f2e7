package dev.weir.sql;

import dev.weir.node.NodeMapFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The body of a SQL node: its SQL text, where the text comes from, the names its inputs are visible
 * under, and the named parameters bound from {@code params:} inputs. Built by {@link SqlNode}; a
 * node is recognised as a SQL node by this function ({@link SqlNodes#sqlFunction}).
 *
 * <p>Arguments arrive keyed by {@link #viewNames()} for DataFrame inputs and by {@code :name} for
 * parameters (the argument names {@link SqlNode} gives the node, which stay the same when a modular
 * pipeline renames the datasets). The result is one DataFrame under {@link #OUTPUT_KEY}. Running it
 * computes nothing: the returned DataFrame is lazy, only analysed (its schema known).
 */
public final class SqlNodeFunction implements NodeMapFunction {
  private static final long serialVersionUID = 1L;

  /** The key of the single output in the returned map. */
  public static final String OUTPUT_KEY = "result";

  private final String sql;
  private final SqlSource source;
  private final List<String> viewNames;
  private final List<String> parameterNames;
  private transient volatile @Nullable SqlQuery parsed;

  SqlNodeFunction(
      String sql, SqlSource source, List<String> viewNames, List<String> parameterNames) {
    this.sql = sql;
    this.source = source;
    this.viewNames = List.copyOf(viewNames);
    this.parameterNames = List.copyOf(parameterNames);
  }

  /**
   * @return the SQL text as written (header comments of a {@code .sql} file included)
   */
  public String sql() {
    return sql;
  }

  /**
   * @return where the text comes from, for file:line messages
   */
  public SqlSource source() {
    return source;
  }

  /**
   * @return the names the DataFrame inputs are visible under in the query, in input order: the
   *     dataset name without its transcoding suffix ({@code companies@spark} is {@code companies})
   */
  public List<String> viewNames() {
    return viewNames;
  }

  /**
   * @return the named SQL parameters bound from {@code params:} inputs ({@code params:a.b} is
   *     {@code :a_b}), in input order
   */
  public List<String> parameterNames() {
    return parameterNames;
  }

  /**
   * Runs the query over the inputs: each input is registered under a name unique to this execution,
   * the query's references to it are rewritten to that name, and the views are gone when this
   * method returns (see {@link SqlExecution}).
   *
   * @param inputs DataFrames keyed by view name, parameter values keyed by {@code :name}
   * @return the result DataFrame under {@link #OUTPUT_KEY}
   * @throws SqlNodeException when the query does not parse, reads a table that is not an input,
   *     uses an undeclared parameter, or an input is not a Spark DataFrame
   * @throws org.apache.spark.sql.AnalysisException (unchecked in practice) when Spark cannot
   *     analyse the query, for example an unknown column
   */
  @Override
  public Map<String, Object> apply(Map<String, Object> inputs) {
    SqlQuery query = query();
    List<SqlChecks.Finding> problems = SqlChecks.queryProblems(this, query);
    if (!problems.isEmpty()) {
      throw new SqlNodeException(
          String.join("\n", problems.stream().map(SqlChecks.Finding::toString).toList()));
    }
    Map<String, Dataset<Row>> frames = new LinkedHashMap<>();
    for (String view : viewNames) {
      frames.put(view, dataFrame(view, inputs.get(view)));
    }
    Map<String, Object> args = new LinkedHashMap<>();
    for (String param : parameterNames) {
      args.put(param, SqlArguments.toColumn(param, source, inputs.get(":" + param)));
    }
    SparkSession spark =
        frames.isEmpty() ? SparkSession.active() : frames.values().iterator().next().sparkSession();
    Dataset<Row> result = SqlExecution.run(spark, query, frames, args);
    return Map.of(OUTPUT_KEY, result);
  }

  private Dataset<Row> dataFrame(String view, @Nullable Object value) {
    if (value instanceof Dataset<?> ds) {
      @SuppressWarnings("unchecked")
      Dataset<Row> rows = (Dataset<Row>) ds;
      return rows;
    }
    throw new SqlNodeException(
        "The SQL in "
            + source.location()
            + " reads '"
            + view
            + "' as a table, but that input is "
            + (value == null ? "null" : "a " + value.getClass().getName())
            + ", not a Spark DataFrame. Give it a Spark dataset in the catalog (for example"
            + " type: spark.SparkDataset) or produce a DataFrame in the node that writes it.");
  }

  /**
   * @return the parsed query, parsed once
   * @throws SqlNodeException naming the file and line when the text does not parse
   */
  SqlQuery query() {
    SqlQuery found = parsed;
    if (found == null) {
      try {
        found = SqlQuery.parse(sql);
      } catch (SqlQuery.SyntaxException e) {
        throw new SqlNodeException(syntaxFinding(e.error()).toString());
      }
      parsed = found;
    }
    return found;
  }

  /**
   * @param error a syntax error of {@link #sql()}
   * @return where ({@code file:line}) and what: Spark's message, the offending line and a caret
   *     under the column
   */
  SqlChecks.Finding syntaxFinding(SqlQuery.SyntaxError error) {
    List<String> lines = List.of(sql.split("\r?\n", -1));
    StringBuilder out = new StringBuilder("the query does not parse (column ");
    out.append(error.column() + 1).append("): ").append(error.message());
    if (error.line() >= 1 && error.line() <= lines.size()) {
      out.append("\n    ").append(lines.get(error.line() - 1).stripTrailing());
      out.append("\n    ").append(" ".repeat(Math.max(0, error.column()))).append('^');
    }
    return new SqlChecks.Finding(source.at(error.line()), out.toString());
  }

  /**
   * @return the declared view names, lower case, as Spark compares them
   */
  Set<String> normalisedViewNames() {
    Set<String> out = new java.util.LinkedHashSet<>();
    viewNames.forEach(v -> out.add(SqlQuery.normalise(v)));
    return out;
  }

  @Override
  public String toString() {
    return "SQL(" + source.location() + ")";
  }
}
