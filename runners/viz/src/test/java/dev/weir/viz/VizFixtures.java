package dev.weir.viz;

import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.MemoryDatasetType;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small project for the viz tests: three top-level nodes, a nested modular pipeline ({@code
 * ds.eval}), a transcoded Delta table, parameters, tags, layers and a catalog entry with
 * credentials and an inline password that must never reach the map; {@link #failedRun()} is a last
 * run of it in which the namespaced node failed after the Delta table was written.
 */
final class VizFixtures {
  static final String SECRET_KEY_ID = "AKIA-SECRET-KEY-ID";
  static final String SECRET = "SUPER-SECRET-VALUE";
  static final String INLINE_PASSWORD = "hunter2-inline";
  static final String FAILED_NODE = "ds.eval.evaluate";
  static final double FAILED_NODE_SECONDS = 1.5;
  static final String FAILED_NODE_ERROR = "java.lang.IllegalStateException: threshold out of range";
  static final String DELTA_OUTPUT = "model_input_table@spark";
  static final long DELTA_ROWS = 1_234_567L;

  /** Rows of {@link #DELTA_OUTPUT} that its {@code drop} expectation removed in the last run. */
  static final long DROPPED_ROWS = 1_033L;

  private VizFixtures() {}

  /** A dataset type that is never asked to create a dataset: the map reads entries only. */
  static final class EntryOnlyType implements DatasetType {
    private final List<String> names;

    EntryOnlyType(String... names) {
      this.names = List.of(names);
    }

    @Override
    public List<String> names() {
      return names;
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      throw new AssertionError("viz must not create datasets, asked for " + spec.name());
    }
  }

  static Map<String, Object> parameters() {
    return Map.of(
        "model_options", Map.of("test_size", 0.2, "features", List.of("engines", "crew")),
        "ds", Map.of("eval", Map.of("threshold", 0.5)));
  }

  static Map<String, Object> catalogConfig() {
    return Map.of(
        "companies",
        Map.of(
            "type", "spark.SparkDataset",
            "filepath", "data/01_raw/companies.csv",
            "file_format", "csv",
            "credentials", "s3_creds",
            "load_args", Map.of("header", true, "password", INLINE_PASSWORD),
            "metadata", Map.of("layer", "01_raw")),
        "model_input_table@spark",
        Map.of(
            "type", "spark.DeltaTableDataset",
            "filepath", "data/03_primary/model_input_table",
            "metadata", Map.of("kedro-viz", Map.of("layer", "03_primary"))),
        "ds.eval.metrics",
        Map.of("type", "spark.SparkDataset", "filepath", "data/08_reporting/metrics.json"));
  }

  static Map<String, Object> credentials() {
    return Map.of("s3_creds", Map.of("key", SECRET_KEY_ID, "secret", SECRET));
  }

  static DataCatalog catalog(Path project) {
    DatasetTypeRegistry registry =
        DatasetTypeRegistry.of(
            List.of(
                new EntryOnlyType("spark.SparkDataset"),
                new EntryOnlyType("spark.DeltaTableDataset"),
                new MemoryDatasetType()));
    return DataCatalog.fromConfig(
        catalogConfig(), credentials(), DatasetContext.of(project), registry);
  }

  static String preprocess(String companies, Map<String, Object> options) {
    return companies;
  }

  static String createTable(String companies) {
    return companies;
  }

  static String evaluate(String table, Double threshold) {
    return table;
  }

  static Pipeline pipeline() {
    Node preprocess =
        Node.node(VizFixtures::preprocess)
            .inputs("companies", "params:model_options")
            .output("preprocessed_companies")
            .name("preprocess_companies_node")
            .tags("preprocessing")
            .build();
    Node create =
        Node.node(VizFixtures::createTable)
            .inputs("preprocessed_companies")
            .output("model_input_table@spark")
            .name("create_model_input_table_node")
            .tags("preprocessing", "tables")
            .build();
    Node evaluate =
        Node.node(VizFixtures::evaluate)
            .inputs("features", "params:threshold")
            .output("metrics")
            .name("evaluate")
            .build();
    Pipeline eval = Pipeline.modular(Pipeline.of(evaluate)).namespace("eval").build();
    Pipeline ds =
        Pipeline.modular(eval)
            .namespace("ds")
            .inputs(Map.of("eval.features", "model_input_table@spark"))
            .build();
    return Pipeline.of(preprocess, create).plus(ds);
  }

  /** The last run: both top-level nodes succeeded, then {@link #FAILED_NODE} threw. */
  static LastRun failedRun() {
    Map<String, LastRun.NodeRun> nodes = new LinkedHashMap<>();
    nodes.put("preprocess_companies_node", new LastRun.NodeRun(LastRun.SUCCESS, 0.8, null));
    nodes.put("create_model_input_table_node", new LastRun.NodeRun(LastRun.SUCCESS, 3.4, null));
    nodes.put(
        FAILED_NODE, new LastRun.NodeRun(LastRun.FAILED, FAILED_NODE_SECONDS, FAILED_NODE_ERROR));
    return new LastRun(
        "2026-01-01T00.00.00.000Z",
        LastRun.FAILED,
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:06Z",
        6.2,
        "local",
        List.of("__default__"),
        nodes,
        Map.of(
            DELTA_OUTPUT,
            new LastRun.DatasetRun(
                "create_model_input_table_node", DELTA_ROWS, RowCounts.DELTA_SOURCE)),
        List.of(FAILED_NODE),
        Map.of(
            DELTA_OUTPUT,
            List.of(
                new LastRun.ExpectationRun(
                    "positive_price",
                    "price > 0",
                    "drop",
                    "save",
                    DELTA_ROWS + DROPPED_ROWS,
                    DROPPED_ROWS),
                new LastRun.ExpectationRun(
                    "known_company",
                    "company_id IS NOT NULL",
                    "warn",
                    "save",
                    DELTA_ROWS + DROPPED_ROWS,
                    0))));
  }

  /** The node that ran in {@link #partialRun()}, and how long it took: "3 min 4 s". */
  static final String PARTIAL_NODE = "preprocess_companies_node";

  static final double PARTIAL_NODE_SECONDS = 184.0;

  /**
   * A last run of one node only ({@code weir run --nodes preprocess_companies_node}): the others
   * did not run. Started 2026-01-01 09:00:00 UTC, ran 3 min 10 s.
   */
  static LastRun partialRun() {
    return new LastRun(
        "2026-01-01T09.00.00.000Z",
        LastRun.SUCCESS,
        "2026-01-01T09:00:00Z",
        "2026-01-01T09:03:10Z",
        190.4,
        "local",
        List.of("__default__"),
        Map.of(PARTIAL_NODE, new LastRun.NodeRun(LastRun.SUCCESS, PARTIAL_NODE_SECONDS, null)),
        Map.of(),
        List.of());
  }

  static VizGraph graph(Path project) {
    return VizGraphBuilder.of(pipeline(), catalog(project)).parameters(parameters()).build();
  }
}
