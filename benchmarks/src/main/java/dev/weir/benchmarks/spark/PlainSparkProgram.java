package dev.weir.benchmarks.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The spaceflights {@code data_processing} transformations written as one plain Spark program, as a
 * Spark user would without Weir: read the two CSV files (header, inferSchema) and the Excel sheet
 * (Apache POI, first row as header, a column numeric when all its cells are), clean them, write the
 * three intermediate Delta tables, join the cleaned DataFrames and write the model input table. The
 * logic is the starter's ({@code DataProcessingNodes}), written again here without Weir code.
 *
 * <p>One difference from the Weir run is inherent to a single program: the join uses the cleaned
 * DataFrames directly, whereas Weir's join node loads the three intermediate Delta tables back
 * through the catalog, as Kedro does. {@link #run(SparkSession, Path, Path, boolean)} with {@code
 * readBack} does the same by hand, to separate that cost from Weir's own.
 */
public final class PlainSparkProgram {
  private static final String[] UNUSED_REVIEW_COLUMNS = {
    "review_scores_comfort",
    "review_scores_amenities",
    "review_scores_trip",
    "review_scores_crew",
    "review_scores_location",
    "review_scores_price",
    "number_of_reviews",
    "reviews_per_month"
  };

  private PlainSparkProgram() {}

  /**
   * @param spark the session
   * @param raw the directory of {@code companies.csv}, {@code reviews.csv}, {@code shuttles.xlsx}
   * @param out where the four Delta tables go: {@code 02_intermediate/preprocessed_*} and {@code
   *     03_primary/model_input_table}
   */
  static void run(SparkSession spark, Path raw, Path out) {
    run(spark, raw, out, false);
  }

  /**
   * @param spark the session
   * @param raw the directory of the raw files
   * @param out where the four Delta tables go
   * @param readBack whether the join reads the three intermediate Delta tables back, as a pipeline
   *     of separately saved steps does (Kedro's model, and Weir's), instead of reusing the cleaned
   *     DataFrames
   */
  static void run(SparkSession spark, Path raw, Path out, boolean readBack) {
    Dataset<Row> companies = csv(spark, raw.resolve("companies.csv"));
    Dataset<Row> reviews = csv(spark, raw.resolve("reviews.csv"));
    Dataset<Row> shuttles = excel(spark, raw.resolve("shuttles.xlsx"));

    Dataset<Row> preprocessedCompanies =
        companies
            .withColumn("iata_approved", col("iata_approved").equalTo("t"))
            .withColumn(
                "company_rating",
                regexp_replace(col("company_rating"), "%", "").cast("double").divide(100));
    Dataset<Row> preprocessedShuttles =
        shuttles
            .withColumn("d_check_complete", col("d_check_complete").equalTo("t"))
            .withColumn("moon_clearance_complete", col("moon_clearance_complete").equalTo("t"))
            .withColumn(
                "price",
                regexp_replace(regexp_replace(col("price"), "[$£€]", ""), ",", "").cast("double"));
    Dataset<Row> preprocessedReviews = reviews.drop(UNUSED_REVIEW_COLUMNS);

    writeDelta(preprocessedCompanies, out.resolve("02_intermediate/preprocessed_companies"));
    writeDelta(preprocessedShuttles, out.resolve("02_intermediate/preprocessed_shuttles"));
    writeDelta(preprocessedReviews, out.resolve("02_intermediate/preprocessed_reviews"));

    if (readBack) {
      preprocessedCompanies =
          readDelta(spark, out.resolve("02_intermediate/preprocessed_companies"));
      preprocessedShuttles = readDelta(spark, out.resolve("02_intermediate/preprocessed_shuttles"));
      preprocessedReviews = readDelta(spark, out.resolve("02_intermediate/preprocessed_reviews"));
    }
    Dataset<Row> modelInput =
        preprocessedShuttles
            .withColumnRenamed("id", "shuttle_id")
            .join(preprocessedReviews, "shuttle_id", "left")
            .join(preprocessedCompanies.withColumnRenamed("id", "company_id"), "company_id", "left")
            .na()
            .drop();
    writeDelta(modelInput, out.resolve("03_primary/model_input_table"));
  }

  private static Dataset<Row> csv(SparkSession spark, Path file) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(file.toString());
  }

  private static Dataset<Row> readDelta(SparkSession spark, Path path) {
    return spark.read().format("delta").load(path.toString());
  }

  private static void writeDelta(Dataset<Row> df, Path path) {
    df.write().format("delta").mode("overwrite").save(path.toString());
  }

  /** The first sheet, first row as header; a column is an int or double when all its cells are. */
  public static Dataset<Row> excel(SparkSession spark, Path file) {
    List<String> names = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
      Sheet sheet = workbook.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
      for (Cell cell : header) {
        names.add(formatter.formatCellValue(cell).trim());
      }
      for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Object[] values = new Object[names.size()];
        for (int c = 0; c < names.size(); c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            continue;
          }
          if (cell.getCellType() == CellType.NUMERIC) {
            values[c] = cell.getNumericCellValue();
          } else if (cell.getCellType() == CellType.STRING
              && !cell.getStringCellValue().isBlank()) {
            values[c] = cell.getStringCellValue();
          } else if (cell.getCellType() == CellType.BOOLEAN) {
            values[c] = String.valueOf(cell.getBooleanCellValue());
          }
        }
        rows.add(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int width = names.size();
    DataType[] types = new DataType[width];
    for (int c = 0; c < width; c++) {
      boolean numeric = true;
      boolean integral = true;
      for (Object[] row : rows) {
        if (row[c] instanceof Double d) {
          integral &= d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
        } else if (row[c] != null) {
          numeric = false;
        }
      }
      types[c] =
          !numeric ? DataTypes.StringType : integral ? DataTypes.IntegerType : DataTypes.DoubleType;
    }
    List<Row> data = new ArrayList<>(rows.size());
    for (Object[] values : rows) {
      Object[] typed = new Object[width];
      for (int c = 0; c < width; c++) {
        Object v = values[c];
        typed[c] =
            v == null
                ? null
                : types[c] == DataTypes.IntegerType
                    ? (Object) (int) (double) (Double) v
                    : types[c] == DataTypes.StringType && v instanceof Double d
                        ? String.valueOf(d)
                        : v;
      }
      data.add(RowFactory.create(typed));
    }
    StructField[] fields = new StructField[width];
    for (int c = 0; c < width; c++) {
      fields[c] = DataTypes.createStructField(names.get(c), types[c], true);
    }
    return spark.createDataFrame(data, DataTypes.createStructType(fields));
  }
}
