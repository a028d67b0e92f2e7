package dev.weir.datasets.spark;

import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Delta table in the session's catalog (Kedro's {@code databricks.ManagedTableDataset}; also
 * {@code spark.SparkTableDataset}): {@code catalog}, {@code database} (or {@code schema}) and
 * {@code table} make Unity Catalog's three-level name; the write modes, {@code partition_columns}
 * and time travel are those of {@link DeltaTableDataset}.
 *
 * <p>On Databricks the table is a managed table ({@code saveAsTable}). On the embedded session the
 * catalog is in memory: the table's data is a Delta directory under the warehouse and is registered
 * again in every new run, so a table written in one run can be read in the next (see {@code
 * DeltaTable}). The embedded session knows only the {@code spark_catalog} catalog: leave {@code
 * catalog} out of the local environment's entry.
 */
public final class SparkTableDataset extends DeltaBackedDataset {
  private static final Set<String> KEYS;

  static {
    Set<String> keys = new HashSet<>(DeltaWriteOptions.KEYS);
    keys.addAll(dev.weir.datasets.Expectations.KEYS);
    keys.addAll(
        Set.of(
            "catalog",
            "database",
            "schema",
            "table",
            "version",
            "timestamp",
            "load_args",
            "dataframe_type",
            "metadata"));
    KEYS = Set.copyOf(keys);
  }

  private final Map<String, Object> location;

  private SparkTableDataset(
      DatasetSpec spec, DatasetContext context, DeltaTable target, Map<String, Object> location) {
    super(spec, context, target);
    this.location = location;
  }

  static SparkTableDataset create(DatasetSpec spec, DatasetContext context) {
    Specs.requireKnownKeys(spec, KEYS);
    Specs.oneOf(spec, "dataframe_type", List.of("spark"), "spark");
    if (spec.config().get("schema") instanceof Map<?, ?>) {
      throw new DatasetException(
          Specs.where(spec)
              + ": 'schema' names the table's schema (database) here, as in Unity Catalog's"
              + " catalog.schema.table; a table schema (Kedro's schema dict) is not supported.");
    }
    String table = Specs.required(spec, "table");
    String catalog = blankToNull(spec.string("catalog"));
    String database = blankToNull(spec.string("database"));
    String schema = blankToNull(spec.string("schema"));
    if (database != null && schema != null && !database.equals(schema)) {
      throw new DatasetException(
          Specs.where(spec) + ": set database or schema (the same thing), not both.");
    }
    String db = database != null ? database : schema;
    DeltaTable target;
    if (table.contains(".")) {
      if (catalog != null || db != null) {
        throw new DatasetException(
            Specs.where(spec)
                + ": table '"
                + table
                + "' is already qualified; drop catalog / database, or give table alone.");
      }
      try {
        target = DeltaTable.parse(table);
      } catch (IllegalArgumentException e) {
        throw new DatasetException(Specs.where(spec) + ": table " + e.getMessage() + ".", e);
      }
    } else {
      if (catalog != null && db == null) {
        throw new DatasetException(
            Specs.where(spec)
                + ": with catalog '"
                + catalog
                + "' also give database (Unity Catalog names are catalog.schema.table).");
      }
      target = new DeltaTable(catalog, db, table);
    }
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("table", target.display());
    return new SparkTableDataset(spec, context, target, Map.copyOf(location));
  }

  @Override
  Map<String, Object> location() {
    return location;
  }

  /** {@code spark.SparkTableDataset}, alias {@code databricks.ManagedTableDataset}. */
  public static final class Type implements DatasetType {
    @Override
    public List<String> names() {
      return List.of(
          "spark.SparkTableDataset",
          "databricks.ManagedTableDataset",
          SparkTableDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      return SparkTableDataset.create(spec, context);
    }
  }
}
