package dev.playground.ui.charts;

import dev.playground.ui.charts.BreakerModel.Countdown;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;

/**
 * Draws {@link BreakerModel}: state steps above (closed / half-open / open bands), failure rate below, and a
 * shaded countdown from opening to half-open. Not thread-safe: FX thread.
 */
final class BreakerChart implements ChartView {
  private final BreakerModel model;
  private final JFreeChart chart;
  private final XYPlot statePlot;
  private final XYStepRenderer steps = new XYStepRenderer();
  private final XYStepRenderer rateLines = new XYStepRenderer(); // sampled at calls: hold the value between them
  private final NumberAxis time = new NumberAxis("scenario time (s)");
  private final List<IntervalMarker> countdowns = new ArrayList<>();
  private Color countdownText = Color.DARK_GRAY;

  BreakerChart(BreakerModel model) {
    this.model = model;
    time.setAutoRangeIncludesZero(false);
    time.setDefaultAutoRange(new org.jfree.data.Range(0, 10)); // before the first event
    time.setAutoRangeMinimumSize(1.0);
    SymbolAxis states = new SymbolAxis("state", new String[] {"closed", "half-open", "open"});
    states.setRange(-0.4, 2.6);
    states.setGridBandsVisible(false);
    statePlot = new XYPlot(model.states(), null, states, steps);
    statePlot.addRangeMarker(band(-0.4, 0.5, new Color(47, 158, 68, 28)), Layer.BACKGROUND);
    statePlot.addRangeMarker(band(0.5, 1.5, new Color(240, 140, 0, 28)), Layer.BACKGROUND);
    statePlot.addRangeMarker(band(1.5, 2.6, new Color(224, 49, 49, 28)), Layer.BACKGROUND);
    NumberAxis rate = new NumberAxis("failures");
    rate.setRange(0, 1.05);
    rate.setNumberFormatOverride(new DecimalFormat("0%"));
    XYPlot ratePlot = new XYPlot(model.rates(), null, rate, rateLines);
    for (int i = 0; i < BreakerModel.MAX_BREAKERS; i++) {
      steps.setSeriesPaint(i, ChartPalette.series(i));
      steps.setSeriesStroke(i, new BasicStroke(2.2f));
      rateLines.setSeriesPaint(i, ChartPalette.series(i));
      rateLines.setSeriesStroke(i, new BasicStroke(1.3f));
      rateLines.setSeriesVisibleInLegend(i, false); // same colours as the steps: one legend entry per breaker
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(6);
    plot.add(statePlot, 3);
    plot.add(ratePlot, 2);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: a JavaFX node below
  }

  /** One entry per breaker, in the colour of its step line. */
  List<ChartLegend.Entry> legend() {
    List<ChartLegend.Entry> entries = new ArrayList<>();
    List<String> names = model.breakers();
    for (int i = 0; i < names.size(); i++) entries.add(new ChartLegend.Entry(names.get(i), ChartPalette.series(i), true));
    return entries;
  }

  void setPalette(ChartPalette palette) {
    countdownText = palette.text();
  }

  @Override
  public List<JFreeChart> charts() {
    return List.of(chart);
  }

  @Override
  public void refresh() {
    for (IntervalMarker m : countdowns) statePlot.removeDomainMarker(0, m, Layer.BACKGROUND, false);
    countdowns.clear();
    double due = Double.NEGATIVE_INFINITY;
    for (Countdown c : model.countdowns()) {
      IntervalMarker m = band(c.openedAtMs() / 1000.0, c.halfOpenAtMs() / 1000.0, new Color(224, 49, 49, 40));
      m.setLabel(c.breaker() + " " + c.text());
      m.setLabelFont(ChartPalette.TICK_FONT);
      m.setLabelPaint(countdownText);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      statePlot.addDomainMarker(0, m, Layer.BACKGROUND, false);
      countdowns.add(m);
      due = Math.max(due, c.halfOpenAtMs() / 1000.0);
    }
    // stretch the time axis to the moment of half-open, so the countdown band is seen whole
    Range data = DatasetUtils.findDomainBounds(model.states());
    if (countdowns.isEmpty() || data == null) {
      time.setAutoRange(true);
    } else {
      time.setRange(data.getLowerBound(), Math.max(data.getUpperBound(), due) + 0.5);
    }
  }

  /** The countdown markers now drawn (for tests). */
  int countdownCount() {
    return countdowns.size();
  }

  private static IntervalMarker band(double from, double to, Color color) {
    IntervalMarker m = new IntervalMarker(from, to, color);
    m.setOutlinePaint(null);
    return m;
  }
}
