package dev.weir.sql;

/**
 * One problem found by validating a SQL node.
 *
 * @param node the node's full name
 * @param where {@code file:line} of the problem, or the node's SQL location when no line applies
 * @param message what is wrong and how to fix it
 */
public record SqlProblem(String node, String where, String message) {

  /**
   * @return {@code node 'n' (file:line): message}
   */
  @Override
  public String toString() {
    return "SQL node '" + node + "' (" + where + "): " + message;
  }
}
