package dev.weir.cli.cds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the temporary project of the CDS training run: {@code conf/base/catalog.yml}, {@code
 * conf/base/parameters.yml}, a raw CSV {@code data/01_raw/customers.csv} (400 rows: {@code id} int,
 * {@code name} string, {@code rating} string such as {@code 85%} or empty, {@code price} string
 * such as {@code $1,325.50}, {@code active} {@code t}/{@code f}) and {@code
 * services/META-INF/services/dev.weir.pipeline.PipelineRegistry} naming {@link TrainingPipelines}.
 *
 * <p>The catalog uses the dataset types a spaceflights-like project uses: a CSV read with schema
 * inference and a load expectation, Delta tables (one {@code cached: true} with a {@code drop}
 * expectation), an Excel file when {@code weir-datasets-excel} is on the class path (else Parquet),
 * a CSV with a declared schema, and a JSON file.
 */
public final class TrainingProject {
  /** The folder, relative to the project, that holds the services file. */
  public static final String SERVICES = "services/";

  /** Rows of the raw CSV. */
  static final int ROWS = 400;

  private TrainingProject() {}

  /**
   * @param project an empty folder
   * @throws IOException when a file cannot be written
   * @throws IllegalStateException when {@code weir-datasets-spark} is not on the class path
   */
  public static void write(Path project) throws IOException {
    if (!present("dev.weir.datasets.spark.SparkDataset")) {
      throw new IllegalStateException(
          "weir-datasets-spark is not on the class path: the training run needs Spark datasets.");
    }
    boolean excel = present("dev.weir.datasets.excel.ExcelDataset");
    write(project.resolve("conf/base/catalog.yml"), catalog(excel));
    write(project.resolve("conf/base/parameters.yml"), "min_rating: 0.5\n");
    write(project.resolve("data/01_raw/customers.csv"), customers());
    write(
        project.resolve(SERVICES + "META-INF/services/dev.weir.pipeline.PipelineRegistry"),
        TrainingPipelines.class.getName() + "\n");
  }

  private static String catalog(boolean excel) {
    String orders =
        excel
            ? """
            orders:
              type: excel.ExcelDataset
              filepath: data/02_intermediate/orders.xlsx
              load_args:
                sheet_name: 0
            """
            : """
            orders:
              type: spark.SparkDataset
              filepath: data/02_intermediate/orders.parquet
              file_format: parquet
              save_args:
                mode: overwrite
            """;
    return """
        customers:
          type: spark.SparkDataset
          filepath: data/01_raw/customers.csv
          file_format: csv
          load_args:
            header: true
            inferSchema: true
          check_on: load
          expectations:
            known_id: "id IS NOT NULL"
        clean_customers:
          type: spark.DeltaTableDataset
          filepath: data/02_intermediate/clean_customers
          write_mode: overwrite
          cached: true
          expectations:
            rated: {expr: "rating IS NOT NULL", on_violation: drop}
            positive_price: {expr: "price > 0", on_violation: fail}
        joined:
          type: spark.DeltaTableDataset
          filepath: data/03_primary/joined
          write_mode: overwrite
        report:
          type: spark.SparkDataset
          filepath: data/08_reporting/report.csv
          file_format: csv
          load_args:
            header: true
            schema: "kind INT, customers BIGINT, average_price DOUBLE"
          save_args:
            mode: overwrite
            header: true
        metrics:
          type: json.JSONDataset
          filepath: data/08_reporting/metrics.json
        """
        + orders;
  }

  private static String customers() {
    StringBuilder csv = new StringBuilder("id,name,rating,price,active\n");
    for (int i = 1; i <= ROWS; i++) {
      String rating = i % 7 == 0 ? "" : (i * 37 % 101) + "%";
      String price = String.format(Locale.ROOT, "$%,.2f", 500 + i * 13.25);
      csv.append(i)
          .append(",customer ")
          .append(i)
          .append(',')
          .append(rating)
          .append(",\"")
          .append(price)
          .append("\",")
          .append(i % 3 == 0 ? 'f' : 't')
          .append('\n');
    }
    return csv.toString();
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, TrainingProject.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
