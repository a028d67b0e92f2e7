package dev.weir.sql;

import dev.weir.io.DataCatalog;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Validates the SQL nodes of a pipeline before anything runs, as small named checks that each
 * report one problem per mistake (as Spark Declarative Pipelines validates its graph):
 *
 * <ol>
 *   <li><b>parses</b>: Spark's grammar accepts the text; a syntax error names the file, line and
 *       column;
 *   <li><b>is a query</b>: {@code SELECT}, {@code WITH ... SELECT} (not {@code INSERT}, {@code
 *       DROP}, ...);
 *   <li><b>reads only inputs</b>: every table the query reads, outside its own CTEs, is a declared
 *       input; another table is named with its line;
 *   <li><b>binds its parameters</b>: every {@code :name} has a {@code params:} input;
 *   <li><b>has the declared columns</b>: when the catalog declares a schema for the output ({@code
 *       load_args.schema}), the query's result has each of its columns. The result's columns come
 *       from Spark's analyser over empty DataFrames when a session is given and every input
 *       declares a schema, else from the select list when it names every column; otherwise the
 *       check is skipped before the run.
 * </ol>
 *
 * <p>Checks 1–4 and the select-list form of 5 need no Spark session, so {@code weir run --dry-run}
 * runs them without starting Spark. Nodes that are not SQL nodes are ignored, and a pipeline
 * without SQL nodes never loads a Spark class here.
 */
public final class SqlNodes {
  /** Why a SQL node cannot run where Spark's SQL parser is missing, and what to do instead. */
  static final String NO_PARSER =
      "needs Spark's SQL parser (org.apache.spark.sql.catalyst.parser, from spark-sql-api), which"
          + " is not on the class path; Databricks Connect for Scala/Java does not include it. Run"
          + " this node on classic Spark or over Apache Spark Connect, or write it with the"
          + " DataFrame API";

  private static final String FUNCTION_CLASS = "dev.weir.sql.SqlNodeFunction";

  private SqlNodes() {}

  /**
   * @param node any node
   * @return its SQL function when it is a SQL node
   */
  public static Optional<SqlNodeFunction> sqlFunction(Node node) {
    // By name first, so that non-SQL pipelines never load the Spark-typed function class.
    Object fn = node.function();
    return fn.getClass().getName().equals(FUNCTION_CLASS)
        ? Optional.of((SqlNodeFunction) fn)
        : Optional.empty();
  }

  /**
   * @param pipeline a pipeline
   * @return whether it has at least one SQL node
   */
  public static boolean hasSqlNodes(Pipeline pipeline) {
    return pipeline.nodes().stream().anyMatch(n -> sqlFunction(n).isPresent());
  }

  /**
   * The checks that need no Spark session (the dry run's).
   *
   * @param pipeline the pipeline about to run
   * @param catalog its catalog (declared output schemas)
   * @return every problem found, in node order; empty when all SQL nodes are valid
   */
  public static List<SqlProblem> validate(Pipeline pipeline, DataCatalog catalog) {
    return validate(pipeline, catalog, () -> null);
  }

  /**
   * Every check, the column check with Spark's analyser where possible.
   *
   * @param pipeline the pipeline about to run
   * @param catalog its catalog (declared schemas, parameters)
   * @param spark the session, or {@code null} to check without Spark
   * @return every problem found, in node order
   */
  public static List<SqlProblem> validate(
      Pipeline pipeline, DataCatalog catalog, @Nullable SparkSession spark) {
    return validate(pipeline, catalog, () -> spark);
  }

  /**
   * @param pipeline the pipeline about to run
   * @param catalog its catalog
   * @param spark the session, asked for only when a column check needs Spark's analyser; may return
   *     {@code null}
   * @return every problem found, in node order
   */
  public static List<SqlProblem> validate(
      Pipeline pipeline, DataCatalog catalog, Supplier<@Nullable SparkSession> spark) {
    // A lambda, not SqlQuery::parse: linking a method reference loads SqlQuery and its parser's
    // classes (ANTLR) here, outside validateNode's catch of LinkageError, so on Databricks Connect
    // (no parser on the class path) the run died with NoClassDefFoundError instead of naming the
    // SQL nodes it cannot run (seen in the starter's DatabricksConnectRunTest).
    return validate(pipeline, catalog, spark, text -> SqlQuery.parse(text));
  }

  /**
   * @param parser parses a node's text ({@link SqlQuery#parse}; replaced in tests)
   */
  static List<SqlProblem> validate(
      Pipeline pipeline,
      DataCatalog catalog,
      Supplier<@Nullable SparkSession> spark,
      Function<String, SqlQuery> parser) {
    List<SqlProblem> problems = new ArrayList<>();
    for (Node node : pipeline.nodes()) {
      Optional<SqlNodeFunction> fn = sqlFunction(node);
      if (fn.isPresent()) {
        validateNode(node, fn.get(), catalog, spark, parser, problems);
      }
    }
    return problems;
  }

  /**
   * Validates and throws.
   *
   * @param pipeline the pipeline about to run
   * @param catalog its catalog
   * @param spark the session, or {@code null}
   * @throws SqlNodeException listing every problem, when there is one
   */
  public static void check(Pipeline pipeline, DataCatalog catalog, @Nullable SparkSession spark) {
    throwIfAny(validate(pipeline, catalog, spark));
  }

  static void throwIfAny(List<SqlProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    throw new SqlNodeException(
        "SQL node validation found "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "; no node was run:\n  - "
            + String.join("\n  - ", problems.stream().map(SqlProblem::toString).toList()));
  }

  private static void validateNode(
      Node node,
      SqlNodeFunction fn,
      DataCatalog catalog,
      Supplier<@Nullable SparkSession> spark,
      Function<String, SqlQuery> parser,
      List<SqlProblem> out) {
    SqlQuery query;
    try {
      query = parser.apply(fn.sql());
    } catch (SqlQuery.SyntaxException e) {
      SqlChecks.Finding f = fn.syntaxFinding(e.error());
      out.add(new SqlProblem(node.name(), f.where(), f.message()));
      return;
    } catch (LinkageError e) {
      // Weir parses on the client to check the query and to give each run its own views.
      out.add(new SqlProblem(node.name(), fn.source().location(), NO_PARSER + " (" + e + ")"));
      return;
    }
    List<SqlChecks.Finding> findings = SqlChecks.queryProblems(fn, query);
    for (SqlChecks.Finding f : findings) {
      out.add(new SqlProblem(node.name(), f.where(), f.message()));
    }
    if (findings.isEmpty()) {
      columns(node, fn, query, catalog, spark, out);
    }
  }

  private static void columns(
      Node node,
      SqlNodeFunction fn,
      SqlQuery query,
      DataCatalog catalog,
      Supplier<@Nullable SparkSession> spark,
      List<SqlProblem> out) {
    String output = node.outputs().get(0);
    Optional<StructType> expected;
    try {
      expected = SqlSchemas.declared(catalog, output);
    } catch (SqlNodeException e) {
      out.add(
          new SqlProblem(
              node.name(),
              fn.source().location(),
              Objects.requireNonNullElse(e.getMessage(), e.toString())));
      return;
    }
    if (expected.isEmpty()) {
      return;
    }
    Optional<List<String>> actual = Optional.empty();
    String how = "its select list";
    boolean allInputsDeclared =
        node.inputs().stream()
            .filter(i -> !i.startsWith("params:"))
            .allMatch(i -> SqlSchemas.declared(catalog, i).isPresent());
    SparkSession session = allInputsDeclared ? spark.get() : null;
    if (session != null) {
      try {
        actual = SqlAnalysis.outputColumns(session, fn, node.inputs(), catalog);
        how = "Spark's analysis over the declared input schemas";
      } catch (Exception e) {
        // Scala throws AnalysisException, a checked exception Java cannot name here.
        out.add(
            new SqlProblem(
                node.name(),
                fn.source().location(),
                "Spark cannot analyse the query over the input schemas declared in the catalog: "
                    + firstLine(e.getMessage())));
        return;
      }
    }
    if (actual.isEmpty()) {
      actual = query.outputColumns();
    }
    if (actual.isEmpty()) {
      return;
    }
    Set<String> have = new TreeSet<>();
    actual.get().forEach(c -> have.add(c.toLowerCase(Locale.ROOT)));
    List<String> missing = new ArrayList<>();
    for (StructField field : expected.get().fields()) {
      if (!have.contains(field.name().toLowerCase(Locale.ROOT))) {
        missing.add(field.name());
      }
    }
    if (!missing.isEmpty()) {
      out.add(
          new SqlProblem(
              node.name(),
              fn.source().location(),
              "the catalog declares the schema of '"
                  + output
                  + "' (load_args.schema) with the column(s) "
                  + missing
                  + " that the query's result lacks (its columns, by "
                  + how
                  + ": "
                  + actual.get()
                  + "). Select or alias them, or change the declared schema."));
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "(no message)";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
