package dev.weir.spaceflights.pipelines.reporting;

import static dev.weir.node.Node.node;

import dev.weir.pipeline.Pipeline;
import dev.weir.sql.SqlPipelines;

/** Builds the {@code reporting} pipeline, as Kedro's {@code create_pipeline()}. */
public final class ReportingPipeline {
  private ReportingPipeline() {}

  /**
   * @return {@code compare_passenger_capacity_node} ({@code preprocessed_shuttles} to {@code
   *     shuttle_passenger_capacity}) and {@code plot_passenger_capacity_node} (that table and
   *     {@code params:passenger_capacity_chart} to {@code shuttle_passenger_capacity_plot}), in
   *     Java; and {@code shuttle_prices_by_type_node} ({@code model_input_table} and {@code
   *     params:price_report.min_company_rating} to {@code shuttle_prices_by_type}), a SQL node read
   *     from {@code src/main/resources/sql/reporting/shuttle_prices_by_type_node.sql}, to show both
   *     styles side by side
   */
  public static Pipeline create() {
    Pipeline javaNodes =
        Pipeline.of(
            node(ReportingNodes::comparePassengerCapacity)
                .inputs("preprocessed_shuttles")
                .output("shuttle_passenger_capacity")
                .name("compare_passenger_capacity_node")
                .build(),
            node(ReportingNodes::plotPassengerCapacity)
                .inputs("shuttle_passenger_capacity", "params:passenger_capacity_chart")
                .output("shuttle_passenger_capacity_plot")
                .name("plot_passenger_capacity_node")
                .build());
    return javaNodes.plus(SqlPipelines.fromResources("sql/reporting"));
  }
}
