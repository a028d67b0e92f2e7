package dev.weir.datasets.spark;

import dev.weir.datasets.Specs;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Delta Lake table (Kedro's {@code spark.DeltaTableDataset}, which only reads; this one also
 * writes), addressed by {@code filepath} (a directory; relative to the project root) or {@code
 * table} ({@code [catalog.]schema.]table}, see {@link SparkTableDataset} for how tables behave on
 * the embedded session). Writing: {@link DeltaWriteOptions}; reading and time travel: {@link
 * DeltaBackedDataset}. {@code credentials} with {@code filepath}: Hadoop options of this table's
 * reads and writes ({@link HadoopCredentials}). A failed save leaves the previous version readable:
 * Delta commits a write only when every file is written.
 */
public final class DeltaTableDataset extends DeltaBackedDataset {
  private static final Set<String> KEYS;

  static {
    Set<String> keys = new HashSet<>(DeltaWriteOptions.KEYS);
    keys.addAll(dev.weir.datasets.Expectations.KEYS);
    keys.addAll(Set.of("filepath", "table", "version", "timestamp", "load_args", "metadata"));
    KEYS = Set.copyOf(keys);
  }

  private final Map<String, Object> location;

  private DeltaTableDataset(
      DatasetSpec spec, DatasetContext context, DeltaTarget target, Map<String, Object> location) {
    super(spec, context, target);
    this.location = Map.copyOf(location);
  }

  static DeltaTableDataset create(DatasetSpec spec, DatasetContext context) {
    Specs.requireKnownKeys(spec, KEYS);
    String filepath = blankToNull(spec.string("filepath"));
    String table = blankToNull(spec.string("table"));
    if ((filepath == null) == (table == null)) {
      throw new DatasetException(
          Specs.where(spec) + " needs exactly one of 'filepath' (a directory) or 'table'.");
    }
    if (filepath != null) {
      String path = context.resolvePath(filepath);
      return new DeltaTableDataset(
          spec, context, new DeltaPath(path, HadoopCredentials.of(spec)), Map.of("filepath", path));
    }
    try {
      return new DeltaTableDataset(spec, context, DeltaTable.parse(table), Map.of("table", table));
    } catch (IllegalArgumentException e) {
      throw new DatasetException(Specs.where(spec) + ": table " + e.getMessage() + ".", e);
    }
  }

  @Override
  Map<String, Object> location() {
    return location;
  }

  /** {@code spark.DeltaTableDataset}. */
  public static final class Type implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("spark.DeltaTableDataset", DeltaTableDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      return DeltaTableDataset.create(spec, context);
    }
  }
}
