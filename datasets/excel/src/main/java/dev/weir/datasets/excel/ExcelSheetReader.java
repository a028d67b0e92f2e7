package dev.weir.datasets.excel;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Reads one sheet into Spark rows with a column type per column, inferred from the cells as pandas'
 * {@code read_excel} does but with Spark's types:
 *
 * <ul>
 *   <li>only whole numbers: {@code int}, or {@code bigint} when one does not fit;
 *   <li>numbers with a fraction (or whole numbers mixed with them): {@code double};
 *   <li>only booleans: {@code boolean};
 *   <li>only date-formatted numbers at midnight: {@code date}; with a time of day: {@code
 *       timestamp};
 *   <li>anything else, including mixed kinds: {@code string}, the cell text as Excel shows it.
 * </ul>
 *
 * <p>Blank cells, empty or whitespace-only strings and error cells are null; formulas count as
 * their cached result. Header names: the header row's text; blank ones become {@code Unnamed:
 * <index>} and repeated ones get {@code .1}, {@code .2} (pandas' rules). Without a header row the
 * names are {@code _c0}, {@code _c1}, ... (Spark's CSV names).
 */
final class ExcelSheetReader {
  private enum Kind {
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    STRING
  }

  private final DataFormatter formatter = new DataFormatter();

  /** The sheet's content: a schema and rows matching it. */
  record Table(StructType schema, List<org.apache.spark.sql.Row> rows) {}

  /**
   * @param sheet the sheet
   * @param headerRow the 0-based index of the header row, or null for none (data starts at row 0)
   * @return the schema and rows
   */
  Table read(Sheet sheet, @Nullable Integer headerRow) {
    int firstData = headerRow == null ? sheet.getFirstRowNum() : headerRow + 1;
    int last = sheet.getLastRowNum();
    int width = 0;
    for (int r = Math.max(0, headerRow == null ? firstData : headerRow); r <= last; r++) {
      Row row = sheet.getRow(r);
      if (row != null) {
        width = Math.max(width, row.getLastCellNum());
      }
    }
    List<String> names =
        headerRow == null ? defaultNames(width) : headerNames(sheet.getRow(headerRow), width);
    List<Object[]> values = new ArrayList<>();
    List<Kind[]> kinds = new ArrayList<>();
    for (int r = Math.max(firstData, 0); r <= last; r++) {
      Row row = sheet.getRow(r);
      Object[] v = new Object[width];
      Kind[] k = new Kind[width];
      boolean any = false;
      for (int c = 0; c < width; c++) {
        Cell cell = row == null ? null : row.getCell(c);
        if (cell != null) {
          any |= read(cell, c, v, k);
        }
      }
      if (any) {
        values.add(v);
        kinds.add(k);
      }
    }
    Kind[] columnKinds = new Kind[width];
    for (Kind[] k : kinds) {
      for (int c = 0; c < width; c++) {
        columnKinds[c] = merge(columnKinds[c], k[c]);
      }
    }
    StructField[] fields = new StructField[width];
    for (int c = 0; c < width; c++) {
      fields[c] = DataTypes.createStructField(names.get(c), sparkType(columnKinds[c]), true);
    }
    List<org.apache.spark.sql.Row> rows = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Object[] v = values.get(i);
      Object[] out = new Object[width];
      for (int c = 0; c < width; c++) {
        out[c] = convert(v[c], kinds.get(i)[c], columnKinds[c]);
      }
      rows.add(RowFactory.create(out));
    }
    return new Table(DataTypes.createStructType(fields), rows);
  }

  /** Stores the cell's value and kind; returns false for a blank cell. */
  private boolean read(Cell cell, int c, Object[] v, Kind[] k) {
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    switch (type) {
      case NUMERIC -> {
        double d = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell)) {
          LocalDateTime t = cell.getLocalDateTimeCellValue();
          v[c] = t;
          k[c] =
              t.toLocalTime().toSecondOfDay() == 0 && t.getNano() == 0 ? Kind.DATE : Kind.TIMESTAMP;
        } else if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
          v[c] = (long) d;
          k[c] = d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? Kind.INT : Kind.LONG;
        } else {
          v[c] = d;
          k[c] = Kind.DOUBLE;
        }
        return true;
      }
      case BOOLEAN -> {
        v[c] = cell.getBooleanCellValue();
        k[c] = Kind.BOOLEAN;
        return true;
      }
      case STRING -> {
        String s = cell.getStringCellValue();
        if (s == null || s.isBlank()) {
          return false;
        }
        v[c] = s;
        k[c] = Kind.STRING;
        return true;
      }
      default -> {
        return false; // BLANK, ERROR
      }
    }
  }

  private static @Nullable Kind merge(@Nullable Kind column, @Nullable Kind cell) {
    if (cell == null) {
      return column;
    }
    if (column == null || column == cell) {
      return cell;
    }
    if (isNumber(column) && isNumber(cell)) {
      return column == Kind.DOUBLE || cell == Kind.DOUBLE ? Kind.DOUBLE : Kind.LONG;
    }
    if ((column == Kind.DATE && cell == Kind.TIMESTAMP)
        || (column == Kind.TIMESTAMP && cell == Kind.DATE)) {
      return Kind.TIMESTAMP;
    }
    return Kind.STRING;
  }

  private static boolean isNumber(Kind k) {
    return k == Kind.INT || k == Kind.LONG || k == Kind.DOUBLE;
  }

  private static DataType sparkType(@Nullable Kind kind) {
    if (kind == null) {
      return DataTypes.StringType; // an all-empty column
    }
    return switch (kind) {
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case STRING -> DataTypes.StringType;
    };
  }

  private @Nullable Object convert(
      @Nullable Object value, @Nullable Kind kind, @Nullable Kind column) {
    if (value == null || column == null) {
      return null;
    }
    return switch (column) {
      case INT -> ((Long) value).intValue();
      case LONG -> (Long) value;
      case DOUBLE -> ((Number) value).doubleValue();
      case BOOLEAN -> value;
      case DATE -> Date.valueOf(((LocalDateTime) value).toLocalDate());
      case TIMESTAMP -> Timestamp.valueOf((LocalDateTime) value);
      case STRING -> asText(value, kind);
    };
  }

  private static String asText(Object value, @Nullable Kind kind) {
    if (kind == Kind.BOOLEAN) {
      return ((Boolean) value) ? "TRUE" : "FALSE";
    }
    if (value instanceof LocalDateTime t) {
      return kind == Kind.DATE ? t.toLocalDate().toString() : t.toString();
    }
    return value.toString();
  }

  private List<String> headerNames(@Nullable Row header, int width) {
    List<String> names = new ArrayList<>(width);
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < width; c++) {
      Cell cell = header == null ? null : header.getCell(c);
      String name = cell == null ? "" : formatter.formatCellValue(cell).trim();
      if (name.isEmpty()) {
        name = "Unnamed: " + c;
      }
      int count = seen.merge(name, 1, Integer::sum);
      names.add(count == 1 ? name : name + "." + (count - 1));
    }
    return names;
  }

  private static List<String> defaultNames(int width) {
    List<String> names = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      names.add("_c" + c);
    }
    return names;
  }
}
