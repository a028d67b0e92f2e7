package dev.weir.testing;

import dev.weir.node.Node;
import dev.weir.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Pipelines of the test project that need Spark, added by {@link TestPipelines} only when Spark is
 * on the class path. Their datasets are written by the test that uses them ({@code companies}, a
 * CSV {@code spark.SparkDataset}; {@code companies_table} and {@code ratings}, Delta tables).
 *
 * <pre>
 * spark_copy:  companies --copy_companies--> companies_table (the rows as they are)
 * spark_udf:   companies --parse_ratings--> ratings (a UDF that throws for a rating that is not a
 *              number, inside the write's tasks)
 * </pre>
 */
final class SparkTestPipelines {
  private SparkTestPipelines() {}

  /** The message of the UDF's exception, for a rating {@code value}. */
  static String notANumber(String value) {
    return "rating '" + value + "' is not a number";
  }

  static Map<String, Pipeline> pipelines() {
    Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    pipelines.put(
        "spark_copy",
        Pipeline.of(
            Node.node((Dataset<Row> companies) -> companies)
                .inputs("companies")
                .output("companies_table")
                .name("copy_companies")
                .build()));
    pipelines.put(
        "spark_udf",
        Pipeline.of(
            Node.node(
                    (Dataset<Row> companies) ->
                        companies.withColumn(
                            "rating",
                            functions
                                .udf(
                                    (UDF1<Object, Double>)
                                        v -> {
                                          try {
                                            return Double.parseDouble(String.valueOf(v));
                                          } catch (NumberFormatException e) {
                                            throw new IllegalArgumentException(
                                                notANumber(String.valueOf(v)), e);
                                          }
                                        },
                                    DataTypes.DoubleType)
                                .apply(functions.col("company_rating"))))
                .inputs("companies")
                .output("ratings")
                .name("parse_ratings")
                .build()));
    return pipelines;
  }
}
