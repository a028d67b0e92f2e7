package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.hooks.Hook;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.MemoryDataset;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.runner.HookManager;
import dev.weir.runner.NodeFailedException;
import dev.weir.runner.ParallelRunner;
import dev.weir.runner.SequentialRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * SQL nodes run by the real runners over real DataFrames. Run twice: on the classic session and
 * over Spark Connect ({@link ConnectSqlNodeTest}); both must give the same results, and the same
 * errors for a query that does not parse or reads a table that is not an input ({@link
 * SqlValidationTest} checks those again without any Spark session, as the dry run does).
 */
abstract class SqlNodeContract {
  private static final StructType COMPANIES =
      StructType.fromDDL("id STRING, name STRING, company_rating DOUBLE");
  private static final StructType SHUTTLES =
      StructType.fromDDL("id STRING, company_id STRING, passenger_capacity INT");
  static final String INJECTION = "'; DROP TABLE companies; --";

  abstract SparkSession spark();

  private org.apache.spark.sql.Dataset<Row> companies(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark().createDataFrame(list, COMPANIES);
  }

  private org.apache.spark.sql.Dataset<Row> defaultCompanies() {
    return companies(
        new Object[] {"c1", "Alpha", 4.5},
        new Object[] {"c2", INJECTION, 3.0},
        new Object[] {"c3", "Gamma", 4.9},
        new Object[] {"c4", "Delta", 2.0});
  }

  private org.apache.spark.sql.Dataset<Row> shuttles() {
    List<Row> rows =
        List.of(
            RowFactory.create("s1", "c1", 10),
            RowFactory.create("s2", "c1", 5),
            RowFactory.create("s3", "c3", 7),
            RowFactory.create("s4", "c4", 100));
    return spark().createDataFrame(rows, SHUTTLES);
  }

  private static DataCatalog catalog(Map<String, Object> data, String... outputs) {
    Map<String, Dataset<?>> datasets = new HashMap<>();
    data.forEach((name, value) -> datasets.put(name, new MemoryDataset<>(value, "assign")));
    for (String output : outputs) {
      datasets.put(output, new MemoryDataset<>());
    }
    return DataCatalog.of(datasets);
  }

  @SuppressWarnings("unchecked")
  private static List<Row> rows(DataCatalog catalog, String name) {
    return ((org.apache.spark.sql.Dataset<Row>) catalog.load(name)).collectAsList();
  }

  private static List<String> rowStrings(DataCatalog catalog, String name) {
    return rows(catalog, name).stream().map(Row::toString).toList();
  }

  @Test
  void anInlineSqlNodeReadsItsInputsByDatasetName() {
    Node node =
        SqlNode.sql(
                "SELECT id, company_rating FROM companies WHERE company_rating > 4"
                    + " ORDER BY company_rating DESC")
            .inputs("companies@spark")
            .output("top")
            .name("top_node")
            .build();
    DataCatalog catalog = catalog(Map.of("companies@spark", defaultCompanies()), "top");

    new SequentialRunner().run(Pipeline.of(node), catalog, HookManager.empty(), "run");

    assertThat(rowStrings(catalog, "top")).containsExactly("[c3,4.9]", "[c1,4.5]");
  }

  @Test
  void parametersAreBoundAsValuesNeverAsSqlText() {
    Node node =
        SqlNode.sql(
                "SELECT id, :label AS label FROM companies\n"
                    + "WHERE (company_rating >= :min_rating OR name = :name)\n"
                    + "  AND array_contains(:filter_ids, id)\n"
                    + "ORDER BY id")
            .inputs(
                "companies",
                "params:min_rating",
                "params:name",
                "params:label",
                "params:filter.ids")
            .output("chosen")
            .name("chosen_node")
            .build();
    DataCatalog catalog = catalog(Map.of("companies", defaultCompanies()), "chosen");
    catalog.addParameters(
        Map.of(
            "min_rating",
            4.6,
            "name",
            INJECTION,
            "label",
            INJECTION,
            "filter",
            Map.of("ids", List.of("c1", "c2", "c3"))));

    new SequentialRunner().run(Pipeline.of(node), catalog, HookManager.empty(), "run");

    List<Row> rows = rows(catalog, "chosen");
    // c2 matches only because its name equals the injection-looking string, compared as a value;
    // c3 by rating; c1 by neither; c4 is not in :filter_ids.
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("c2", "c3");
    assertThat(rows).extracting(r -> r.getString(1)).containsOnly(INJECTION);
  }

  @Test
  void aFolderOfSqlFilesRunsAsAPipeline() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/reporting");
    DataCatalog catalog =
        catalog(
            Map.of("companies", defaultCompanies(), "shuttles@spark", shuttles()),
            "shuttle_capacity");
    catalog.addParameters(Map.of("min_rating", 4.0));

    new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "run");

    assertThat(rowStrings(catalog, "shuttle_capacity")).containsExactly("[c1,15]", "[c3,7]");
  }

  @Test
  void noViewIsLeftBehind() {
    Node node =
        SqlNode.sql("SELECT count(*) AS n FROM companies")
            .inputs("companies")
            .output("n")
            .name("count_node")
            .build();
    DataCatalog catalog = catalog(Map.of("companies", defaultCompanies()), "n");

    new SequentialRunner().run(Pipeline.of(node), catalog, HookManager.empty(), "run");

    assertThat(rowStrings(catalog, "n")).containsExactly("[4]");
    List<String> tables =
        spark().catalog().listTables().collectAsList().stream()
            .map(org.apache.spark.sql.catalog.Table::name)
            .toList();
    assertThat(tables).noneMatch(t -> t.contains("__weir_") || t.equalsIgnoreCase("companies"));
  }

  @Test
  void aModularPipelineRenamesDatasetsButNotTheNamesInTheQuery() {
    Pipeline base =
        Pipeline.of(
            SqlNode.sql("SELECT count(*) AS n FROM companies WHERE company_rating >= :min_rating")
                .inputs("companies", "params:min_rating")
                .output("rated_count")
                .name("count_node")
                .build());
    Pipeline namespaced = Pipeline.modular(base).namespace("eu").build();
    assertThat(namespaced.nodes().get(0).inputs())
        .containsExactly("eu.companies", "params:eu.min_rating");
    DataCatalog catalog = catalog(Map.of("eu.companies", defaultCompanies()), "eu.rated_count");
    catalog.addParameters(Map.of("eu", Map.of("min_rating", 3.0)));

    new SequentialRunner().run(namespaced, catalog, HookManager.empty(), "run");

    assertThat(rowStrings(catalog, "eu.rated_count")).containsExactly("[3]");
  }

  /**
   * The session has a view named like the undeclared table, so Spark alone would run the query:
   * only the node's own check stops it, before Spark sees the text, naming the table and its line.
   */
  @Test
  void aQueryReadingATableThatIsNotAnInputFailsNamingItAndItsLine() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/undeclared");
    DataCatalog catalog = catalog(Map.of("companies", defaultCompanies()), "joined");
    shuttles().createOrReplaceTempView("shuttles");
    try {
      assertThat(SqlNodes.validate(pipeline, catalog, spark()))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.where()).isEqualTo("sql/undeclared/reads_other.sql:5");
                assertThat(p.message()).contains("reads 'shuttles'").contains("not an input");
              });

      assertThatThrownBy(
              () -> new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "run"))
          .isInstanceOf(NodeFailedException.class)
          .hasMessageContaining("Node 'reads_other' failed")
          .hasMessageContaining("sql/undeclared/reads_other.sql:5")
          .hasMessageContaining("reads 'shuttles'")
          .hasMessageContaining("not an input")
          .cause()
          .isInstanceOf(SqlNodeException.class);
      assertThat(catalog.exists("joined")).isFalse();
    } finally {
      spark().catalog().dropTempView("shuttles");
    }
  }

  @Test
  void aQueryThatDoesNotParseFailsNamingTheFileAndLine() {
    Pipeline pipeline = SqlPipelines.fromResources("sql/broken");
    DataCatalog catalog = catalog(Map.of("companies", defaultCompanies()), "broken_output");

    assertThat(SqlNodes.validate(pipeline, catalog, spark()))
        .singleElement()
        .satisfies(
            p -> {
              // The WHERE clause's line in the file, its header lines counted.
              assertThat(p.where()).isEqualTo("sql/broken/bad_syntax.sql:7");
              assertThat(p.message()).contains("does not parse");
            });
    assertThatThrownBy(
            () -> new SequentialRunner().run(pipeline, catalog, HookManager.empty(), "run"))
        .isInstanceOf(NodeFailedException.class)
        .hasMessageContaining("Node 'bad_syntax' failed")
        .hasMessageContaining("sql/broken/bad_syntax.sql:7")
        .hasMessageContaining("does not parse")
        .hasMessageContaining("WHERE company_rating > > 3")
        .cause()
        .isInstanceOf(SqlNodeException.class);
    assertThat(catalog.exists("broken_output")).isFalse();
  }

  /**
   * Two SQL nodes that both read a view named {@code companies}, over different data, started
   * together by the parallel runner (a hook holds each at {@code beforeNodeRun} until both are
   * there, so they are in flight at the same time); each must see only its own input.
   */
  @Test
  void concurrentSqlNodesUnderTheParallelRunnerDoNotSeeEachOthersViews() {
    Pipeline base =
        Pipeline.of(
            SqlNode.sql("SELECT count(*) AS n, array_sort(collect_list(id)) AS ids FROM companies")
                .inputs("companies")
                .output("summary")
                .name("summary_node")
                .build());
    Pipeline both =
        Pipeline.modular(base)
            .namespace("a")
            .build()
            .plus(Pipeline.modular(base).namespace("b").build());
    Map<String, Object> data = new HashMap<>();
    data.put(
        "a.companies", companies(new Object[] {"a1", "A", 1.0}, new Object[] {"a2", "A", 1.0}));
    data.put(
        "b.companies",
        companies(
            new Object[] {"b1", "B", 1.0},
            new Object[] {"b2", "B", 1.0},
            new Object[] {"b3", "B", 1.0}));
    DataCatalog catalog = catalog(data, "a.summary", "b.summary");
    TogetherHook together = new TogetherHook(2);

    new ParallelRunner(2).run(both, catalog, HookManager.of(together), "run");

    assertThat(together.met).as("both SQL nodes were running at the same time").isTrue();
    assertThat(rowStrings(catalog, "a.summary")).containsExactly("[2,ArraySeq(a1, a2)]");
    assertThat(rowStrings(catalog, "b.summary")).containsExactly("[3,ArraySeq(b1, b2, b3)]");
  }

  /** Many executions of one SQL node on two threads, each with its own data under one name. */
  @Test
  void concurrentExecutionsOfTheSameViewNameStayApart() throws Exception {
    Node node =
        SqlNode.sql("SELECT count(*) AS n FROM companies")
            .inputs("companies")
            .output("n")
            .name("count_node")
            .build();
    org.apache.spark.sql.Dataset<Row> two =
        companies(new Object[] {"a1", "A", 1.0}, new Object[] {"a2", "A", 1.0});
    org.apache.spark.sql.Dataset<Row> three =
        companies(
            new Object[] {"b1", "B", 1.0},
            new Object[] {"b2", "B", 1.0},
            new Object[] {"b3", "B", 1.0});
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (org.apache.spark.sql.Dataset<Row> input : List.of(two, three)) {
        results.add(
            pool.submit(
                () -> {
                  List<Long> counts = new ArrayList<>();
                  for (int i = 0; i < 8; i++) {
                    Object out =
                        Objects.requireNonNull(node.run(Map.of("companies", input)).get("n"));
                    counts.add(
                        ((org.apache.spark.sql.Dataset<?>) out).first() instanceof Row r
                            ? r.getLong(0)
                            : -1L);
                  }
                  return counts;
                }));
      }
      assertThat(results.get(0).get(5, TimeUnit.MINUTES)).hasSize(8).containsOnly(2L);
      assertThat(results.get(1).get(5, TimeUnit.MINUTES)).hasSize(8).containsOnly(3L);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Holds each node at {@code beforeNodeRun} until {@code parties} nodes have arrived. */
  static final class TogetherHook implements Hook {
    private final CyclicBarrier barrier;
    volatile boolean met = true;

    TogetherHook(int parties) {
      this.barrier = new CyclicBarrier(parties);
    }

    @Override
    public @Nullable Map<String, Object> beforeNodeRun(NodeRunEvent event) {
      try {
        // A safety net against a hung build, not a timing assertion.
        barrier.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        met = false;
      }
      return null;
    }
  }
}
