package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.ExpectationListener;
import dev.weir.io.ExpectationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog expectations on the Spark datasets, run on the classic session ({@link
 * ClassicExpectationsTest}) and over Spark Connect ({@link ConnectExpectationsTest}): each action
 * through {@code save} / {@code load}, the results handed to the run's {@link ExpectationListener},
 * a {@code fail} that leaves the previous Delta version readable, and the schema check.
 */
abstract class ExpectationsContract {
  @TempDir Path root;

  final List<ExpectationResult> reported = Collections.synchronizedList(new ArrayList<>());

  abstract SparkSession spark();

  DatasetContext context() {
    return DatasetContext.builder(root)
        .service(SparkSession.class, this::spark)
        .service(ExpectationListener.class, () -> (dataset, results) -> reported.addAll(results))
        .build();
  }

  @SuppressWarnings("unchecked")
  Dataset<org.apache.spark.sql.Dataset<Row>> create(
      DatasetType type, String name, Map<String, Object> config) {
    return (Dataset<org.apache.spark.sql.Dataset<Row>>)
        type.create(
            new DatasetSpec(name, type.names().get(0), config, Map.of(), "conf/base/catalog.yml"),
            context());
  }

  /** Prices: one negative, one positive, one NULL. */
  org.apache.spark.sql.Dataset<Row> shuttles() {
    return spark()
        .sql(
            "SELECT * FROM VALUES (1, -1.0D, 'a'), (2, 5.0D, 'b'), (3, CAST(NULL AS DOUBLE), 'c')"
                + " AS t(id, price, company)");
  }

  static List<Integer> ids(org.apache.spark.sql.Dataset<Row> df) {
    return df.collectAsList().stream().map(r -> r.getInt(0)).sorted().toList();
  }

  Map<String, Object> delta(String dir, Map<String, Object> expectations) {
    return Map.of("filepath", "data/" + dir, "expectations", expectations);
  }

  static Map<String, Object> onLoad(Map<String, Object> config) {
    Map<String, Object> withCheckOn = new java.util.LinkedHashMap<>(config);
    withCheckOn.put("check_on", "load");
    return withCheckOn;
  }

  @Test
  void warnKeepsEveryRowAndCountsNullAsAViolation() {
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            delta("warn", Map.of("positive", "price > 0")));
    ds.save(shuttles());
    assertThat(ids(ds.load())).containsExactly(1, 2, 3);
    assertThat(reported).hasSize(1);
    ExpectationResult r = reported.get(0);
    assertThat(r.dataset()).isEqualTo("shuttles");
    assertThat(r.expectation().name()).isEqualTo("positive");
    assertThat(r.rowsChecked()).isEqualTo(3);
    assertThat(r.violations()).isEqualTo(2);
    assertThat(r.action()).isEqualTo("warn");
    assertThat(r.checkedOn()).isEqualTo("save");
  }

  @Test
  void dropRemovesTheViolatingRowsBeforeTheWrite() {
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            delta(
                "drop",
                Map.of(
                    "positive", Map.of("expr", "price > 0", "on_violation", "drop"),
                    "named", Map.of("expr", "company <> 'b'", "on_violation", "warn"))));
    ds.save(shuttles());
    assertThat(ids(ds.load())).containsExactly(2);
    assertThat(reported)
        .extracting(r -> r.expectation().name() + "=" + r.violations() + "/" + r.rowsChecked())
        .containsExactlyInAnyOrder("positive=2/3", "named=1/3");
  }

  @Test
  void cachedTrueHandsReadersTheRowsLeftAfterADropAndChecksOnce() {
    var ds =
        dev.weir.io.CachedDataset.wrap(
            "shuttles",
            create(
                new DeltaTableDataset.Type(),
                "shuttles",
                delta(
                    "cached_drop",
                    Map.of("positive", Map.of("expr", "price > 0", "on_violation", "drop")))));
    ds.save(shuttles());
    assertThat(ids(ds.load())).containsExactly(2);
    assertThat(ids(ds.dataset().load())).containsExactly(2);
    assertThat(reported)
        .extracting(r -> r.expectation().name() + "=" + r.violations() + "/" + r.rowsChecked())
        .containsExactly("positive=2/3");
  }

  @Test
  void failThrowsBeforeAnythingIsWrittenAndThePreviousVersionStaysReadable() {
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            delta("fail", Map.of("positive", Map.of("expr", "price > 0", "on_violation", "fail"))));
    ds.save(spark().sql("SELECT 7 AS id, 9.5D AS price, 'z' AS company"));
    assertThatThrownBy(() -> ds.save(shuttles()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'shuttles'")
        .hasMessageContaining("conf/base/catalog.yml")
        .hasMessageContaining("expectation 'positive'")
        .hasMessageContaining("2 of 3 rows")
        .hasMessageContaining("\"id\":1")
        .hasMessageContaining("\"id\":3")
        .hasMessageNotContaining("\"id\":2")
        .hasMessageContaining("nothing was saved");
    assertThat(ids(ds.load())).containsExactly(7);
    assertThat(spark().sql("DESCRIBE HISTORY delta.`" + root.resolve("data/fail") + "`").count())
        .isEqualTo(1);
    assertThat(reported).extracting(ExpectationResult::failed).containsExactly(false, true);
  }

  @Test
  void sparkDatasetDropsOnSaveAndChecksOnLoad() {
    var parquet =
        create(
            new SparkDataset.Type(),
            "raw",
            Map.of(
                "filepath",
                "data/raw.parquet",
                "expectations",
                Map.of("positive", Map.of("expr", "price > 0", "on_violation", "drop"))));
    parquet.save(shuttles());
    assertThat(ids(parquet.load())).containsExactly(2);

    var onLoad =
        create(
            new SparkDataset.Type(),
            "raw_on_load",
            Map.of(
                "filepath",
                "data/raw_on_load.parquet",
                "check_on",
                "load",
                "expectations",
                Map.of("positive", Map.of("expr", "price > 0", "on_violation", "drop"))));
    onLoad.save(shuttles());
    assertThat(reported).hasSize(1); // only the first dataset's save was checked
    // The schema check before a run reads the stored schema without checking the data.
    assertThat(((ChecksExpectations) onLoad).expectationProblems()).isEmpty();
    assertThat(reported).hasSize(1);
    assertThat(ids(onLoad.load())).containsExactly(2);
    assertThat(reported.get(1).checkedOn()).isEqualTo("load");
    assertThat(reported.get(1).violations()).isEqualTo(2);
  }

  @Test
  void failOnLoadStopsTheLoad() {
    var onLoad =
        create(
            new SparkDataset.Type(),
            "raw_fail",
            Map.of(
                "filepath",
                "data/raw_fail.parquet",
                "check_on",
                "load",
                "expectations",
                Map.of("positive", Map.of("expr", "price > 0", "on_violation", "fail"))));
    onLoad.save(shuttles());
    assertThatThrownBy(onLoad::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("expectation 'positive'")
        .hasMessageContaining("rows on load");
  }

  @Test
  void schemaCheckNamesAnUnknownColumnAndANonBoolean() {
    var declared =
        (ChecksExpectations)
            create(
                new SparkDataset.Type(),
                "companies",
                Map.of(
                    "filepath",
                    "data/companies.csv",
                    "file_format",
                    "csv",
                    "load_args",
                    Map.of("schema", "id INT, company_rating STRING"),
                    "expectations",
                    Map.of("known", "idd IS NOT NULL", "numeric", "id + 1", "ok", "id > 0")));
    List<String> problems = declared.expectationProblems();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0) + problems.get(1))
        .contains("Dataset 'companies' (spark.SparkDataset, in conf/base/catalog.yml)")
        .contains("expectation 'known'")
        .contains("idd")
        .contains("expectation 'numeric'")
        .contains("not a boolean");

    var table =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            onLoad(delta("existing", Map.of("a", "price > 0"))));
    assertThat(((ChecksExpectations) table).expectationProblems()).isEmpty(); // no table yet
    table.save(shuttles());
    var renamed =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            onLoad(delta("existing", Map.of("a", "prize > 0"))));
    assertThat(((ChecksExpectations) renamed).expectationProblems())
        .singleElement()
        .asString()
        .contains("expectation 'a'")
        .contains("prize")
        .contains("id, price, company");
  }

  /**
   * Expectations checked on save are not checked against the table the last run left: the node may
   * add the column they need. A save of data without that column is refused before it is counted.
   */
  @Test
  void onSaveTheDataBeingSavedIsTheReferenceNotTheLastRunsTable() {
    create(new DeltaTableDataset.Type(), "shuttles", Map.of("filepath", "data/grown"))
        .save(shuttles());
    var grown =
        create(
            new DeltaTableDataset.Type(),
            "shuttles",
            Map.of(
                "filepath",
                "data/grown",
                "merge_schema",
                true,
                "expectations",
                Map.of("discounted", "discount >= 0")));
    assertThat(((ChecksExpectations) grown).expectationProblems()).isEmpty();
    grown.save(shuttles().withColumn("discount", org.apache.spark.sql.functions.lit(0.1)));
    assertThat(reported).singleElement().satisfies(r -> assertThat(r.violations()).isZero());
    assertThatThrownBy(() -> grown.save(shuttles()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("expectation 'discounted'")
        .hasMessageContaining("does not fit the dataset's columns (id, price, company)")
        .hasMessageContaining("Nothing was saved.");
    assertThat(reported).hasSize(1);
  }

  /**
   * A CSV read with schema inference is not read before the run (that would scan it once more); its
   * expressions are checked against the inferred schema at the load, with the same message.
   */
  @Test
  void anInferredSchemaIsCheckedAtTheLoadNotBeforeTheRun() {
    var writer =
        create(
            new SparkDataset.Type(),
            "companies_raw",
            Map.of(
                "filepath", "data/inferred.csv",
                "file_format", "csv",
                "save_args", Map.of("header", "true", "mode", "overwrite")));
    writer.save(shuttles());
    var inferred =
        create(
            new SparkDataset.Type(),
            "companies",
            Map.of(
                "filepath", "data/inferred.csv",
                "file_format", "csv",
                "load_args", Map.of("header", "true", "inferSchema", "true"),
                "check_on", "load",
                "expectations", Map.of("known", "idd IS NOT NULL")));
    assertThat(((ChecksExpectations) inferred).expectationProblems()).isEmpty();
    assertThat(reported).isEmpty();
    assertThatThrownBy(inferred::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'companies' (spark.SparkDataset, in conf/base/catalog.yml)")
        .hasMessageContaining("expectation 'known'")
        .hasMessageContaining("idd")
        .hasMessageContaining("Nothing was loaded.");
    assertThat(reported).isEmpty();
  }

  @Test
  void anExpressionThatDoesNotParseFailsWhenTheDatasetIsCreated() {
    assertThatThrownBy(
            () ->
                create(
                    new DeltaTableDataset.Type(),
                    "shuttles",
                    delta("bad", Map.of("positive", "price >"))))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining(
            "Dataset 'shuttles' (spark.DeltaTableDataset, in conf/base/catalog.yml)")
        .hasMessageContaining("expectation 'positive'")
        .hasMessageContaining("does not parse")
        .hasMessageContaining("PARSE_SYNTAX_ERROR");
  }
}
