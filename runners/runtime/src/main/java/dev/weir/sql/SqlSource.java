package dev.weir.sql;

/**
 * Where a SQL node's text comes from, for messages that point at a file and line.
 *
 * @param location a file or resource path ({@code sql/reporting/companies.sql}), or {@code inline
 *     SQL} for text written in code
 * @param firstLine the line of {@code location} on which the SQL text starts, from 1 (a {@code
 *     .sql} file passes its whole content, header comments included, so this is 1)
 */
public record SqlSource(String location, int firstLine) {

  /** The location of SQL text written in code. */
  public static final SqlSource INLINE = new SqlSource("inline SQL", 1);

  /**
   * @param line a line of the SQL text, from 1
   * @return {@code location:line} with the line counted in {@code location}
   */
  public String at(int line) {
    return location + ":" + (firstLine + line - 1);
  }
}
