package dev.weir.cli.cds;

import static dev.weir.node.Node.node;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import dev.weir.pipeline.Pipeline;
import dev.weir.pipeline.PipelineRegistry;
import dev.weir.sql.SqlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The training run's pipeline ({@code __default__}), shaped like spaceflights: {@code
 * clean_customers_node} (raw CSV to a cached Delta table), {@code export_orders_node} (to Excel or
 * Parquet), {@code join_node} (both to a Delta table), {@code report_node} (a SQL node with a
 * parameter, to CSV) and {@code metrics_node} (a Spark action to a JSON map). Registered only by
 * {@link TrainingProject}'s services folder, never by a JAR's {@code META-INF/services}.
 */
public final class TrainingPipelines implements PipelineRegistry {
  /** Creates the registry (ServiceLoader). */
  public TrainingPipelines() {}

  @Override
  public Map<String, Pipeline> registerPipelines() {
    Pipeline pipeline =
        Pipeline.of(
            node(TrainingPipelines::clean)
                .inputs("customers")
                .output("clean_customers")
                .name("clean_customers_node")
                .build(),
            node(TrainingPipelines::orders)
                .inputs("clean_customers")
                .output("orders")
                .name("export_orders_node")
                .build(),
            node(TrainingPipelines::join)
                .inputs("orders", "clean_customers")
                .output("joined")
                .name("join_node")
                .build(),
            SqlNode.sql(
                    "SELECT kind, COUNT(*) AS customers, ROUND(AVG(price), 2) AS average_price"
                        + " FROM joined WHERE rating >= :min_rating GROUP BY kind ORDER BY kind")
                .inputs("joined", "params:min_rating")
                .output("report")
                .name("report_node")
                .build(),
            node(TrainingPipelines::metrics)
                .inputs("joined")
                .output("metrics")
                .name("metrics_node")
                .build());
    Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    pipelines.put(DEFAULT, pipeline);
    return pipelines;
  }

  /** Parses {@code rating} ({@code 85%}) to a fraction, {@code price} to a double, flags. */
  static Dataset<Row> clean(Dataset<Row> customers) {
    return customers
        .withColumn(
            "rating", regexp_replace(col("rating"), "%", "").cast("double").divide(lit(100)))
        .withColumn("price", regexp_replace(col("price"), "[$,]", "").cast("double"))
        .withColumn("active", col("active").equalTo(lit("t")));
  }

  static Dataset<Row> orders(Dataset<Row> customers) {
    return customers.select(
        col("id").as("customer_id"), col("price"), col("id").mod(lit(5)).cast("int").as("kind"));
  }

  static Dataset<Row> join(Dataset<Row> orders, Dataset<Row> customers) {
    return orders
        .join(customers.drop("price"), orders.col("customer_id").equalTo(customers.col("id")))
        .drop("customer_id")
        .na()
        .drop();
  }

  static Map<String, Object> metrics(Dataset<Row> joined) {
    Row row = joined.agg(count(lit(1)).as("rows"), avg(col("price")).as("price")).first();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("rows", row.getLong(0));
    metrics.put("average_price", row.isNullAt(1) ? 0.0 : row.getDouble(1));
    return metrics;
  }
}
