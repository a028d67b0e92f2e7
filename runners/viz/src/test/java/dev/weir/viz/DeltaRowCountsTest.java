package dev.weir.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.hooks.DatasetSavedEvent;
import dev.weir.hooks.NodeCompletedEvent;
import dev.weir.hooks.NodeRunEvent;
import dev.weir.hooks.PipelineRunEvent;
import dev.weir.hooks.RunParams;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.MemoryDatasetType;
import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import dev.weir.testing.TestRuns;
import dev.weir.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row counts read from Delta's commit metrics on a real embedded Spark + Delta session: the counts
 * the run record shows must be what was written, without another pass over the data.
 */
class DeltaRowCountsTest {
  private SparkSession spark;
  @TempDir Path project;

  @BeforeEach
  void useTheSharedSession() {
    spark = TestSpark.session();
  }

  @Test
  void aMergeCountsTheRowsItInsertedUpdatedAndCopied() {
    Path table = project.resolve("data/t");
    spark.range(4).write().format("delta").save(table.toString());
    spark.range(2, 6).createOrReplaceTempView("updates");
    spark.sql(
        "MERGE INTO delta.`"
            + table
            + "` t USING updates u ON t.id = u.id"
            + " WHEN MATCHED THEN UPDATE SET t.id = u.id WHEN NOT MATCHED THEN INSERT *");

    Long rows = SparkRowCounts.latestCommitRows(spark, "delta.`" + table + "`");

    // 2 and 3 updated, 4 and 5 inserted, plus any unchanged rows rewritten alongside them.
    long total = spark.read().format("delta").load(table.toString()).count();
    assertThat(rows).isBetween(4L, total);
  }

  @Test
  void theLocalLogGivesTheSameCountAsDescribeHistory() throws Exception {
    Path table = project.resolve("data/local");
    String id = "delta.`" + table + "`";
    spark.range(5).write().format("delta").save(table.toString());
    assertThat(DeltaCommitLog.latestCommitRows(table))
        .isEqualTo(5L)
        .isEqualTo(SparkRowCounts.latestCommitRows(spark, id));

    spark.range(3, 9).createOrReplaceTempView("more");
    spark.sql(
        "MERGE INTO "
            + id
            + " t USING more m ON t.id = m.id"
            + " WHEN MATCHED THEN UPDATE SET t.id = m.id WHEN NOT MATCHED THEN INSERT *");
    Long fromLog = DeltaCommitLog.latestCommitRows(table);
    assertThat(fromLog).isNotNull().isEqualTo(SparkRowCounts.latestCommitRows(spark, id));

    assertThat(DeltaCommitLog.latestCommitRows(project.resolve("data/none"))).isNull();
  }

  @Test
  void theRecorderStoresTheRowsOfTheLatestDeltaCommitAndNoneForCsv() {
    Path delta = project.resolve("data/03_primary/model_input_table");
    Path csv = project.resolve("data/08_reporting/report.csv");
    spark.range(7).write().format("delta").save(delta.toString());
    Dataset<Row> df = spark.range(3).toDF();
    df.write().format("delta").mode("overwrite").save(delta.toString());
    df.write().format("csv").save(csv.toString());
    DataCatalog catalog =
        DataCatalog.fromConfig(
            Map.of(
                "model_input_table",
                Map.of(
                    "type",
                    "spark.DeltaTableDataset",
                    "filepath",
                    "data/03_primary/model_input_table"),
                "report",
                Map.of(
                    "type",
                    "spark.SparkDataset",
                    "filepath",
                    "data/08_reporting/report.csv",
                    "file_format",
                    "csv")),
            Map.of(),
            DatasetContext.of(project),
            DatasetTypeRegistry.of(
                List.of(
                    new VizFixtures.EntryOnlyType("spark.DeltaTableDataset"),
                    new VizFixtures.EntryOnlyType("spark.SparkDataset"),
                    new MemoryDatasetType())));
    Node node =
        Node.mapNode(in -> Map.of())
            .inputs(List.of())
            .outputs("model_input_table", "report")
            .name("create")
            .build();
    Pipeline pipeline = Pipeline.of(node);
    RunParams run = TestRuns.defaultRun("r", project);
    RunRecorderHook hook = new RunRecorderHook();

    hook.beforePipelineRun(new PipelineRunEvent(run, pipeline, catalog));
    hook.beforeNodeRun(new NodeRunEvent(node, catalog, Map.of(), false, "r"));
    hook.afterNodeRun(new NodeCompletedEvent(node, catalog, Map.of(), Map.of(), false, "r"));
    hook.afterDatasetSaved(new DatasetSavedEvent("model_input_table", df, node));
    hook.afterDatasetSaved(new DatasetSavedEvent("report", df, node));
    hook.afterPipelineRun(new PipelineRunEvent(run, pipeline, catalog));

    LastRun last = LastRunStore.read(project).orElseThrow();
    assertThat(last.datasets().get("model_input_table"))
        .isEqualTo(new LastRun.DatasetRun("create", 3L, RowCounts.DELTA_SOURCE));
    assertThat(last.datasets().get("report"))
        .isEqualTo(new LastRun.DatasetRun("create", null, null));
  }
}
