package dev.weir.datasets.excel;

import dev.weir.datasets.Specs;
import dev.weir.datasets.files.LocalFile;
import dev.weir.io.Dataset;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetException;
import dev.weir.io.DatasetSpec;
import dev.weir.io.DatasetType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * An Excel workbook as a Spark DataFrame ({@code excel.ExcelDataset}, alias Kedro's {@code
 * pandas.ExcelDataset}). Apache POI reads the file on the driver (or the Connect client) and the
 * rows go to Spark with {@code createDataFrame(List<Row>, StructType)}, so it works the same over
 * Spark Connect; saving collects the DataFrame to the driver and writes a new workbook. Meant for
 * spreadsheets, not for big data.
 *
 * <p>Catalog keys: {@code filepath} (a local {@code .xlsx} / {@code .xls} path), {@code versioned},
 * {@code load_args}: {@code sheet_name} (a sheet name, or a 0-based index; default 0), {@code
 * header} (0-based header row, default 0; {@code null} for none), {@code schema} (a DDL string such
 * as {@code "engines DOUBLE, id BIGINT"} whose columns are cast after reading; other columns keep
 * the inferred types, see {@link ExcelSheetReader}); {@code save_args}: {@code sheet_name} (default
 * {@code Sheet1}); pandas' {@code index} and {@code engine} are accepted and ignored.
 */
public final class ExcelDataset
    implements Dataset<org.apache.spark.sql.Dataset<Row>>, dev.weir.io.LoadVersioned {
  private final DatasetSpec spec;
  private final DatasetContext context;
  private final LocalFile file;
  private final @Nullable Object sheet;
  private final @Nullable Integer header;
  private final @Nullable StructType castTo;
  private final String saveSheet;

  private ExcelDataset(DatasetSpec spec, DatasetContext context) {
    Specs.requireKnownKeys(
        spec, Set.of("filepath", "versioned", "load_args", "save_args", "metadata"));
    this.spec = spec;
    this.context = context;
    this.file = LocalFile.of(spec, context);
    Map<String, Object> load = spec.map("load_args");
    for (String key : load.keySet()) {
      if (!Set.of("sheet_name", "header", "schema", "engine").contains(key)) {
        throw new DatasetException(
            Specs.where(spec)
                + ": load_args."
                + key
                + " is not supported. Use sheet_name, header or schema.");
      }
    }
    this.sheet = load.getOrDefault("sheet_name", 0);
    Object h = load.containsKey("header") ? load.get("header") : 0;
    try {
      this.header =
          h == null ? null : Math.toIntExact(Objects.requireNonNull(Specs.asLong(h), "header"));
    } catch (NumberFormatException e) {
      throw new DatasetException(
          Specs.where(spec) + ": load_args.header must be a row index (0-based) or null.", e);
    }
    Object schema = load.get("schema");
    try {
      this.castTo = schema == null ? null : StructType.fromDDL(schema.toString());
    } catch (RuntimeException e) {
      throw new DatasetException(
          Specs.where(spec) + ": load_args.schema is not a DDL string such as \"id BIGINT\".", e);
    }
    Map<String, Object> save = spec.map("save_args");
    for (String key : save.keySet()) {
      if (!Set.of("sheet_name", "index", "engine").contains(key)) {
        throw new DatasetException(
            Specs.where(spec) + ": save_args." + key + " is not supported. Use sheet_name.");
      }
    }
    this.saveSheet = String.valueOf(save.getOrDefault("sheet_name", "Sheet1"));
  }

  @Override
  public org.apache.spark.sql.Dataset<Row> load() {
    Path path = file.loadPath();
    ExcelSheetReader.Table table;
    try (Workbook wb = WorkbookFactory.create(path.toFile(), null, true)) {
      table = new ExcelSheetReader().read(sheet(wb, path), header);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DatasetException de) {
        throw de;
      }
      throw new DatasetException(
          "Dataset '" + spec.name() + "': could not read the workbook " + path + ": " + e, e);
    }
    SparkSession spark = context.service(SparkSession.class);
    org.apache.spark.sql.Dataset<Row> df = spark.createDataFrame(table.rows(), table.schema());
    return castTo == null ? df : cast(df, table.schema());
  }

  private Sheet sheet(Workbook wb, Path path) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    if (sheet instanceof Number n) {
      int index = n.intValue();
      if (index < 0 || index >= wb.getNumberOfSheets()) {
        throw new DatasetException(
            "Dataset '"
                + spec.name()
                + "': sheet index "
                + index
                + " does not exist in "
                + path
                + " (sheets: "
                + names
                + ").");
      }
      return wb.getSheetAt(index);
    }
    Sheet s = wb.getSheet(String.valueOf(sheet));
    if (s == null) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': no sheet named '"
              + sheet
              + "' in "
              + path
              + "."
              + dev.weir.ClosestNames.didYouMean(String.valueOf(sheet), names)
              + " Sheets: "
              + names
              + ".");
    }
    return s;
  }

  private org.apache.spark.sql.Dataset<Row> cast(
      org.apache.spark.sql.Dataset<Row> df, StructType inferred) {
    Map<String, StructField> wanted = new LinkedHashMap<>();
    for (StructField f : Objects.requireNonNull(castTo, "castTo").fields()) {
      wanted.put(f.name(), f);
    }
    List<Column> columns = new ArrayList<>();
    for (StructField f : inferred.fields()) {
      StructField w = wanted.remove(f.name());
      Column c = functions.col("`" + f.name().replace("`", "``") + "`");
      columns.add(w == null ? c : c.cast(w.dataType()).as(f.name()));
    }
    if (!wanted.isEmpty()) {
      throw new DatasetException(
          "Dataset '"
              + spec.name()
              + "': load_args.schema names columns the sheet lacks: "
              + wanted.keySet()
              + ". Columns: "
              + List.of(inferred.fieldNames())
              + ".");
    }
    return df.select(columns.toArray(Column[]::new));
  }

  @Override
  public void save(org.apache.spark.sql.Dataset<Row> data) {
    StructType schema = data.schema();
    List<Row> rows;
    try {
      rows = data.collectAsList();
    } catch (Exception e) {
      throw new DatasetException(
          "Dataset '" + spec.name() + "': could not compute the data to save: " + e.getMessage(),
          e);
    }
    file.write(out -> ExcelSheetWriter.write(schema, rows, saveSheet, out));
  }

  @Override
  public boolean exists() {
    return file.exists();
  }

  @Override
  public boolean acceptsLoadVersions() {
    return file.versioned();
  }

  @Override
  public java.util.Optional<java.util.List<String>> listVersions() {
    return java.util.Optional.of(file.savedVersions());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", spec.name());
    d.put("type", spec.type());
    d.put("filepath", file.path().toString());
    d.put("versioned", file.versioned());
    d.put("sheet_name", String.valueOf(sheet));
    return Map.copyOf(d);
  }

  /** {@code excel.ExcelDataset}, alias {@code pandas.ExcelDataset}. */
  public static final class Type implements DatasetType {
    @Override
    public List<String> names() {
      return List.of("excel.ExcelDataset", "pandas.ExcelDataset", ExcelDataset.class.getName());
    }

    @Override
    public Dataset<?> create(DatasetSpec spec, DatasetContext context) {
      return new ExcelDataset(spec, context);
    }
  }
}
