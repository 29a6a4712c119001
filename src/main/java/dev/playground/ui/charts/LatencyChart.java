package dev.playground.ui.charts;

import dev.playground.ui.OutcomeClass;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Draws {@link LatencyModel}: percentiles above, rates below, on one time axis. Not thread-safe: FX thread. */
final class LatencyChart implements ChartView {
  private static final Color[] PERCENTILE_COLOURS = {ChartPalette.series(0), ChartPalette.series(2), ChartPalette.series(4)};
  private static final Color[] RATE_COLOURS = {ChartPalette.series(6),
      ChartPalette.outcome(OutcomeClass.OK), ChartPalette.outcome(OutcomeClass.FATAL)};
  private final JFreeChart chart;

  static List<ChartLegend.Entry> legend() {
    String[] names = {"p50", "p90", "p99", "requests/s", "success/s", "errors/s"};
    List<ChartLegend.Entry> entries = new ArrayList<>();
    for (int i = 0; i < 6; i++) entries.add(new ChartLegend.Entry(names[i], i < 3 ? PERCENTILE_COLOURS[i] : RATE_COLOURS[i - 3], true));
    return entries;
  }

  LatencyChart(LatencyModel model) {
    NumberAxis time = new NumberAxis("scenario time (s)");
    time.setAutoRangeIncludesZero(false);
    time.setDefaultAutoRange(new org.jfree.data.Range(0, 10)); // before the first event
    time.setAutoRangeMinimumSize(10.0);
    NumberAxis ms = new NumberAxis("ms");
    ms.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer percentiles = new XYLineAndShapeRenderer(true, false);
    float[] widths = {1.4f, 1.8f, 2.2f};
    for (int i = 0; i < 3; i++) {
      percentiles.setSeriesPaint(i, PERCENTILE_COLOURS[i]);
      percentiles.setSeriesStroke(i, new BasicStroke(widths[i]));
    }
    XYPlot top = new XYPlot(model.percentiles(), null, ms, percentiles);
    NumberAxis perSecond = new NumberAxis("per s");
    XYLineAndShapeRenderer rates = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < 3; i++) rates.setSeriesPaint(i, RATE_COLOURS[i]);
    for (int i = 0; i < 3; i++) rates.setSeriesStroke(i, new BasicStroke(1.6f));
    XYPlot bottom = new XYPlot(model.rates(), null, perSecond, rates);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(6);
    plot.add(top, 1);
    plot.add(bottom, 1);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: a JavaFX node below
  }

  @Override
  public List<JFreeChart> charts() {
    return List.of(chart);
  }

  @Override
  public void refresh() {
    // axes auto-range over the kept window
  }
}
