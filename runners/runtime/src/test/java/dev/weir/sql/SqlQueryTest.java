package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing with Spark's grammar, without a session. */
class SqlQueryTest {

  @Test
  void findsTablesOutsideCtesAndInSubqueries() {
    SqlQuery q =
        SqlQuery.parse(
            "WITH c AS (SELECT * FROM companies)\n"
                + "SELECT c.id FROM c JOIN `shuttles` s ON c.id = s.company_id\n"
                + "WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.id = c.id)");

    assertThat(q.tablesRead())
        .extracting(SqlQuery.TableRef::name)
        .containsExactly("companies", "shuttles", "reviews");
    assertThat(q.tablesRead()).extracting(SqlQuery.TableRef::line).containsExactly(1, 2, 3);
    assertThat(q.nonQueryKind()).isNull();
  }

  @Test
  void collectsNamedParameters() {
    SqlQuery q = SqlQuery.parse("SELECT * FROM t WHERE a > :min_a AND b IN (:x, :min_a)");

    assertThat(q.parameters()).containsExactly("min_a", "x");
  }

  @Test
  void reportsTheLineAndColumnOfASyntaxError() {
    assertThatThrownBy(() -> SqlQuery.parse("SELECT a\nFROM t\nWHERE x = = 1"))
        .isInstanceOfSatisfying(
            SqlQuery.SyntaxException.class,
            e -> {
              assertThat(e.error().line()).isEqualTo(3);
              assertThat(e.error().column()).isEqualTo(10);
              assertThat(e.error().message()).contains("PARSE_SYNTAX_ERROR");
            });
  }

  @Test
  void namesAStatementThatIsNotAQuery() {
    assertThat(SqlQuery.parse("DROP TABLE companies").nonQueryKind()).isEqualTo("DROP TABLE");
    assertThat(SqlQuery.parse("INSERT INTO t SELECT 1").nonQueryKind()).startsWith("INSERT");
  }

  @Test
  void rewritesOnlyDeclaredTableReferencesKeepingLines() {
    SqlQuery q =
        SqlQuery.parse(
            "-- companies stays in this comment\n"
                + "SELECT 'companies' AS companies FROM Companies JOIN other ON true");

    String rewritten = q.rewrite(Map.of("companies", "companies__weir_1"));

    assertThat(rewritten)
        .isEqualTo(
            "-- companies stays in this comment\n"
                + "SELECT 'companies' AS companies FROM `companies__weir_1` JOIN other ON true");
  }

  @Test
  void outputColumnsFromTheSelectListWhenSpelledOut() {
    assertThat(SqlQuery.parse("SELECT id, t.rating AS r, `x y` FROM t").outputColumns())
        .contains(List.of("id", "r", "x y"));
    assertThat(SqlQuery.parse("SELECT a FROM t UNION ALL SELECT b FROM u").outputColumns())
        .contains(List.of("a"));
    assertThat(SqlQuery.parse("SELECT * FROM t").outputColumns()).isEmpty();
    assertThat(SqlQuery.parse("SELECT count(*) FROM t").outputColumns()).isEmpty();
  }
}
