package dev.weir.spaceflights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The raw spaceflights files read with plain Java (CSV) and Apache POI (xlsx), without Spark and
 * without any project code: the independent side of the end-to-end test's expectations. Every value
 * is kept as the text of the file; an empty text is a missing value.
 *
 * @param companies companies.csv rows, column name to text
 * @param reviews reviews.csv rows
 * @param shuttles shuttles.xlsx rows (first sheet)
 * @param columns the header of each file, by file name
 */
record RawSpaceflightsData(
    List<Map<String, String>> companies,
    List<Map<String, String>> reviews,
    List<Map<String, String>> shuttles,
    Map<String, List<String>> columns) {

  /** The review columns {@code preprocess_reviews_node} drops, as the issue lists them. */
  static final Set<String> DROPPED_REVIEW_COLUMNS =
      Set.of(
          "review_scores_comfort",
          "review_scores_amenities",
          "review_scores_trip",
          "review_scores_crew",
          "review_scores_location",
          "review_scores_price",
          "number_of_reviews",
          "reviews_per_month");

  static RawSpaceflightsData read(Path raw) throws IOException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    List<Map<String, String>> companies = csv(raw.resolve("companies.csv"), columns);
    List<Map<String, String>> reviews = csv(raw.resolve("reviews.csv"), columns);
    List<Map<String, String>> shuttles = xlsx(raw.resolve("shuttles.xlsx"), columns);
    return new RawSpaceflightsData(companies, reviews, shuttles, columns);
  }

  /**
   * The rows the model input table must have: shuttles whose review and company exist and where no
   * kept value (shuttle, kept review columns, company) is missing.
   */
  long expectedModelInputRows() {
    Map<String, Map<String, String>> reviewsByShuttle = index(reviews, "shuttle_id");
    Map<String, Map<String, String>> companiesById = index(companies, "id");
    return shuttles.stream()
        .filter(
            shuttle -> {
              Map<String, String> review = reviewsByShuttle.get(shuttle.get("id"));
              Map<String, String> company = companiesById.get(shuttle.get("company_id"));
              if (review == null || company == null) {
                return false;
              }
              boolean reviewComplete =
                  review.entrySet().stream()
                      .filter(e -> !DROPPED_REVIEW_COLUMNS.contains(e.getKey()))
                      .allMatch(e -> !e.getValue().isEmpty());
              return reviewComplete
                  && shuttle.values().stream().noneMatch(String::isEmpty)
                  && company.values().stream().noneMatch(String::isEmpty);
            })
        .count();
  }

  /** The model input table's columns: shuttles' ({@code id} renamed), kept reviews', companies'. */
  Set<String> expectedModelInputColumns() {
    Set<String> expected = new TreeSet<>();
    Objects.requireNonNull(columns.get("shuttles.xlsx"))
        .forEach(c -> expected.add(c.equals("id") ? "shuttle_id" : c));
    Objects.requireNonNull(columns.get("reviews.csv")).stream()
        .filter(c -> !DROPPED_REVIEW_COLUMNS.contains(c))
        .forEach(expected::add);
    Objects.requireNonNull(columns.get("companies.csv"))
        .forEach(c -> expected.add(c.equals("id") ? "company_id" : c));
    return expected;
  }

  /** The distinct non-empty shuttle types. */
  Set<String> shuttleTypes() {
    Set<String> types = new TreeSet<>();
    shuttles.forEach(s -> types.add(s.get("shuttle_type")));
    types.remove("");
    return types;
  }

  private static Map<String, Map<String, String>> index(
      List<Map<String, String>> rows, String key) {
    Map<String, Map<String, String>> index = new HashMap<>();
    rows.forEach(r -> index.put(r.get(key), r));
    return index;
  }

  private static List<Map<String, String>> csv(Path file, Map<String, List<String>> columns)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    // The spaceflights CSVs quote nothing, so splitting on commas reads them exactly.
    if (lines.stream().anyMatch(l -> l.indexOf('"') >= 0)) {
      throw new IllegalStateException(file + " has quoted fields; use a CSV parser here");
    }
    List<String> header = List.of(lines.get(0).split(",", -1));
    columns.put(file.getFileName().toString(), header);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      List<String> values = Arrays.asList(line.split(",", -1));
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), values.get(i).trim());
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> xlsx(Path file, Map<String, List<String>> columns)
      throws IOException {
    DataFormatter formatter = new DataFormatter();
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      List<String> header = new ArrayList<>();
      sheet.getRow(0).forEach(cell -> header.add(formatter.formatCellValue(cell)));
      columns.put(file.getFileName().toString(), header);
      List<Map<String, String>> rows = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
          Cell cell = row.getCell(c);
          values.put(header.get(c), cell == null ? "" : formatter.formatCellValue(cell).trim());
        }
        rows.add(values);
      }
      return rows;
    }
  }
}
