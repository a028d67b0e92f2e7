package dev.weir.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.datasets.testing.SharedSpark;
import dev.weir.io.DataCatalog;
import dev.weir.io.DatasetContext;
import dev.weir.io.DatasetTypeRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in types as a project uses them: found through {@code META-INF/services} by the
 * catalog, by Kedro's type names, their aliases and class names.
 */
class CatalogIntegrationTest {
  @TempDir Path root;

  @Test
  void everyBuiltInTypeNameIsRegistered() {
    assertThat(DatasetTypeRegistry.loadInstalled().names())
        .contains(
            "spark.SparkDataset",
            "spark.DeltaTableDataset",
            "spark.SparkTableDataset",
            "databricks.ManagedTableDataset",
            "excel.ExcelDataset",
            "pandas.ExcelDataset",
            "json.JSONDataset",
            "yaml.YAMLDataset",
            "text.TextDataset",
            "binary.BinaryDataset",
            "java.ModelDataset",
            "dev.weir.datasets.spark.SparkDataset");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCatalogLoadsAndSavesThroughTheBuiltInTypes() throws Exception {
    writeShuttles(root.resolve("data/01_raw/shuttles.xlsx"), 12);
    Map<String, Object> catalog =
        Map.of(
            "shuttles",
                Map.of("type", "pandas.ExcelDataset", "filepath", "data/01_raw/shuttles.xlsx"),
            "preprocessed_shuttles",
                Map.of(
                    "type", "spark.DeltaTableDataset",
                    "filepath", "data/02_intermediate/preprocessed_shuttles",
                    "credentials", "storage"),
            "metrics",
                Map.of("type", "json.JSONDataset", "filepath", "data/09_tracking/metrics.json"),
            "{name}_parquet",
                Map.of(
                    "type",
                    "dev.weir.datasets.spark.SparkDataset",
                    "filepath",
                    "data/03_primary/{name}.parquet"));
    Map<String, Object> credentials =
        Map.of(
            "storage", Map.of("fs.azure.account.key.weir.dfs.core.windows.net", "very-secret-key"));
    DatasetContext context =
        DatasetContext.builder(root).service(SparkSession.class, SharedSpark::classic).build();
    DataCatalog data =
        DataCatalog.fromConfig(catalog, credentials, context, DatasetTypeRegistry.loadInstalled());

    var shuttles = (org.apache.spark.sql.Dataset<Row>) data.load("shuttles");
    data.save("preprocessed_shuttles", shuttles.select("id", "engines", "price"));
    data.save("companies_parquet", shuttles.select("company_id").distinct());
    data.save("metrics", Map.of("rows", shuttles.count()));

    assertThat(((org.apache.spark.sql.Dataset<Row>) data.load("preprocessed_shuttles")).count())
        .isEqualTo(12);
    assertThat(root.resolve("data/03_primary/companies.parquet")).isDirectory();
    assertThat(data.load("metrics")).isEqualTo(Map.of("rows", 12));
    assertThat(data.typeName("preprocessed_shuttles")).isEqualTo("spark.DeltaTableDataset");
    assertThat(data.exists("companies_parquet")).isTrue();
    for (String name :
        List.of("shuttles", "preprocessed_shuttles", "metrics", "companies_parquet")) {
      assertThat(data.dataset(name).describe().toString()).doesNotContain("very-secret-key");
    }
  }

  /** A small workbook shaped like spaceflights' shuttles.xlsx, written with Apache POI. */
  private static void writeShuttles(Path xlsx, int rows) throws IOException {
    Files.createDirectories(xlsx.getParent());
    try (Workbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = wb.createSheet("Sheet1");
      org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
      List<String> columns = List.of("id", "engines", "price", "company_id");
      for (int c = 0; c < columns.size(); c++) {
        header.createCell(c).setCellValue(columns.get(c));
      }
      for (int i = 1; i <= rows; i++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(i);
        row.createCell(0).setCellValue(1000 + i);
        row.createCell(1).setCellValue(i % 4 + 1);
        row.createCell(2).setCellValue("$1,%d00.0".formatted(i));
        row.createCell(3).setCellValue(i % 5);
      }
      wb.write(out);
    }
  }
}
