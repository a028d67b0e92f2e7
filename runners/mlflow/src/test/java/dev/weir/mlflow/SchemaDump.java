package dev.weir.mlflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQLite database's schema as comparable lines (the format of {@code
 * mlflow-2.17.2-sqlite-schema.txt}): per table its columns ({@code PRAGMA table_info}: name, type,
 * NOT NULL, default, primary key position), foreign keys ({@code PRAGMA foreign_key_list}: columns,
 * target, ON UPDATE / ON DELETE), named constraints and CHECK expressions (from the table's SQL),
 * and indexes ({@code PRAGMA index_list} / {@code index_info}: name, unique, columns; automatic
 * ones shown by their origin), then the alembic revision.
 */
final class SchemaDump {
  private static final Pattern NAMED = Pattern.compile("CONSTRAINT (\\w+) ");
  private static final Pattern CHECK = Pattern.compile("CHECK \\((.*)\\)\\s*$");

  private SchemaDump() {}

  static List<String> of(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String table :
        names(c, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      out.add("table " + table);
      try (ResultSet rs = query(c, "PRAGMA table_info(\"" + table + "\")")) {
        while (rs.next()) {
          out.add(
              "  column "
                  + rs.getString("name")
                  + " "
                  + rs.getString("type")
                  + (rs.getBoolean("notnull") ? " NOT NULL" : "")
                  + (rs.getString("dflt_value") == null
                      ? ""
                      : " DEFAULT " + rs.getString("dflt_value"))
                  + (rs.getInt("pk") > 0 ? " PK" + rs.getInt("pk") : ""));
        }
      }
      try (ResultSet rs = query(c, "PRAGMA foreign_key_list(\"" + table + "\")")) {
        List<String> fks = new ArrayList<>();
        while (rs.next()) {
          fks.add(
              "  foreign key #"
                  + rs.getInt("id")
                  + " "
                  + rs.getString("from")
                  + " -> "
                  + rs.getString("table")
                  + "."
                  + rs.getString("to")
                  + " on update "
                  + rs.getString("on_update")
                  + " on delete "
                  + rs.getString("on_delete"));
        }
        fks.sort(null);
        out.addAll(fks);
      }
      String sql =
          names(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")
              .get(0);
      for (String line : sql.split("\n")) {
        String l = line.trim().replaceAll(",$", "");
        Matcher named = NAMED.matcher(l);
        if (named.find()) {
          out.add("  constraint " + named.group(1));
        }
        Matcher check = CHECK.matcher(l);
        if (check.find()) {
          out.add("  check " + check.group(1));
        }
        if (l.startsWith("UNIQUE")) {
          out.add("  " + l);
        }
      }
      for (String index :
          names(c, "SELECT name FROM pragma_index_list('" + table + "') ORDER BY name")) {
        String cols =
            String.join(
                ", ",
                names(c, "SELECT name FROM pragma_index_info('" + index + "') ORDER BY seqno"));
        String unique =
            names(
                    c,
                    "SELECT \"unique\" FROM pragma_index_list('"
                        + table
                        + "') WHERE name = '"
                        + index
                        + "'")
                .get(0);
        String shown = index.startsWith("sqlite_autoindex_") ? "(automatic)" : index;
        out.add("  index " + shown + ("1".equals(unique) ? " UNIQUE" : "") + " (" + cols + ")");
      }
    }
    out.add(
        "alembic_version " + String.join(",", names(c, "SELECT version_num FROM alembic_version")));
    return out;
  }

  private static ResultSet query(Connection c, String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.closeOnCompletion();
    return ps.executeQuery();
  }

  private static List<String> names(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = query(c, sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
