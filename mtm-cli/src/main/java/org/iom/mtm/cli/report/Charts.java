package org.iom.mtm.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Bar charts drawn by XChart, as PNG data URIs for a self-contained page.
 *
 * <p>Intervals: XChart draws symmetric error bars around a series' values, and a logit interval is
 * not symmetric around its estimate. So each chart overlaps two series at the same positions: the
 * estimates as bars, and an invisible series at the interval's midpoints whose error bars span
 * exactly the interval's limits.
 */
final class Charts {
  private static final Color BAR = new Color(0x0D, 0x5E, 0xAF);
  private static final Color CLEAR = new Color(0, 0, 0, 0);

  private Charts() {}

  /**
   * One bar.
   *
   * @param label the category
   * @param value the height
   * @param low the interval's lower limit, or null
   * @param upp the interval's upper limit, or null
   */
  record Bar(String label, double value, @Nullable Double low, @Nullable Double upp) {}

  /**
   * A bar chart with interval whiskers.
   *
   * @param title the title
   * @param yTitle the value axis's title
   * @param bars the bars, in order
   * @return a {@code data:image/png;base64,...} URI
   */
  static String bars(String title, String yTitle, List<Bar> bars) {
    int width = Math.max(480, Math.min(900, 120 + 70 * bars.size()));
    CategoryChart chart = new CategoryChartBuilder().width(width).height(340).title(title).yAxisTitle(yTitle).build();
    style(chart);
    List<String> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> mid = new ArrayList<>();
    List<Double> half = new ArrayList<>();
    boolean anyInterval = false;
    for (Bar b : bars) {
      x.add(b.label());
      y.add(b.value());
      if (b.low() != null && b.upp() != null) {
        mid.add((b.low() + b.upp()) / 2);
        half.add((b.upp() - b.low()) / 2);
        anyInterval = true;
      } else {
        mid.add(b.value());
        half.add(0.0);
      }
    }
    CategorySeries est = chart.addSeries("estimate", x, y);
    est.setFillColor(BAR);
    if (anyInterval) {
      chart.getStyler().setOverlapped(true);
      chart.getStyler().setErrorBarsColor(Color.BLACK);
      CategorySeries ci = chart.addSeries("95% interval", x, mid, half);
      ci.setFillColor(CLEAR);
      ci.setLineColor(CLEAR);
    }
    return png(chart);
  }

  /**
   * Grouped bars without intervals (baseline counts, which are not sampled).
   *
   * @param title the title
   * @param yTitle the value axis's title
   * @param categories the categories (years)
   * @param series names and values, one value per category
   * @return a {@code data:image/png;base64,...} URI
   */
  static String groupedBars(String title, String yTitle, List<String> categories, List<String> names, List<List<Double>> series) {
    CategoryChart chart = new CategoryChartBuilder().width(820).height(360).title(title).yAxisTitle(yTitle).build();
    style(chart);
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    for (int i = 0; i < names.size(); i++) {
      chart.addSeries(names.get(i), categories, series.get(i));
    }
    return png(chart);
  }

  private static void style(CategoryChart chart) {
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setAntiAlias(true);
    // Numbers on the axes as in the tables, whatever the machine's locale.
    chart.getStyler().setLocale(Locale.ROOT);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
  }

  private static String png(CategoryChart chart) {
    try {
      byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
