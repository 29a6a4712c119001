package dev.playground.ui.charts;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;

/** Draws {@link LatencyModel}: percentiles above, rates below, on one time axis. Not thread-safe: FX thread. */
final class LatencyChart implements ChartView {
  private final JFreeChart chart;

  LatencyChart(LatencyModel model) {
    NumberAxis time = new NumberAxis("scenario time (s)");
    time.setAutoRangeIncludesZero(false);
    time.setAutoRangeMinimumSize(10.0);
    NumberAxis ms = new NumberAxis("latency (ms)");
    ms.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer percentiles = new XYLineAndShapeRenderer(true, false);
    float[] widths = {1.4f, 1.8f, 2.2f};
    for (int i = 0; i < 3; i++) {
      percentiles.setSeriesPaint(i, ChartPalette.series(i == 0 ? 0 : i == 1 ? 2 : 4));
      percentiles.setSeriesStroke(i, new BasicStroke(widths[i]));
    }
    XYPlot top = new XYPlot(model.percentiles(), null, ms, percentiles);
    NumberAxis perSecond = new NumberAxis("per second");
    XYLineAndShapeRenderer rates = new XYLineAndShapeRenderer(true, false);
    rates.setSeriesPaint(LatencyModel.REQUESTS, ChartPalette.series(6));
    rates.setSeriesPaint(LatencyModel.SUCCESSES, ChartPalette.outcome(dev.playground.ui.OutcomeClass.OK));
    rates.setSeriesPaint(LatencyModel.ERRORS, ChartPalette.outcome(dev.playground.ui.OutcomeClass.FATAL));
    for (int i = 0; i < 3; i++) rates.setSeriesStroke(i, new BasicStroke(1.6f));
    XYPlot bottom = new XYPlot(model.rates(), null, perSecond, rates);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(6);
    plot.add(top, 1);
    plot.add(bottom, 1);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
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
