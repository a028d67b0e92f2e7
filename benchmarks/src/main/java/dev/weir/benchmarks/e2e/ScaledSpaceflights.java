package dev.weir.benchmarks.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the spaceflights raw data scaled ×N, deterministically, from the real files: block 0 is
 * the real data; each further block k holds a copy of every company (ids shifted by k × (largest
 * company id + 1)), as many shuttles as the real file, each a copy of a real shuttle drawn with a
 * seeded {@link Random} (bootstrap: the same joint distribution of all columns) under a new id and
 * pointing at block k's copy of its company, and for each such shuttle its template's review under
 * the new shuttle id. Ids therefore stay consistent across the three files, and every new shuttle,
 * company and review row is a real row apart from its ids.
 *
 * <p>Shuttles are written as {@code shuttles.xlsx} (POI's streaming writer, numbers as numeric
 * cells) while they fit in one sheet (at most 1,048,575 data rows, Excel's limit), else as {@code
 * shuttles.csv} with a header; the CSV keeps integral numbers without a fraction so that Spark's
 * schema inference gives the types the Excel reader gives.
 *
 * <p>Usage: {@code ScaledSpaceflights <raw dir> <output dir> <factor> [seed]} (seed default 42);
 * writes {@code <output dir>/01_raw/}. Prints one line with the row counts.
 */
public final class ScaledSpaceflights {
  /** Data rows one xlsx sheet holds (1,048,576 rows, one of them the header). */
  static final int XLSX_MAX_ROWS = 1_048_575;

  private ScaledSpaceflights() {}

  /**
   * @param args raw dir, output dir, factor (1 or more), optional seed
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: ScaledSpaceflights <raw dir> <output dir> <factor> [seed]");
      System.exit(2);
    }
    int factor = Integer.parseInt(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    System.out.println(write(Path.of(args[0]), Path.of(args[1]), factor, seed));
  }

  /**
   * @param raw the real files
   * @param out the output folder; {@code 01_raw/} is created in it
   * @param factor how many blocks (1 = a copy of the real data)
   * @param seed the seed of the shuttle draws
   * @return a one-line summary with the row counts and the shuttles file written
   * @throws IOException when a file cannot be read or written
   * @throws IllegalArgumentException when {@code factor < 1}
   */
  public static String write(Path raw, Path out, int factor, long seed) throws IOException {
    if (factor < 1) {
      throw new IllegalArgumentException("factor must be 1 or more, got " + factor);
    }
    Path dir = Files.createDirectories(out.resolve("01_raw"));
    List<String> companies = Files.readAllLines(raw.resolve("companies.csv"));
    List<String> reviews = Files.readAllLines(raw.resolve("reviews.csv"));
    Table shuttles = readSheet(raw.resolve("shuttles.xlsx"));
    int idColumn = shuttles.column("id");
    int companyColumn = shuttles.column("company_id");

    long companyStride =
        1 + companies.stream().skip(1).mapToLong(ScaledSpaceflights::id).max().orElse(0);
    long shuttleStride =
        1 + shuttles.rows().stream().mapToLong(r -> number(r[idColumn])).max().orElse(0);
    Map<Long, List<String>> reviewsByShuttle = new HashMap<>();
    for (String line : reviews.subList(1, reviews.size())) {
      reviewsByShuttle.computeIfAbsent(id(line), k -> new ArrayList<>()).add(line);
    }

    long companyRows = 0;
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("companies.csv"))) {
      w.write(companies.get(0));
      w.newLine();
      for (int k = 0; k < factor; k++) {
        for (String line : companies.subList(1, companies.size())) {
          w.write(withId(line, id(line) + k * companyStride));
          w.newLine();
          companyRows++;
        }
      }
    }

    Random random = new Random(seed);
    int real = shuttles.rows().size();
    long shuttleRows = (long) real * factor;
    boolean xlsx = shuttleRows <= XLSX_MAX_ROWS;
    Files.deleteIfExists(dir.resolve(xlsx ? "shuttles.csv" : "shuttles.xlsx"));
    long reviewRows = 0;
    try (BufferedWriter reviewOut = Files.newBufferedWriter(dir.resolve("reviews.csv"));
        ShuttleWriter shuttleOut =
            xlsx
                ? new XlsxShuttles(dir.resolve("shuttles.xlsx"), shuttles.header())
                : new CsvShuttles(dir.resolve("shuttles.csv"), shuttles.header())) {
      reviewOut.write(reviews.get(0));
      reviewOut.newLine();
      for (int k = 0; k < factor; k++) {
        for (int j = 0; j < real; j++) {
          Object[] template = shuttles.rows().get(k == 0 ? j : random.nextInt(real));
          long templateId = number(template[idColumn]);
          long newId = k == 0 ? templateId : k * shuttleStride + j;
          Object[] row = template.clone();
          row[idColumn] = (double) newId;
          if (template[companyColumn] != null) {
            row[companyColumn] = (double) (number(template[companyColumn]) + k * companyStride);
          }
          shuttleOut.write(row);
          for (String review : reviewsByShuttle.getOrDefault(templateId, List.of())) {
            reviewOut.write(withId(review, newId));
            reviewOut.newLine();
            reviewRows++;
          }
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "x%d (seed %d): %d companies, %d shuttles (%s), %d reviews in %s",
        factor,
        seed,
        companyRows,
        shuttleRows,
        xlsx ? "shuttles.xlsx" : "shuttles.csv",
        reviewRows,
        dir);
  }

  private static long id(String csvLine) {
    int comma = csvLine.indexOf(',');
    return (long) Double.parseDouble(comma < 0 ? csvLine : csvLine.substring(0, comma));
  }

  private static String withId(String csvLine, long id) {
    return id + csvLine.substring(csvLine.indexOf(','));
  }

  private static long number(Object value) {
    return value instanceof Double d ? (long) (double) d : Long.parseLong(value.toString().trim());
  }

  /** A sheet as its header and rows: a cell is a Double, a String, or null when blank. */
  private record Table(List<String> header, List<Object[]> rows) {
    int column(String name) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("shuttles.xlsx has no column " + name + ": " + header);
      }
      return i;
    }
  }

  private static Table readSheet(Path file) throws IOException {
    List<String> header = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      for (Cell cell : sheet.getRow(sheet.getFirstRowNum())) {
        header.add(formatter.formatCellValue(cell).trim());
      }
      for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Object[] values = new Object[header.size()];
        for (int c = 0; c < values.length; c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            continue;
          }
          if (cell.getCellType() == CellType.NUMERIC) {
            values[c] = cell.getNumericCellValue();
          } else if (cell.getCellType() == CellType.BOOLEAN) {
            values[c] = String.valueOf(cell.getBooleanCellValue());
          } else {
            String text = formatter.formatCellValue(cell);
            values[c] = text.isBlank() ? null : text;
          }
        }
        rows.add(values);
      }
    }
    return new Table(List.copyOf(header), rows);
  }

  /** Where generated shuttle rows go. */
  private interface ShuttleWriter extends AutoCloseable {
    void write(Object[] row) throws IOException;

    @Override
    void close() throws IOException;
  }

  /** One sheet, streamed with POI's SXSSF (100 rows in memory). */
  private static final class XlsxShuttles implements ShuttleWriter {
    private final Path file;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final Sheet sheet = workbook.createSheet("Sheet1");
    private int next;

    XlsxShuttles(Path file, List<String> header) {
      this.file = file;
      org.apache.poi.ss.usermodel.Row row = sheet.createRow(next++);
      for (int c = 0; c < header.size(); c++) {
        row.createCell(c).setCellValue(header.get(c));
      }
    }

    @Override
    public void write(Object[] values) {
      org.apache.poi.ss.usermodel.Row row = sheet.createRow(next++);
      for (int c = 0; c < values.length; c++) {
        if (values[c] instanceof Double d) {
          row.createCell(c).setCellValue(d);
        } else if (values[c] != null) {
          row.createCell(c).setCellValue(values[c].toString());
        }
      }
    }

    @Override
    public void close() throws IOException {
      try (OutputStream out = Files.newOutputStream(file)) {
        workbook.write(out);
      } finally {
        workbook.close();
      }
    }
  }

  /** A CSV file with a header; integral numbers without a fraction, text quoted when needed. */
  private static final class CsvShuttles implements ShuttleWriter {
    private final BufferedWriter out;

    CsvShuttles(Path file, List<String> header) throws IOException {
      this.out = Files.newBufferedWriter(file);
      out.write(String.join(",", header));
      out.newLine();
    }

    @Override
    public void write(Object[] values) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < values.length; c++) {
        if (c > 0) {
          line.append(',');
        }
        Object v = values[c];
        if (v instanceof Double d) {
          line.append(d == Math.rint(d) ? Long.toString((long) (double) d) : d.toString());
        } else if (v != null) {
          String s = v.toString();
          line.append(
              s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
      }
      out.write(line.toString());
      out.newLine();
    }

    @Override
    public void close() throws IOException {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
