package dev.weir.datasets.spark;

import dev.weir.datasets.Expectations;
import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Files read and written by Spark (Kedro's {@code spark.SparkDataset}): a DataFrame in one of
 * {@link #FILE_FORMATS}.
 *
 * <p>Catalog keys: {@code filepath} (required; relative paths resolve against the project root,
 * {@code dbfs:/}, {@code /Volumes/...}, {@code s3a://}, {@code abfss://}, {@code gs://} pass to
 * Spark), {@code file_format} ({@code parquet} by default), {@code load_args} (reader options and
 * {@code schema}, see {@link ReadOptions}), {@code save_args} ({@code mode}: one of {@link
 * #SAVE_MODES}, {@code overwrite} by default; {@code partitionBy}: a column or list; anything else
 * is a writer option), {@code versioned} (Kedro's {@code <filepath>/<version>/<basename>} layout),
 * {@code credentials} (Hadoop options of this dataset's reads and writes, such as {@code
 * fs.s3a.access.key}; see {@link HadoopCredentials}), {@code expectations} and {@code check_on}
 * (see {@link SparkExpectations}).
 *
 * <p>An overwrite goes to a staging directory next to the target that replaces it only after
 * Spark's job succeeded, so a failed save leaves the old files readable (see {@link SparkStorage}
 * for the one case where that is not possible: non-local paths over Spark Connect). {@code
 * file_format: delta} relies on Delta's transaction log instead.
 */
public final class SparkDataset
    implements Dataset<org.apache.spark.sql.Dataset<Row>>,
        dev.weir.io.LoadVersioned,
        dev.weir.io.Cacheable<org.apache.spark.sql.Dataset<Row>>,
        ChecksExpectations {
  /**
   * Formats whose schema Spark can only get by reading the data (the first line, or every row with
   * {@code inferSchema} or for JSON): the pre-run expectation check skips them unless {@code
   * load_args.schema} is declared.
   */
  private static final List<String> INFERRED_FORMATS = List.of("csv", "json", "xml", "text");

  /** The accepted {@code file_format} values. */
  public static final List<String> FILE_FORMATS =
      List.of("parquet", "csv", "json", "orc", "text", "delta");

  /** The accepted {@code save_args.mode} values (Spark's save modes). */
  public static final List<String> SAVE_MODES =
      List.of("overwrite", "append", "ignore", "error", "errorifexists");

  private final DatasetSpec spec;
  private final DatasetContext context;
  private final String path;
  private final String format;
  private final ReadOptions read;
  private final String mode;
  private final List<String> partitionBy;
  private final Map<String, String> writeOptions;
  private final boolean versioned;
  private final HadoopCredentials credentials;
  private final SparkExpectations expectations;

  private SparkDataset(DatasetSpec spec, DatasetContext context) {
    Specs.requireKnownKeys(
        spec,
        java.util.Set.of(
            "filepath",
            "file_format",
            "load_args",
            "save_args",
            "versioned",
            "metadata",
            Expectations.KEY,
            Expectations.CHECK_ON));
    this.spec = spec;
    this.expectations = SparkExpectations.of(spec);
    this.context = context;
    this.path = context.resolvePath(Specs.required(spec, "filepath"));
    String fileFormat = spec.string("file_format");
    this.format =
        fileFormat == null
            ? "parquet"
            : Specs.checkOneOf(
                spec, "file_format", fileFormat.toLowerCase(Locale.ROOT), FILE_FORMATS);
    this.read = ReadOptions.of(spec, context);
    Map<String, String> options = new LinkedHashMap<>();
    String saveMode = "overwrite";
    List<String> partitions = List.of();
    for (Map.Entry<String, Object> e : spec.map("save_args").entrySet()) {
      Object v = e.getValue();
      switch (e.getKey()) {
        case "mode" -> saveMode = saveMode(spec, String.valueOf(v));
        case "partitionBy", "partition_by" ->
            partitions =
                v instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(v));
        default -> {
          if (v != null) {
            options.put(e.getKey(), v.toString());
          }
        }
      }
    }
    this.mode = saveMode;
    this.partitionBy = List.copyOf(partitions);
    this.writeOptions = Map.copyOf(options);
    this.versioned = spec.bool("versioned", false);
    this.credentials = HadoopCredentials.of(spec);
  }

  static SparkDataset create(DatasetSpec spec, DatasetContext context) {
    return new SparkDataset(spec, context);
  }

  private static String saveMode(DatasetSpec spec, String mode) {
    String m = mode.toLowerCase(Locale.ROOT);
    if (List.of("upsert", "merge", "replace_where", "overwrite_partitions").contains(m)) {
      throw new DatasetException(
          Specs.where(spec)
              + ": save_args.mode '"
              + mode
              + "' does not fit spark.SparkDataset, whose modes are Spark's save modes ("
              + String.join(", ", SAVE_MODES)
              + "). For upsert / replace_where use type spark.DeltaTableDataset with write_mode.");
    }
    return Specs.checkOneOf(spec, "save_args.mode", m, SAVE_MODES);
  }

  /**
   * A load returns the saved DataFrame only after an {@code overwrite} in a format that keeps the
   * column types ({@code parquet}, {@code orc}, {@code delta}), or in {@code csv} / {@code json} /
   * {@code text} read with an explicit {@code load_args.schema}.
   *
   * @return why not, otherwise
   */
  @Override
  public java.util.Optional<String> readBackDiffers() {
    if (!mode.equals("overwrite")) {
      return java.util.Optional.of(
          "save_args.mode "
              + mode
              + " leaves other rows at the path than the DataFrame saved; only overwrite can be"
              + " cached");
    }
    if (List.of("csv", "json", "text").contains(format) && read.schema() == null) {
      return java.util.Optional.of(
          "file_format "
              + format
              + " is read back with the reader's own types (strings, or types inferred with"
              + " inferSchema), not the saved DataFrame's; give load_args.schema or use parquet or"
              + " delta");
    }
    return java.util.Optional.empty();
  }

  /** Checked and persisted before the write ({@link SparkExpectations#pinned}). */
  @Override
  public org.apache.spark.sql.Dataset<Row> pin(org.apache.spark.sql.Dataset<Row> data) {
    return expectations.pinned(data, context);
  }

  @Override
  public void unpin(org.apache.spark.sql.Dataset<Row> pinned) {
    SparkCaching.unpin(pinned);
  }

  @Override
  public org.apache.spark.sql.Dataset<Row> load() {
    org.apache.spark.sql.Dataset<Row> df = readStored();
    return expectations.expectations().onLoad()
        ? expectations.check(df, Expectations.LOAD, context)
        : df;
  }

  /** The data as stored, without the expectations of {@code check_on: load}. */
  private org.apache.spark.sql.Dataset<Row> readStored() {
    SparkSession spark = context.service(SparkSession.class);
    SparkSessions.activate(spark);
    String source = loadPath(spark);
    boolean checkable = SparkStorage.canCheck(spark, source);
    if (checkable && !SparkStorage.exists(spark, source, credentials)) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': no data at "
              + source
              + ". Run the node that produces it first, or check 'filepath'.");
    }
    try {
      org.apache.spark.sql.Dataset<Row> df = reader(spark).load(source);
      // Over Connect the read is lazy; asking for the schema makes a missing path or a bad option
      // fail here, with the dataset's name, instead of in some later node.
      if (df.schema().fields().length == 0) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "': the "
                + format
                + " data at "
                + source
                + " is empty (no columns, not even a header line). Put the data there, or check"
                + " 'filepath' in the catalog.");
      }
      return df;
    } catch (Exception e) {
      throw SparkErrors.wrap(spec.name(), "load " + format + " data from " + source, e);
    }
  }

  @Override
  public void save(org.apache.spark.sql.Dataset<Row> given) {
    SparkSession spark = given.sparkSession();
    SparkSessions.activate(spark);
    String target = savePath(spark);
    org.apache.spark.sql.Dataset<Row> data = expectations.beforeSave(given, context);
    try {
      if (mode.equals("overwrite")
          && !format.equals("delta")
          && !"dynamic".equalsIgnoreCase(writeOptions.get("partitionOverwriteMode"))) {
        SparkStorage.overwriteViaStaging(
            spark, target, credentials, staging -> writer(data).mode("overwrite").save(staging));
      } else {
        writer(data).mode(mode).save(target);
      }
    } catch (Exception e) {
      throw SparkErrors.wrap(spec.name(), "save " + format + " data to " + target, e);
    }
  }

  private DataFrameWriter<Row> writer(org.apache.spark.sql.Dataset<Row> data) {
    DataFrameWriter<Row> w =
        data.write().format(format).options(writeOptions).options(credentials.options());
    return partitionBy.isEmpty() ? w : w.partitionBy(partitionBy.toArray(String[]::new));
  }

  /** The reader with {@code load_args}, then the credentials as Hadoop options. */
  private DataFrameReader reader(SparkSession spark) {
    return read.apply(spark.read().format(format)).options(credentials.options());
  }

  @Override
  public boolean exists() {
    SparkSession spark = context.service(SparkSession.class);
    SparkSessions.activate(spark);
    String source;
    try {
      source = loadPath(spark);
    } catch (DatasetException e) {
      return false;
    }
    if (SparkStorage.canCheck(spark, source)) {
      return SparkStorage.exists(spark, source, credentials);
    }
    try {
      reader(spark).load(source).schema();
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private String loadPath(SparkSession spark) {
    if (!versioned) {
      return path;
    }
    String version =
        context
            .loadVersion(spec.name())
            .or(() -> SparkStorage.latestVersion(spark, spec.name(), path, credentials))
            .orElseThrow(
                () ->
                    new DatasetException(
                        "Dataset '"
                            + spec.name()
                            + "': no saved version under "
                            + path
                            + ". Run the node that produces it first."));
    return Versions.versionedPath(path, version);
  }

  private String savePath(SparkSession spark) {
    if (!versioned) {
      return path;
    }
    String version = context.saveVersion().orElseGet(Versions::generateTimestamp);
    String target = Versions.versionedPath(path, version);
    if (SparkStorage.canCheck(spark, target) && SparkStorage.exists(spark, target, credentials)) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': version "
              + version
              + " was already saved ("
              + target
              + "). Versions are never overwritten: use a new save version.");
    }
    return target;
  }

  @Override
  public boolean acceptsLoadVersions() {
    return versioned;
  }

  @Override
  public Expectations expectations() {
    return expectations.expectations();
  }

  @Override
  public List<String> expectationProblems() {
    if (expectations.expectations().isEmpty()) {
      return List.of();
    }
    StructType schema = read.schema();
    if (schema == null
        && (!expectations.expectations().onLoad() || INFERRED_FORMATS.contains(format))) {
      // On save the data that counts is the DataFrame being saved, not what the last run stored
      // (a node may add the column an expectation needs); and Spark infers a CSV or JSON schema by
      // reading the data. Both are checked at the save or load instead (SparkExpectations#check).
      return List.of();
    }
    SparkSession spark = context.service(SparkSession.class);
    SparkSessions.activate(spark);
    if (schema == null && exists()) {
      schema = readStored().schema();
    }
    return schema == null ? List.of() : expectations.schemaProblems(spark, schema);
  }

  /** Lists the versions of a local path without Spark; other file systems are not listed. */
  @Override
  public java.util.Optional<List<String>> listVersions() {
    if (!versioned || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Versions.savedVersions(java.nio.file.Path.of(path)));
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", spec.name());
    d.put("type", spec.type());
    d.put("filepath", path);
    d.put("file_format", format);
    d.put("mode", mode);
    d.put("versioned", versioned);
    if (!partitionBy.isEmpty()) {
      d.put("partitionBy", partitionBy);
    }
    return Map.copyOf(d);
  }

  /** {@code spark.SparkDataset}. */
  public static final class Type implements dev.weir.io.DatasetType {
    @Override
    public List<String> names() {
      return List.of("spark.SparkDataset", SparkDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      return SparkDataset.create(spec, context);
    }
  }
}
