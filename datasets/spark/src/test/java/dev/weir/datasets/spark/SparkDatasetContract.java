package dev.weir.datasets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.datasets.excel.ExcelDataset;
import dev.weir.datasets.testing.SpaceflightsData;
import dev.weir.io.DataCatalog;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import dev.weir.io.DatasetTypeRegistry;
import dev.weir.io.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every Spark dataset type keeps, run twice: on the embedded classic session ({@link
 * ClassicSparkDatasetTest}) and over Spark Connect against a server on loopback in the same JVM
 * ({@link ConnectSparkDatasetTest}). Both halves run every case: nothing here needs a classic
 * session. Where Connect cannot do something (listing versions or swapping directories on a
 * non-local path, as the client has no Hadoop file system), the dataset throws or degrades as
 * {@code SparkStorage} documents; {@link ConnectSparkDatasetTest} checks the error.
 */
abstract class SparkDatasetContract {
  @TempDir Path root;

  /**
   * @return the session under test
   */
  abstract SparkSession spark();

  /**
   * @return a prefix that keeps this half's catalog tables apart from the other half's
   */
  abstract String prefix();

  DatasetContext context() {
    return context(Map.of(), null);
  }

  DatasetContext context(Map<String, String> loadVersions, @Nullable String saveVersion) {
    return DatasetContext.builder(root)
        .loadVersions(loadVersions)
        .saveVersion(saveVersion)
        .service(SparkSession.class, this::spark)
        .build();
  }

  @SuppressWarnings("unchecked")
  static Dataset<org.apache.spark.sql.Dataset<Row>> create(
      DatasetType type, String name, Map<String, Object> config, DatasetContext context) {
    return (Dataset<org.apache.spark.sql.Dataset<Row>>)
        type.create(
            new DatasetSpec(name, type.names().get(0), config, Map.of(), "catalog.yml"), context);
  }

  org.apache.spark.sql.Dataset<Row> people(String... rows) {
    StringBuilder sql = new StringBuilder("SELECT * FROM VALUES ");
    for (int i = 0; i < rows.length; i++) {
      sql.append(i == 0 ? "" : ", ").append(rows[i]);
    }
    return spark().sql(sql + " AS t(id, name)");
  }

  static List<String> sorted(org.apache.spark.sql.Dataset<Row> df) {
    return df.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  /** One row in five thousand fails, after other rows were already written. */
  org.apache.spark.sql.Dataset<Row> failingData() {
    return spark()
        .range(0, 20_000, 1, 2)
        .selectExpr(
            "CAST(id AS INT) AS id",
            "CASE WHEN id = 15000 THEN raise_error('boom at row 15000') ELSE CAST(id AS STRING) END AS name");
  }

  // --- cached: true ----------------------------------------------------------------------------

  @Test
  void cachedTrueHandsLaterLoadsThePersistedDataFrameTheWriterWrote() {
    DataCatalog catalog =
        DataCatalog.fromConfig(
            Map.of(
                "features",
                Map.of(
                    "type", "spark.DeltaTableDataset", "filepath", "data/cached", "cached", true)),
            Map.of(),
            context(),
            DatasetTypeRegistry.of(List.of(new DeltaTableDataset.Type())));
    // functions.rand() fixes its seed when the column is built (on the Connect client too), so the
    // plan the writer persisted is the plan later loads find in the cache. (A SQL string "rand()"
    // gets a new seed each time the server analyses it, and Connect then finds no cached plan.)
    catalog.save(
        "features",
        spark().range(0, 50, 1, 2).withColumn("r", org.apache.spark.sql.functions.rand()));

    @SuppressWarnings("unchecked")
    var loaded = (org.apache.spark.sql.Dataset<Row>) catalog.load("features");

    assertThat(loaded.storageLevel().useMemory()).isTrue();
    assertThat(catalog.load("features")).isSameAs(loaded);
    assertThat(sorted(loaded))
        .hasSize(50)
        .isEqualTo(
            sorted(spark().read().format("delta").load(root.resolve("data/cached").toString())));
  }

  // --- spark.SparkDataset ----------------------------------------------------------------------

  @Test
  void parquetRoundTripAndExists() {
    var ds =
        create(
            new SparkDataset.Type(),
            "companies",
            Map.of("filepath", "data/companies.parquet"),
            context());
    assertThat(ds.exists()).isFalse();
    ds.save(people("(1, 'a')", "(2, 'b')"));
    assertThat(ds.exists()).isTrue();
    assertThat(Files.isDirectory(root.resolve("data/companies.parquet"))).isTrue();
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,b]");
    ds.save(people("(3, 'c')"));
    assertThat(sorted(ds.load())).containsExactly("[3,c]");
  }

  @Test
  void failedParquetOverwriteLeavesOldDataReadable() throws Exception {
    var ds = create(new SparkDataset.Type(), "t", Map.of("filepath", "data/t.parquet"), context());
    ds.save(people("(1, 'old')"));
    assertThatThrownBy(() -> ds.save(failingData()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 't'")
        .hasMessageContaining("boom at row 15000");
    assertThat(sorted(ds.load())).containsExactly("[1,old]");
    try (Stream<Path> siblings = Files.list(root.resolve("data"))) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("t.parquet");
    }
  }

  @Test
  void csvWithDdlSchemaAndWriterOptions() {
    var ds =
        create(
            new SparkDataset.Type(),
            "reviews",
            Map.of(
                "filepath",
                "data/reviews.csv",
                "file_format",
                "csv",
                "load_args",
                Map.of("header", true, "schema", "id BIGINT, name STRING"),
                "save_args",
                Map.of("header", true, "mode", "overwrite")),
            context());
    ds.save(people("(1, 'a')"));
    org.apache.spark.sql.Dataset<Row> loaded = ds.load();
    assertThat(loaded.schema().apply("id").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(sorted(loaded)).containsExactly("[1,a]");
  }

  @Test
  void versionedSparkDatasetLoadsLatestOrRequestedVersion() {
    Map<String, Object> config = Map.of("filepath", "data/v.parquet", "versioned", true);
    create(new SparkDataset.Type(), "v", config, context(Map.of(), "2024-01-01T00.00.00.000Z"))
        .save(people("(1, 'first')"));
    var second =
        create(new SparkDataset.Type(), "v", config, context(Map.of(), "2024-02-01T00.00.00.000Z"));
    second.save(people("(2, 'second')"));
    assertThat(root.resolve("data/v.parquet/2024-01-01T00.00.00.000Z/v.parquet")).isDirectory();
    assertThat(sorted(second.load())).containsExactly("[2,second]");
    var pinned =
        create(
            new SparkDataset.Type(),
            "v",
            config,
            context(Map.of("v", "2024-01-01T00.00.00.000Z"), null));
    assertThat(sorted(pinned.load())).containsExactly("[1,first]");
    assertThatThrownBy(() -> second.save(people("(3, 'again')")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("already saved");
  }

  @Test
  void loadOfMissingPathNamesDatasetAndPath() {
    var ds =
        create(
            new SparkDataset.Type(),
            "missing",
            Map.of("filepath", "data/nothing.parquet"),
            context());
    assertThatThrownBy(ds::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'missing'")
        .hasMessageContaining("nothing.parquet");
  }

  /** The names of Spark's data files in a written directory. */
  List<String> partFiles(String dir) throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(dir))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).toList();
    }
  }

  @Test
  void jsonRoundTripWritesJsonFiles() throws IOException {
    var ds =
        create(
            new SparkDataset.Type(),
            "j",
            Map.of("filepath", "data/j.json", "file_format", "json"),
            context());
    ds.save(people("(1, 'a')", "(2, 'b')"));
    // A Parquet write would round-trip as well; the files' extension shows the format was used.
    assertThat(partFiles("data/j.json")).isNotEmpty().allMatch(n -> n.endsWith(".json"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,b]");
  }

  @Test
  void orcRoundTripKeepsTypes() throws IOException {
    var ds =
        create(
            new SparkDataset.Type(),
            "o",
            Map.of("filepath", "data/o.orc", "file_format", "ORC"),
            context());
    ds.save(people("(1, 'a')", "(2, 'b')"));
    assertThat(partFiles("data/o.orc")).isNotEmpty().allMatch(n -> n.endsWith(".orc"));
    org.apache.spark.sql.Dataset<Row> loaded = ds.load();
    assertThat(loaded.schema().apply("id").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(sorted(loaded)).containsExactly("[1,a]", "[2,b]");
  }

  @Test
  void textRoundTripOfOneStringColumn() throws IOException {
    var ds =
        create(
            new SparkDataset.Type(),
            "lines",
            Map.of("filepath", "data/lines", "file_format", "text"),
            context());
    ds.save(spark().sql("SELECT * FROM VALUES ('first line'), ('second') AS t(line)"));
    assertThat(partFiles("data/lines")).isNotEmpty().allMatch(n -> n.endsWith(".txt"));
    org.apache.spark.sql.Dataset<Row> loaded = ds.load();
    // Spark's text source names its one column 'value', whatever the saved column was called.
    assertThat(loaded.columns()).containsExactly("value");
    assertThat(sorted(loaded)).containsExactly("[first line]", "[second]");
  }

  @Test
  void deltaFileFormatOverwritesInPlaceKeepingHistory() {
    var ds =
        create(
            new SparkDataset.Type(),
            "sd",
            Map.of("filepath", "data/sd", "file_format", "delta"),
            context());
    ds.save(people("(1, 'a')"));
    assertThat(root.resolve("data/sd/_delta_log")).isDirectory();
    ds.save(people("(2, 'b')"));
    assertThat(sorted(ds.load())).containsExactly("[2,b]");
    // Overwritten through Delta's log, not by swapping directories: version 0 is still there.
    var v0 =
        create(
            new DeltaTableDataset.Type(),
            "sd",
            Map.of("filepath", "data/sd", "version", 0),
            context());
    assertThat(sorted(v0.load())).containsExactly("[1,a]");
  }

  @Test
  void loadSchemaFromAJsonSchemaFileAsPathOrMapping() throws IOException {
    Path schemaFile = root.resolve("conf/base/schemas/reviews.json");
    Files.createDirectories(schemaFile.getParent());
    // Spark's StructType.json() format, as Kedro's SparkDataset reads it.
    Files.writeString(
        schemaFile,
        "{\"type\":\"struct\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}},"
            + "{\"name\":\"name\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}");
    create(
            new SparkDataset.Type(),
            "reviews",
            Map.of(
                "filepath",
                "data/reviews.csv",
                "file_format",
                "csv",
                "save_args",
                Map.of("header", true)),
            context())
        .save(people("(1, 'a')"));
    for (Object schema :
        List.of("conf/base/schemas/reviews.json", Map.of("filepath", schemaFile.toString()))) {
      var ds =
          create(
              new SparkDataset.Type(),
              "reviews",
              Map.of(
                  "filepath",
                  "data/reviews.csv",
                  "file_format",
                  "csv",
                  "load_args",
                  Map.of("header", true, "schema", schema)),
              context());
      org.apache.spark.sql.Dataset<Row> loaded = ds.load();
      // Without the schema a CSV column is a string.
      assertThat(loaded.schema().apply("id").dataType())
          .as("schema %s", schema)
          .isEqualTo(DataTypes.LongType);
      assertThat(sorted(loaded)).containsExactly("[1,a]");
    }
  }

  @Test
  void ddlSchemaOnJsonSetsColumnOrderAndTypes() {
    create(
            new SparkDataset.Type(),
            "jd",
            Map.of("filepath", "data/jd.json", "file_format", "json"),
            context())
        .save(people("(1, 'a')"));
    var ds =
        create(
            new SparkDataset.Type(),
            "jd",
            Map.of(
                "filepath",
                "data/jd.json",
                "file_format",
                "json",
                "load_args",
                Map.of("schema", "name STRING, id INT")),
            context());
    org.apache.spark.sql.Dataset<Row> loaded = ds.load();
    // Inference would give id BIGINT and sort the columns by name.
    assertThat(loaded.columns()).containsExactly("name", "id");
    assertThat(loaded.schema().apply("id").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(sorted(loaded)).containsExactly("[a,1]");
  }

  @Test
  void partitionByWritesADirectoryPerValueAndRoundTrips() {
    var ds =
        create(
            new SparkDataset.Type(),
            "parts",
            Map.of(
                "filepath",
                "data/parts.parquet",
                "save_args",
                Map.of("partitionBy", List.of("name"))),
            context());
    ds.save(people("(1, 'a')", "(2, 'b')", "(3, 'a')"));
    assertThat(root.resolve("data/parts.parquet/name=a")).isDirectory();
    assertThat(root.resolve("data/parts.parquet/name=b")).isDirectory();
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,b]", "[3,a]");
    // An overwrite replaces the whole directory, partitions the new data lacks included.
    ds.save(people("(4, 'c')"));
    assertThat(root.resolve("data/parts.parquet/name=a")).doesNotExist();
    assertThat(root.resolve("data/parts.parquet/name=c")).isDirectory();
    assertThat(sorted(ds.load())).containsExactly("[4,c]");
    // A single column may be given as a string.
    create(
            new SparkDataset.Type(),
            "parts2",
            Map.of("filepath", "data/parts2.parquet", "save_args", Map.of("partitionBy", "name")),
            context())
        .save(people("(1, 'a')"));
    assertThat(root.resolve("data/parts2.parquet/name=a")).isDirectory();
  }

  // --- spark.DeltaTableDataset -----------------------------------------------------------------

  @Test
  void deltaOverwriteAppendAndTimeTravel() {
    Map<String, Object> config = new HashMap<>(Map.of("filepath", "data/d"));
    var overwrite = create(new DeltaTableDataset.Type(), "d", config, context());
    assertThat(overwrite.exists()).isFalse();
    overwrite.save(people("(1, 'a')"));
    assertThat(overwrite.exists()).isTrue();
    config.put("write_mode", "append");
    create(new DeltaTableDataset.Type(), "d", config, context()).save(people("(2, 'b')"));
    assertThat(sorted(overwrite.load())).containsExactly("[1,a]", "[2,b]");
    var v0 =
        create(
            new DeltaTableDataset.Type(),
            "d",
            Map.of("filepath", "data/d", "version", 0),
            context());
    assertThat(sorted(v0.load())).containsExactly("[1,a]");
    var fromRun =
        create(
            new DeltaTableDataset.Type(),
            "d",
            Map.of("filepath", "data/d"),
            context(Map.of("d", "0"), null));
    assertThat(sorted(fromRun.load())).containsExactly("[1,a]");
  }

  @Test
  void deltaUpsertOnPrimaryKey() {
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "u",
            Map.of("filepath", "data/u", "write_mode", "upsert", "primary_key", "id"),
            context());
    ds.save(people("(1, 'a')", "(2, 'b')")); // creates the table
    ds.save(people("(2, 'B')", "(3, 'c')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,B]", "[3,c]");
  }

  @Test
  void deltaUpsertWithConditionAndDelete() {
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "u2",
            Map.of(
                "filepath", "data/u2",
                "write_mode", "upsert",
                "merge_condition", "target.id = source.id",
                "when_matched", "delete",
                "when_not_matched", "ignore"),
            context());
    ds.save(people("(1, 'a')", "(2, 'b')"));
    ds.save(people("(2, 'gone')", "(9, 'not inserted')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]");
  }

  @Test
  void concurrentUpsertsUseTheirOwnSourceViews() {
    var a =
        create(
            new DeltaTableDataset.Type(),
            "ca",
            Map.of("filepath", "data/ca", "write_mode", "upsert", "primary_key", List.of("id")),
            context());
    var b =
        create(
            new DeltaTableDataset.Type(),
            "cb",
            Map.of("filepath", "data/cb", "write_mode", "upsert", "primary_key", List.of("id")),
            context());
    a.save(people("(1, 'a')"));
    b.save(people("(1, 'b')"));
    CompletableFuture<Void> fa = CompletableFuture.runAsync(() -> a.save(people("(2, 'a2')")));
    CompletableFuture<Void> fb = CompletableFuture.runAsync(() -> b.save(people("(2, 'b2')")));
    CompletableFuture.allOf(fa, fb).join();
    assertThat(sorted(a.load())).containsExactly("[1,a]", "[2,a2]");
    assertThat(sorted(b.load())).containsExactly("[1,b]", "[2,b2]");
  }

  @Test
  void deltaReplaceWhere() {
    create(new DeltaTableDataset.Type(), "r", Map.of("filepath", "data/r"), context())
        .save(people("(1, 'a')", "(2, 'b')", "(3, 'c')"));
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "r",
            Map.of("filepath", "data/r", "write_mode", "replace_where", "replace_where", "id >= 2"),
            context());
    ds.save(people("(2, 'B')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,B]");
  }

  @Test
  void deltaAppendWithNewColumnNeedsMergeSchema() {
    create(new DeltaTableDataset.Type(), "m", Map.of("filepath", "data/m"), context())
        .save(people("(1, 'a')"));
    org.apache.spark.sql.Dataset<Row> wider =
        spark().sql("SELECT 2 AS id, 'b' AS name, 0.5 AS score");
    var strict =
        create(
            new DeltaTableDataset.Type(),
            "m",
            Map.of("filepath", "data/m", "write_mode", "append"),
            context());
    assertThatThrownBy(() -> strict.save(wider))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'm'")
        .hasMessageContaining("score")
        .hasMessageContaining("merge_schema: true");
    var evolving =
        create(
            new DeltaTableDataset.Type(),
            "m",
            Map.of("filepath", "data/m", "write_mode", "append", "merge_schema", true),
            context());
    evolving.save(wider);
    assertThat(evolving.load().columns()).containsExactly("id", "name", "score");
    assertThat(evolving.load().count()).isEqualTo(2);
  }

  @Test
  void deltaOverwriteSchemaAndPartitionColumns() {
    create(new DeltaTableDataset.Type(), "p", Map.of("filepath", "data/p"), context())
        .save(people("(1, 'a')"));
    var ds =
        create(
            new DeltaTableDataset.Type(),
            "p",
            Map.of(
                "filepath",
                "data/p",
                "overwrite_schema",
                true,
                "partition_columns",
                List.of("kind")),
            context());
    ds.save(spark().sql("SELECT 1 AS id, 'x' AS kind"));
    assertThat(ds.load().columns()).containsExactlyInAnyOrder("id", "kind");
    assertThat(root.resolve("data/p/kind=x")).isDirectory();
  }

  @Test
  void failedDeltaSaveLeavesPreviousVersionReadable() {
    var ds = create(new DeltaTableDataset.Type(), "f", Map.of("filepath", "data/f"), context());
    ds.save(people("(1, 'old')"));
    assertThatThrownBy(() -> ds.save(failingData()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'f'");
    assertThat(sorted(ds.load())).containsExactly("[1,old]");
  }

  @Test
  void deltaLoadOfMissingTableSaysSo() {
    var ds =
        create(new DeltaTableDataset.Type(), "none", Map.of("filepath", "data/none"), context());
    assertThatThrownBy(ds::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("Dataset 'none'")
        .hasMessageContaining("no Delta table");
  }

  @Test
  void deltaTimeTravelByKedroOrIsoTimestamp() throws InterruptedException {
    var writer =
        create(
            new DeltaTableDataset.Type(),
            "ts",
            Map.of("filepath", "data/ts", "write_mode", "append"),
            context());
    writer.save(people("(1, 'a')"));
    // Commit timestamps have millisecond precision; a pause leaves room for a point between them.
    Thread.sleep(50);
    writer.save(people("(2, 'b')"));
    Map<Long, Long> commitMillis = new HashMap<>();
    spark()
        .sql("DESCRIBE HISTORY delta.`" + root.resolve("data/ts") + "`")
        .selectExpr("version", "unix_millis(timestamp)")
        .collectAsList()
        .forEach(r -> commitMillis.put(r.getLong(0), r.getLong(1)));
    assertThat(commitMillis).containsOnlyKeys(0L, 1L);
    long first = Objects.requireNonNull(commitMillis.get(0L));
    long second = Objects.requireNonNull(commitMillis.get(1L));
    assertThat(second).isGreaterThan(first);
    Instant between = Instant.ofEpochMilli(first + (second - first) / 2);
    String kedro = Versions.format(between); // 2024-01-31T12.30.45.123Z
    String iso = between.toString(); // 2024-01-31T12:30:45.123Z
    for (String timestamp : List.of(kedro, iso)) {
      var atPoint =
          create(
              new DeltaTableDataset.Type(),
              "ts",
              Map.of("filepath", "data/ts", "timestamp", timestamp),
              context());
      assertThat(sorted(atPoint.load())).as("timestamp %s", timestamp).containsExactly("[1,a]");
    }
    var fromRun =
        create(
            new DeltaTableDataset.Type(),
            "ts",
            Map.of("filepath", "data/ts"),
            context(Map.of("ts", kedro), null));
    assertThat(sorted(fromRun.load())).containsExactly("[1,a]");
    var atSecond =
        create(
            new DeltaTableDataset.Type(),
            "ts",
            Map.of("filepath", "data/ts", "timestamp", Instant.ofEpochMilli(second).toString()),
            context());
    assertThat(sorted(atSecond.load())).containsExactly("[1,a]", "[2,b]");
  }

  @Test
  void deltaTableDatasetAddressedByTableName() {
    String table = "weir_" + prefix() + ".by_name_" + System.nanoTime();
    var ds = create(new DeltaTableDataset.Type(), "named", Map.of("table", table), context());
    assertThat(ds.exists()).isFalse();
    ds.save(people("(1, 'a')"));
    assertThat(ds.exists()).isTrue();
    assertThat(spark().catalog().tableExists(table)).isTrue();
    assertThat(sorted(spark().sql("SELECT * FROM " + table))).containsExactly("[1,a]");
    create(
            new DeltaTableDataset.Type(),
            "named",
            Map.of("table", table, "write_mode", "append"),
            context())
        .save(people("(2, 'b')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,b]");
    var v0 =
        create(
            new DeltaTableDataset.Type(), "named", Map.of("table", table, "version", 0), context());
    assertThat(sorted(v0.load())).containsExactly("[1,a]");
    assertThat(ds.describe()).containsEntry("table", table).doesNotContainKey("filepath");
  }

  // --- spark.SparkTableDataset -----------------------------------------------------------------

  @Test
  void tableRoundTripUpsertAndTimeTravel() {
    String schema = "weir_" + prefix();
    String table = "shuttles_" + System.nanoTime();
    var ds =
        create(
            new SparkTableDataset.Type(),
            "model_input_table",
            Map.of("database", schema, "table", table, "write_mode", "upsert", "primary_key", "id"),
            context());
    assertThat(ds.exists()).isFalse();
    ds.save(people("(1, 'a')"));
    ds.save(people("(1, 'A')", "(2, 'b')"));
    assertThat(ds.exists()).isTrue();
    assertThat(sorted(ds.load())).containsExactly("[1,A]", "[2,b]");
    assertThat(sorted(spark().sql("SELECT * FROM " + schema + "." + table)))
        .containsExactly("[1,A]", "[2,b]");
    var v0 =
        create(
            new SparkTableDataset.Type(),
            "model_input_table",
            Map.of("database", schema, "table", table),
            context(Map.of("model_input_table", "0"), null));
    assertThat(sorted(v0.load())).containsExactly("[1,a]");
  }

  /**
   * A new run has an empty in-memory catalog; dropping the (external) table from the catalog keeps
   * its Delta directory, which is what a new JVM would see.
   */
  @Test
  void tableWrittenInOneRunIsReadInTheNext() {
    String table = "kept_" + prefix() + "_" + System.nanoTime();
    create(new SparkTableDataset.Type(), "kept", Map.of("table", table), context())
        .save(people("(7, 'x')"));
    spark().sql("DROP TABLE " + table);
    assertThat(spark().catalog().tableExists(table)).isFalse();
    var nextRun = create(new SparkTableDataset.Type(), "kept", Map.of("table", table), context());
    assertThat(nextRun.exists()).isTrue();
    assertThat(sorted(nextRun.load())).containsExactly("[7,x]");
    assertThat(spark().catalog().tableExists(table)).isTrue();
  }

  @Test
  void unknownCatalogOnEmbeddedSessionIsAClearError() {
    var ds =
        create(
            new SparkTableDataset.Type(),
            "uc",
            Map.of("catalog", "main", "database", "sales", "table", "orders"),
            context());
    assertThatThrownBy(() -> ds.save(people("(1, 'a')")))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("catalog 'main'")
        .hasMessageContaining("Leave 'catalog' out");
  }

  @Test
  void tableAppendCreatesThenAddsRows() {
    String table = "appended_" + prefix() + "_" + System.nanoTime();
    var ds =
        create(
            new SparkTableDataset.Type(),
            "appended",
            Map.of("table", table, "write_mode", "append"),
            context());
    ds.save(people("(1, 'a')")); // creates the table
    ds.save(people("(2, 'b')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,b]");
    assertThat(sorted(spark().sql("SELECT * FROM " + table))).containsExactly("[1,a]", "[2,b]");
  }

  @Test
  void tableReplaceWhereReplacesOnlyMatchingRows() {
    String table = "replaced_" + prefix() + "_" + System.nanoTime();
    create(new SparkTableDataset.Type(), "replaced", Map.of("table", table), context())
        .save(people("(1, 'a')", "(2, 'b')", "(3, 'c')"));
    var ds =
        create(
            new SparkTableDataset.Type(),
            "replaced",
            Map.of("table", table, "write_mode", "replace_where", "replace_where", "id >= 2"),
            context());
    ds.save(people("(2, 'B')"));
    assertThat(sorted(ds.load())).containsExactly("[1,a]", "[2,B]");
    assertThat(sorted(spark().sql("SELECT * FROM " + table))).containsExactly("[1,a]", "[2,B]");
  }

  // --- excel.ExcelDataset ----------------------------------------------------------------------

  /** The real spaceflights workbook (shared data, not in the repository): typed columns. */
  @Test
  void excelReadsTheRealShuttlesWorkbookWithTypedColumns() throws Exception {
    Path xlsx = root.resolve("shuttles.xlsx");
    Files.copy(SpaceflightsData.file("shuttles.xlsx"), xlsx);
    var ds =
        create(new ExcelDataset.Type(), "shuttles", Map.of("filepath", "shuttles.xlsx"), context());
    org.apache.spark.sql.Dataset<Row> df = ds.load();
    StructType schema = df.schema();
    assertThat(schema.fieldNames())
        .containsExactly(
            "id",
            "shuttle_location",
            "shuttle_type",
            "engine_type",
            "engine_vendor",
            "engines",
            "passenger_capacity",
            "cancellation_policy",
            "crew",
            "d_check_complete",
            "moon_clearance_complete",
            "price",
            "company_id");
    assertThat(schema.apply("id").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("engines").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("passenger_capacity").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("crew").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("d_check_complete").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(schema.apply("price").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(df.count()).isEqualTo(15_531);
    Row first = df.where("id = 45163").first();
    assertThat(first.<Integer>getAs("engines")).isEqualTo(2);
    assertThat(first.<String>getAs("price")).isEqualTo("$1,715.0");
    assertThat(first.<String>getAs("d_check_complete")).isEqualTo("f");
    // Empty cells of the real file (engines of 6 rows, crew of 46) load as null.
    assertThat(df.where("engines IS NULL").count()).isEqualTo(6);
    assertThat(df.where("crew IS NULL").count()).isEqualTo(46);
    assertThat(
            df.select("d_check_complete").distinct().collectAsList().stream()
                .map(r -> r.getString(0)))
        .containsExactlyInAnyOrder("t", "f");
  }

  @Test
  void excelReadsTypedCellsADateAndEmptyCellsWrittenWithPoi() throws IOException {
    Path xlsx = root.resolve("in/typed.xlsx");
    Files.createDirectories(xlsx.getParent());
    try (Workbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      Sheet sheet = wb.createSheet("typed");
      cells(sheet, 0, "id", "price", "approved", "vendor", "checked_on");
      for (int i = 1; i <= 3; i++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(i);
        row.createCell(0).setCellValue(i);
        row.createCell(1).setCellValue(i + 0.5);
        row.createCell(2).setCellValue(i != 2);
        if (i != 2) { // row 2: no vendor cell at all, and a blank date cell
          row.createCell(3).setCellValue("vendor " + i);
        }
        Cell day = row.createCell(4);
        day.setCellStyle(dateStyle);
        if (i != 2) {
          day.setCellValue(LocalDate.of(2024, 3, i));
        }
      }
      wb.write(out);
    }
    var ds =
        create(new ExcelDataset.Type(), "typed", Map.of("filepath", "in/typed.xlsx"), context());
    org.apache.spark.sql.Dataset<Row> df = ds.load();
    StructType schema = df.schema();
    assertThat(schema.fieldNames())
        .containsExactly("id", "price", "approved", "vendor", "checked_on");
    assertThat(schema.apply("id").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(schema.apply("price").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(schema.apply("approved").dataType()).isEqualTo(DataTypes.BooleanType);
    assertThat(schema.apply("vendor").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(schema.apply("checked_on").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(sorted(df))
        .containsExactly(
            "[1,1.5,true,vendor 1,2024-03-01]",
            "[2,2.5,false,null,null]",
            "[3,3.5,true,vendor 3,2024-03-03]");
  }

  @Test
  void excelSchemaCastsAndRoundTrip() {
    org.apache.spark.sql.Dataset<Row> data =
        spark()
            .sql(
                "SELECT * FROM VALUES (1, 2.5D, true, 'x', DATE'2024-03-01'), (2, NULL, false, NULL, NULL)"
                    + " AS t(id, score, ok, label, day)");
    var ds =
        create(
            new ExcelDataset.Type(),
            "report",
            Map.of(
                "filepath", "out/report.xlsx",
                "save_args", Map.of("sheet_name", "results", "index", false),
                "load_args", Map.of("sheet_name", "results", "schema", "id BIGINT")),
            context());
    assertThat(ds.exists()).isFalse();
    ds.save(data);
    org.apache.spark.sql.Dataset<Row> back = ds.load();
    assertThat(back.schema().apply("id").dataType()).isEqualTo(DataTypes.LongType);
    assertThat(back.schema().apply("score").dataType()).isEqualTo(DataTypes.DoubleType);
    assertThat(back.schema().apply("ok").dataType()).isEqualTo(DataTypes.BooleanType);
    assertThat(back.schema().apply("day").dataType()).isEqualTo(DataTypes.DateType);
    assertThat(sorted(back))
        .containsExactly("[1,2.5,true,x,2024-03-01]", "[2,null,false,null,null]");
    var wrongSheet =
        create(
            new ExcelDataset.Type(),
            "report",
            Map.of("filepath", "out/report.xlsx", "load_args", Map.of("sheet_name", "result")),
            context());
    assertThatThrownBy(wrongSheet::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("no sheet named 'result'")
        .hasMessageContaining("Did you mean: results?");
  }

  /** Writes one row of cells: numbers as numbers, anything else as text. */
  static void cells(Sheet sheet, int rowIndex, Object... values) {
    org.apache.poi.ss.usermodel.Row row = sheet.createRow(rowIndex);
    for (int c = 0; c < values.length; c++) {
      if (values[c] instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else {
        row.createCell(c).setCellValue(String.valueOf(values[c]));
      }
    }
  }

  @Test
  void excelSheetByIndexWithTheHeaderOnALaterRowOrNone() throws IOException {
    Path xlsx = root.resolve("in/book.xlsx");
    Files.createDirectories(xlsx.getParent());
    try (Workbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      cells(wb.createSheet("cover"), 0, "not the data");
      Sheet report = wb.createSheet("report");
      cells(report, 0, "Quarterly report"); // a title, then an empty row, then the header
      cells(report, 2, "id", "name");
      cells(report, 3, 1, "a");
      cells(report, 4, 2, "b");
      Sheet raw = wb.createSheet("raw");
      cells(raw, 0, 1, "a");
      cells(raw, 1, 2, "b");
      wb.write(out);
    }
    var report =
        create(
            new ExcelDataset.Type(),
            "report",
            Map.of("filepath", "in/book.xlsx", "load_args", Map.of("sheet_name", 1, "header", 2)),
            context());
    org.apache.spark.sql.Dataset<Row> df = report.load();
    assertThat(df.columns()).containsExactly("id", "name");
    assertThat(df.schema().apply("id").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(sorted(df)).containsExactly("[1,a]", "[2,b]");

    Map<String, Object> noHeader = new HashMap<>();
    noHeader.put("sheet_name", 2);
    noHeader.put("header", null); // YAML's header: null
    var raw =
        create(
            new ExcelDataset.Type(),
            "raw",
            Map.of("filepath", "in/book.xlsx", "load_args", noHeader),
            context());
    org.apache.spark.sql.Dataset<Row> rawDf = raw.load();
    assertThat(rawDf.columns()).containsExactly("_c0", "_c1");
    assertThat(rawDf.schema().apply("_c0").dataType()).isEqualTo(DataTypes.IntegerType);
    assertThat(sorted(rawDf)).containsExactly("[1,a]", "[2,b]");

    var missing =
        create(
            new ExcelDataset.Type(),
            "missing",
            Map.of("filepath", "in/book.xlsx", "load_args", Map.of("sheet_name", 3)),
            context());
    assertThatThrownBy(missing::load)
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("sheet index 3 does not exist")
        .hasMessageContaining("[cover, report, raw]");
  }
}
