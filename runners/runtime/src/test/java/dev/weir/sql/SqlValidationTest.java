package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestRuns;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Validation before a run: parse errors with file and line, undeclared tables, unbound parameters,
 * non-query statements and declared output columns. Spark is not started, except by {@link
 * #analysisFindsMissingColumnsOfAStarQueryOverDeclaredInputSchemas}.
 */
class SqlValidationTest {

  private static DataCatalog catalog(Map<String, Object> entries) {
    return DataCatalog.fromConfig(
        entries,
        Map.of(),
        DatasetContext.of(Path.of("").toAbsolutePath()),
        DatasetTypeRegistry.loadInstalled());
  }

  private static Map<String, Object> sparkEntry(String file, @Nullable String schema) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "spark.SparkDataset");
    entry.put("filepath", "data/" + file + ".parquet");
    if (schema != null) {
      entry.put("load_args", Map.of("schema", schema));
    }
    return entry;
  }

  @Test
  void aParseErrorNamesTheFileAndTheLineCountingTheHeader() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/broken");

    List<SqlProblem> problems = SqlNodes.validate(pipeline, catalog(Map.of()));

    assertThat(problems).hasSize(1);
    SqlProblem p = problems.get(0);
    assertThat(p.node()).isEqualTo("bad_syntax");
    // Line 7 of the file: three header lines, a blank line, then the query.
    assertThat(p.where()).isEqualTo("sql/broken/bad_syntax.sql:7");
    assertThat(p.message()).contains("does not parse").contains("WHERE company_rating > > 3");
    assertThat(p.toString()).contains("sql/broken/bad_syntax.sql:7");
  }

  /**
   * Databricks Connect for Scala/Java ships without Spark's SQL parser; the parser here stands in
   * for that class path by failing as the JVM does when a class is missing.
   */
  @Test
  void withoutSparksParserEverySqlNodeIsRefusedNamingTheReason() {
    Pipeline pipeline =
        SqlPipelines.fromResources("sql/undeclared")
            .plus(
                Pipeline.of(
                    SqlNode.sql("SELECT * FROM companies")
                        .inputs("companies")
                        .output("copied")
                        .name("copy_companies")
                        .build()));

    List<SqlProblem> problems =
        SqlNodes.validate(
            pipeline,
            catalog(Map.of()),
            () -> null,
            text -> {
              throw new NoClassDefFoundError("org/apache/spark/sql/catalyst/parser/SqlBaseParser");
            });

    assertThat(problems)
        .extracting(SqlProblem::node)
        .containsExactlyInAnyOrder("reads_other", "copy_companies");
    assertThat(problems)
        .allSatisfy(
            p ->
                assertThat(p.message())
                    .contains("Spark's SQL parser")
                    .contains("Databricks Connect")
                    .contains("DataFrame API")
                    .contains("SqlBaseParser"));
    assertThat(problems)
        .filteredOn(p -> p.node().equals("reads_other"))
        .singleElement()
        .extracting(SqlProblem::where)
        .asString()
        .startsWith("sql/undeclared/reads_other.sql");
    assertThatThrownBy(() -> SqlNodes.throwIfAny(problems))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("no node was run")
        .hasMessageContaining("copy_companies");
  }

  @Test
  void readingATableThatIsNotAnInputIsAnErrorNamingIt() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/undeclared");

    List<SqlProblem> problems = SqlNodes.validate(pipeline, catalog(Map.of()));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).where()).isEqualTo("sql/undeclared/reads_other.sql:5");
    assertThat(problems.get(0).message())
        .contains("reads 'shuttles'")
        .contains("not an input")
        .contains("companies");
  }

  @Test
  void theRunStopsBeforeAnyNodeWithEveryProblemListed() {
    Pipeline pipeline =
        SqlPipelines.fromResources("sql/undeclared")
            .plus(
                Pipeline.of(
                    SqlNode.sql("SELECT * FROM companies WHERE rating > :min_ratin")
                        .inputs("companies", "params:min_rating")
                        .output("rated")
                        .name("rated_node")
                        .build()));
    RunParams run = TestRuns.defaultRun("r", Path.of(""));

    assertThatThrownBy(
            () ->
                new SqlValidationHook()
                    .beforePipelineRun(new PipelineRunEvent(run, pipeline, catalog(Map.of()))))
        .isInstanceOf(SqlNodeException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("no node was run")
        .hasMessageContaining("reads 'shuttles'")
        .hasMessageContaining(":min_ratin")
        .hasMessageContaining("Did you mean: min_rating?");
  }

  @Test
  void aStatementThatIsNotAQueryIsRejected() {
    Node node =
        SqlNode.sql("DROP TABLE companies").inputs("companies").output("x").name("n").build();

    List<SqlProblem> problems = SqlNodes.validate(Pipeline.of(node), catalog(Map.of()));

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("DROP"));
  }

  @Test
  void theSelectListMustHaveTheColumnsOfTheDeclaredOutputSchema() {
    Node node =
        SqlNode.sql("SELECT id, company_rating AS rating FROM companies")
            .inputs("companies")
            .output("rated")
            .name("rated_node")
            .build();
    DataCatalog ok = catalog(Map.of("rated", sparkEntry("rated", "id STRING, rating DOUBLE")));
    DataCatalog missing =
        catalog(Map.of("rated", sparkEntry("rated", "id STRING, rating DOUBLE, score INT")));
    DataCatalog none = catalog(Map.of("rated", sparkEntry("rated", null)));

    assertThat(SqlNodes.validate(Pipeline.of(node), ok)).isEmpty();
    assertThat(SqlNodes.validate(Pipeline.of(node), none)).isEmpty();
    assertThat(SqlNodes.validate(Pipeline.of(node), missing))
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("[score]").contains("rated").contains("id"));
  }

  @Test
  void analysisFindsMissingColumnsOfAStarQueryOverDeclaredInputSchemas() {
    Node node =
        SqlNode.sql("SELECT * FROM companies WHERE company_rating > :min_rating")
            .inputs("companies", "params:min_rating")
            .output("rated")
            .name("rated_node")
            .build();
    DataCatalog catalog =
        catalog(
            Map.of(
                "companies", sparkEntry("companies", "id STRING, company_rating DOUBLE"),
                "rated", sparkEntry("rated", "id STRING, company_rating DOUBLE, score INT")));
    catalog.addParameters(Map.of("min_rating", 3));

    // Without Spark the select list (a star) says nothing: the check is skipped.
    assertThat(SqlNodes.validate(Pipeline.of(node), catalog)).isEmpty();
    List<SqlProblem> problems =
        SqlNodes.validate(Pipeline.of(node), catalog, SqlTestSpark.classic());

    assertThat(problems)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("[score]")
                    .contains("Spark's analysis")
                    .contains("[id, company_rating]"));
  }
}
