package dev.weir.datasets.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows to one sheet of a new {@code .xlsx}: a header row with the column names, then one row
 * per DataFrame row; numbers as numbers, booleans as booleans, dates and timestamps as
 * date-formatted cells, nulls as blank cells, anything else as text. Uses POI's streaming workbook
 * so memory stays flat however many rows are written.
 */
final class ExcelSheetWriter {
  private ExcelSheetWriter() {}

  static void write(
      StructType schema, List<org.apache.spark.sql.Row> rows, String sheetName, OutputStream out)
      throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet(sheetName);
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      CellStyle timeStyle = wb.createCellStyle();
      timeStyle.setDataFormat(
          wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
      StructField[] fields = schema.fields();
      Row header = sheet.createRow(0);
      for (int c = 0; c < fields.length; c++) {
        header.createCell(c).setCellValue(fields[c].name());
      }
      int r = 1;
      for (org.apache.spark.sql.Row row : rows) {
        Row x = sheet.createRow(r++);
        for (int c = 0; c < fields.length; c++) {
          if (!row.isNullAt(c)) {
            set(x.createCell(c), row.get(c), dateStyle, timeStyle);
          }
        }
      }
      wb.write(out);
    }
  }

  private static void set(Cell cell, Object v, CellStyle dateStyle, CellStyle timeStyle) {
    if (v instanceof BigDecimal d) {
      cell.setCellValue(d.doubleValue());
    } else if (v instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (v instanceof Boolean b) {
      cell.setCellValue(b);
    } else if (v instanceof java.sql.Date d) {
      cell.setCellValue(d.toLocalDate());
      cell.setCellStyle(dateStyle);
    } else if (v instanceof LocalDate d) {
      cell.setCellValue(d);
      cell.setCellStyle(dateStyle);
    } else if (v instanceof java.sql.Timestamp t) {
      cell.setCellValue(t.toLocalDateTime());
      cell.setCellStyle(timeStyle);
    } else if (v instanceof Instant i) {
      cell.setCellValue(LocalDateTime.ofInstant(i, ZoneId.systemDefault()));
      cell.setCellStyle(timeStyle);
    } else if (v instanceof LocalDateTime t) {
      cell.setCellValue(t);
      cell.setCellStyle(timeStyle);
    } else {
      cell.setCellValue(v.toString());
    }
  }
}
