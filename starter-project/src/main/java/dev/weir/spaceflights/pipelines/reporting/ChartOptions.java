package dev.weir.spaceflights.pipelines.reporting;

/**
 * The {@code passenger_capacity_chart} parameters ({@code conf/base/parameters_reporting.yml}),
 * bound to {@code params:passenger_capacity_chart}.
 *
 * @param title the chart's title
 * @param width the PNG's width in pixels, positive
 * @param height the PNG's height in pixels, positive
 */
public record ChartOptions(String title, int width, int height) {
  /**
   * @throws IllegalArgumentException when width or height is not positive
   */
  public ChartOptions {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "passenger_capacity_chart width and height must be positive pixel counts, got "
              + width
              + " x "
              + height
              + "; fix them in conf/base/parameters_reporting.yml");
    }
  }
}
