package dev.weir.benchmarks.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Draws the {@code scaled} group's median wall times against the data factor, one line for {@code
 * weir run} and one for the plain program, on log-log axes, with XChart (the charting library the
 * starter uses). Only runs that exited 0 count.
 *
 * <p>Usage: {@code ScaledPlot <process-scaled.tsv> <png>}; the TSV has the columns {@code scale
 * variant run wall_s user_s sys_s max_rss_kb exit_code} that {@code benchmarks/process.sh} writes.
 */
public final class ScaledPlot {
  private ScaledPlot() {}

  /**
   * @param args the TSV file and the PNG to write
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, TreeMap<Integer, List<Double>>> walls = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t");
      if (f.length < 8 || !f[7].trim().equals("0")) {
        continue;
      }
      walls
          .computeIfAbsent(f[1], v -> new TreeMap<>())
          .computeIfAbsent(Integer.parseInt(f[0]), s -> new ArrayList<>())
          .add(Double.parseDouble(f[3]));
    }
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title("spaceflights __default__, whole process: weir run vs plain Spark")
            .xAxisTitle("data size (x the real spaceflights files)")
            .yAxisTitle("median wall time (s)")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    for (Map.Entry<String, TreeMap<Integer, List<Double>>> variant : walls.entrySet()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      variant
          .getValue()
          .forEach(
              (scale, values) -> {
                x.add((double) scale);
                y.add(median(values));
              });
      chart.addSeries(variant.getKey(), x, y);
    }
    if (walls.isEmpty()) {
      throw new IllegalStateException("no successful run in " + args[0]);
    }
    BitmapEncoder.saveBitmap(chart, args[1], BitmapFormat.PNG);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
