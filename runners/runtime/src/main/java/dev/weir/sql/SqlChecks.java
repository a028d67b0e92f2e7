package dev.weir.sql;

import dev.weir.ClosestNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of a parsed SQL node query that need neither Spark nor the catalog, each adding one
 * clear problem per mistake: the statement is a query, every table read is a declared input, every
 * {@code :name} parameter is bound by a {@code params:} input.
 */
final class SqlChecks {
  private SqlChecks() {}

  /**
   * One problem.
   *
   * @param where {@code file:line}, or the file alone
   * @param message what is wrong and how to fix it
   */
  record Finding(String where, String message) {
    @Override
    public String toString() {
      return where + ": " + message;
    }
  }

  /**
   * @param fn the node's function
   * @param query its parsed query
   * @return one finding per problem
   */
  static List<Finding> queryProblems(SqlNodeFunction fn, SqlQuery query) {
    List<Finding> problems = new ArrayList<>();
    statementIsQuery(fn, query, problems);
    tablesAreInputs(fn, query, problems);
    parametersAreBound(fn, query, problems);
    return problems;
  }

  private static void statementIsQuery(SqlNodeFunction fn, SqlQuery query, List<Finding> out) {
    String kind = query.nonQueryKind();
    if (kind != null) {
      out.add(
          new Finding(
              fn.source().at(query.statementLine()),
              "a SQL node's body is a query (SELECT or WITH ... SELECT), not "
                  + kind
                  + ". The node's output is the query's result; the catalog saves it."));
    }
  }

  private static void tablesAreInputs(SqlNodeFunction fn, SqlQuery query, List<Finding> out) {
    Set<String> declared = fn.normalisedViewNames();
    for (SqlQuery.TableRef table : query.tablesRead()) {
      if (table.dynamic()) {
        out.add(
            new Finding(
                fn.source().at(table.line()),
                "the table name "
                    + table.name()
                    + " is computed; a SQL node reads only its declared inputs, by name."));
      } else if (!declared.contains(SqlQuery.normalise(table.name()))) {
        out.add(
            new Finding(
                fn.source().at(table.line()),
                "the query reads '"
                    + table.name()
                    + "', which is not an input of the node."
                    + ClosestNames.didYouMean(table.name(), fn.viewNames())
                    + " Declare it as an input (and in the catalog), or read one of: "
                    + (fn.viewNames().isEmpty()
                        ? "(no table inputs)"
                        : String.join(", ", fn.viewNames()))
                    + "."));
      }
    }
  }

  private static void parametersAreBound(SqlNodeFunction fn, SqlQuery query, List<Finding> out) {
    for (String param : query.parameters()) {
      if (!fn.parameterNames().contains(param)) {
        out.add(
            new Finding(
                fn.source().location(),
                "the query uses the parameter :"
                    + param
                    + " but the node has no input params:"
                    + param
                    + "."
                    + ClosestNames.didYouMean(param, fn.parameterNames())
                    + " Add it to the node's inputs (nested keys a.b are bound as :a_b)."));
      }
    }
  }
}
