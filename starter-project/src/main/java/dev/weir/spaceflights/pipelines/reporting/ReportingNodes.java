package dev.weir.spaceflights.pipelines.reporting;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The node functions of the {@code reporting} pipeline, after Kedro's spaceflights reporting {@code
 * nodes.py} ({@code compare_passenger_capacity_exp}), with Plotly replaced by XChart.
 */
public final class ReportingNodes {
  /** The average's column in {@code shuttle_passenger_capacity}. */
  public static final String AVERAGE_CAPACITY = "average_passenger_capacity";

  private ReportingNodes() {}

  /**
   * Averages the passenger capacity per shuttle type.
   *
   * @param shuttles the preprocessed shuttles: at least {@code shuttle_type} (string) and {@code
   *     passenger_capacity} (numeric)
   * @return one row per shuttle type, sorted by type: {@code shuttle_type} (string) and {@value
   *     #AVERAGE_CAPACITY} (double); a null capacity is left out of its type's average
   */
  public static Dataset<Row> comparePassengerCapacity(Dataset<Row> shuttles) {
    return shuttles
        .groupBy("shuttle_type")
        .agg(avg(col("passenger_capacity")).as(AVERAGE_CAPACITY))
        .orderBy("shuttle_type");
  }

  /**
   * Draws the averages as a bar chart, one bar per shuttle type. Collects the table to the driver
   * (one row per shuttle type, a handful).
   *
   * @param capacity the output of {@link #comparePassengerCapacity}: {@code shuttle_type} and
   *     {@value #AVERAGE_CAPACITY}
   * @param options {@code params:passenger_capacity_chart}: title and size
   * @return the chart as PNG bytes, {@code options.width()} by {@code options.height()} pixels
   * @throws IOException when the PNG cannot be encoded
   */
  public static byte[] plotPassengerCapacity(Dataset<Row> capacity, ChartOptions options)
      throws IOException {
    // A Spark driver has no display; without this AWT looks for one and fails to draw.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    List<String> types = new ArrayList<>();
    List<Double> averages = new ArrayList<>();
    for (Row row :
        capacity.select("shuttle_type", AVERAGE_CAPACITY).orderBy("shuttle_type").collectAsList()) {
      types.add(row.isNullAt(0) ? "(none)" : row.getString(0));
      averages.add(row.isNullAt(1) ? 0.0 : row.getDouble(1));
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(options.width())
            .height(options.height())
            .title(options.title())
            .xAxisTitle("Shuttle type")
            .yAxisTitle("Average passenger capacity")
            .build();
    chart.getStyler().setLegendVisible(false);
    // The spaceflights data has about 30 shuttle types: upright labels would overlap.
    chart.getStyler().setXAxisLabelRotation(90);
    chart.addSeries(AVERAGE_CAPACITY, types, averages);
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }
}
