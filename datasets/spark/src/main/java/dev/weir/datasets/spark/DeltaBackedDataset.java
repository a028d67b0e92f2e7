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
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DeltaTableDataset} and {@link SparkTableDataset} share: writes as {@link
 * DeltaWriteOptions} says, loads with time travel.
 *
 * <p>Time travel: {@code version} (a number, Delta's {@code versionAsOf}) or {@code timestamp}
 * (Delta's {@code timestampAsOf}) in the entry; the run's load version for the dataset ({@code
 * --load-versions name:3}) wins: a number is a Delta version, a Kedro timestamp ({@code
 * 2024-01-31T12.30.45.123Z}) or any other text a timestamp. {@code load_args} are further reader
 * options. {@code expectations} and {@code check_on}: see {@link SparkExpectations}.
 */
public abstract class DeltaBackedDataset
    implements Dataset<org.apache.spark.sql.Dataset<Row>>,
        dev.weir.io.LoadVersioned,
        dev.weir.io.Cacheable<org.apache.spark.sql.Dataset<Row>>,
        ChecksExpectations {
  private final DatasetSpec spec;
  private final DatasetContext context;
  private final DeltaTarget target;
  private final DeltaWriteOptions writeOptions;
  private final Map<String, String> readOptions;
  private final SparkExpectations expectations;

  DeltaBackedDataset(DatasetSpec spec, DatasetContext context, DeltaTarget target) {
    this.spec = spec;
    this.context = context;
    this.target = target;
    this.writeOptions = DeltaWriteOptions.of(spec);
    checkCredentials(spec, target, writeOptions);
    if (spec.config().containsKey("version") && spec.config().containsKey("timestamp")) {
      throw new DatasetException(Specs.where(spec) + ": set version or timestamp, not both.");
    }
    Map<String, String> options = new LinkedHashMap<>();
    spec.map("load_args").forEach((k, v) -> options.put(k, String.valueOf(v)));
    this.readOptions = Map.copyOf(options);
    this.expectations = SparkExpectations.of(spec);
    timeTravel(); // validates version now
  }

  /**
   * Credentials are Hadoop options of path-based reads and writes ({@link HadoopCredentials}); they
   * cannot reach a table read by name, a {@code saveAsTable} (whose writer options a catalog may
   * keep as table properties) or SQL {@code MERGE INTO}, so there they are refused, not ignored.
   */
  private static void checkCredentials(
      DatasetSpec spec, DeltaTarget target, DeltaWriteOptions writeOptions) {
    if (HadoopCredentials.of(spec).isEmpty()) {
      return;
    }
    if (target instanceof DeltaTable) {
      throw new DatasetException(
          Specs.where(spec)
              + ": credentials are Hadoop options of path-based reads and writes, and a table"
              + " addressed by name does not take them (Spark's DataFrameReader.table and"
              + " saveAsTable do not pass them to the file system). Grant access to the table's"
              + " storage in the catalog (Unity Catalog storage credentials / external locations),"
              + " or address the data by 'filepath' with type spark.DeltaTableDataset.");
    }
    if (writeOptions.mode().equals("upsert")) {
      throw new DatasetException(
          Specs.where(spec)
              + ": credentials cannot be applied to write_mode: upsert, which runs SQL MERGE INTO"
              + " (SQL takes no Hadoop options). Set the storage credentials in the Spark settings"
              + " (conf/<env>/spark.yml, spark.hadoop.fs.* keys) instead, or use another"
              + " write_mode.");
    }
  }

  @Override
  public org.apache.spark.sql.Dataset<Row> load() {
    org.apache.spark.sql.Dataset<Row> df = readStored();
    return expectations.expectations().onLoad()
        ? expectations.check(df, Expectations.LOAD, context)
        : df;
  }

  /**
   * The table (at the time-travel version, if any), without the checks of {@code check_on: load}.
   */
  private org.apache.spark.sql.Dataset<Row> readStored() {
    SparkSession spark = context.service(SparkSession.class);
    SparkSessions.activate(spark);
    boolean exists;
    try {
      exists = target.exists(spark);
    } catch (Exception e) {
      throw SparkErrors.wrap(spec.name(), "check " + target.display(), e);
    }
    if (!exists) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': no Delta table at "
              + target.display()
              + ". Run the node that produces it first, or check the catalog entry.");
    }
    Map<String, String> options = new LinkedHashMap<>(readOptions);
    timeTravel().ifPresent(tt -> options.put(tt.getKey(), tt.getValue()));
    try {
      org.apache.spark.sql.Dataset<Row> df = target.read(spark, options);
      df.schema(); // over Connect, fail here (bad version, ...) rather than in a later node
      return df;
    } catch (Exception e) {
      throw SparkErrors.wrap(spec.name(), "load Delta table " + target.display(), e);
    }
  }

  @Override
  public void save(org.apache.spark.sql.Dataset<Row> given) {
    SparkSessions.activate(given.sparkSession());
    org.apache.spark.sql.Dataset<Row> data = expectations.beforeSave(given, context);
    String action = writeOptions.mode() + " Delta table " + target.display();
    try {
      DeltaWriter.write(spec.name(), target, writeOptions, data);
    } catch (Exception e) {
      if (SparkErrors.isSchemaMismatch(e)) {
        Map<String, String> table = tableColumns(data.sparkSession());
        if (!table.isEmpty()) {
          throw SparkErrors.schemaMismatch(
              spec.name(), action, table, SparkErrors.columns(data.schema()), e);
        }
      }
      throw SparkErrors.wrap(spec.name(), action, e);
    }
  }

  /** The table's columns from its log, or none when they cannot be read. */
  private Map<String, String> tableColumns(SparkSession spark) {
    try {
      return SparkErrors.columns(target.read(spark, Map.of()).schema());
    } catch (Exception e) {
      return Map.of();
    }
  }

  @Override
  public boolean exists() {
    try {
      SparkSession spark = context.service(SparkSession.class);
      SparkSessions.activate(spark);
      return target.exists(spark);
    } catch (DatasetException e) {
      throw e;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A load returns the saved DataFrame only after an {@code overwrite} of the latest version.
   *
   * @return why not, for another write mode or a pinned version or timestamp
   */
  @Override
  public Optional<String> readBackDiffers() {
    if (!"overwrite".equals(writeOptions.mode())) {
      return Optional.of(
          "write_mode "
              + writeOptions.mode()
              + " leaves other rows in the table than the DataFrame saved; only overwrite can be"
              + " cached");
    }
    if (spec.config().containsKey("version") || spec.config().containsKey("timestamp")) {
      return Optional.of("the entry loads a fixed version or timestamp (time travel)");
    }
    return Optional.empty();
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
  public Expectations expectations() {
    return expectations.expectations();
  }

  /**
   * Checks the expressions of {@code check_on: load} against the table's current schema, when the
   * table exists. Expectations checked on save are checked at the save, against the DataFrame being
   * saved: the table's current schema is the last run's, and a node may add the column they need.
   */
  @Override
  public List<String> expectationProblems() {
    if (expectations.expectations().isEmpty()
        || !expectations.expectations().onLoad()
        || !exists()) {
      return List.of();
    }
    SparkSession spark = context.service(SparkSession.class);
    return expectations.schemaProblems(spark, readStored().schema());
  }

  /** A Delta table loads any version or timestamp of its history (time travel). */
  @Override
  public boolean acceptsLoadVersions() {
    return true;
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", spec.name());
    d.put("type", spec.type());
    d.putAll(location());
    d.put("write_mode", writeOptions.mode());
    if (!writeOptions.primaryKey().isEmpty()) {
      d.put("primary_key", writeOptions.primaryKey());
    }
    if (!writeOptions.partitionColumns().isEmpty()) {
      d.put("partition_columns", writeOptions.partitionColumns());
    }
    timeTravel().ifPresent(tt -> d.put(tt.getKey(), tt.getValue()));
    return Map.copyOf(d);
  }

  /**
   * @return the keys that say where the data lives, for {@link #describe()}
   */
  abstract Map<String, Object> location();

  private Optional<Map.Entry<String, String>> timeTravel() {
    Optional<String> fromRun = context.loadVersion(spec.name());
    if (fromRun.isPresent()) {
      String v = fromRun.get().trim();
      if (v.matches("\\d+")) {
        return Optional.of(Map.entry("versionAsOf", v));
      }
      return Optional.of(Map.entry("timestampAsOf", kedroToTimestamp(v)));
    }
    Object version = spec.config().get("version");
    if (version != null) {
      try {
        return Optional.of(Map.entry("versionAsOf", String.valueOf(Specs.asLong(version))));
      } catch (NumberFormatException e) {
        throw new DatasetException(
            Specs.where(spec)
                + ": version must be a Delta table version (a whole number), got '"
                + version
                + "'. Use timestamp for a point in time.");
      }
    }
    String timestamp = spec.string("timestamp");
    return timestamp == null
        ? Optional.empty()
        : Optional.of(Map.entry("timestampAsOf", kedroToTimestamp(timestamp)));
  }

  /** Kedro's {@code 2024-01-31T12.30.45.123Z} becomes {@code 2024-01-31T12:30:45.123Z}. */
  private static String kedroToTimestamp(String v) {
    if (Versions.VERSION_PATTERN.matcher(v).matches()) {
      return v.substring(0, 10) + "T" + v.substring(11, 19).replace('.', ':') + v.substring(19);
    }
    return v;
  }

  DatasetSpec spec() {
    return spec;
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
