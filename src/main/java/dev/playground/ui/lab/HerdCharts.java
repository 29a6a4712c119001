package dev.playground.ui.lab;

import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdStrategy;
import dev.playground.ui.charts.ChartPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.EnumMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The lab's two charts against the number of clients, one line per strategy: total calls (the work) and the
 * completion time (seconds, on a log or a linear axis). Lines grow as rows arrive. Not thread-safe: FX thread.
 */
final class HerdCharts {
  private final Map<HerdStrategy, XYSeries> calls = new EnumMap<>(HerdStrategy.class);
  private final Map<HerdStrategy, XYSeries> completion = new EnumMap<>(HerdStrategy.class);
  private final JFreeChart callsChart;
  private final JFreeChart completionChart;
  private ChartPalette palette = ChartPalette.LIGHT;

  HerdCharts() {
    XYSeriesCollection callsData = new XYSeriesCollection();
    XYSeriesCollection completionData = new XYSeriesCollection();
    for (HerdStrategy s : HerdStrategy.values()) {
      calls.put(s, new XYSeries(s.label()));
      completion.put(s, new XYSeries(s.label()));
      callsData.addSeries(calls.get(s));
      completionData.addSeries(completion.get(s));
    }
    callsChart = chart(callsData, new NumberAxis("total calls (mean)"));
    completionChart = chart(completionData, timeAxis(true));
    setPalette(palette);
  }

  /** The strategy's colour: grey none, red exponential, green full, blue equal, violet decorrelated. */
  static Color color(HerdStrategy s) {
    return switch (s) {
      case NO_BACKOFF -> new Color(0x868e96);
      case EXPONENTIAL -> new Color(0xe03131);
      case FULL_JITTER -> new Color(0x2f9e44);
      case EQUAL_JITTER -> new Color(0x1c7ed6);
      case DECORRELATED_JITTER -> new Color(0x9c36b5);
    };
  }

  JFreeChart callsChart() {
    return callsChart;
  }

  JFreeChart completionChart() {
    return completionChart;
  }

  /** A new point on both charts, drawn at the next {@link #flush()}: rows that arrive together redraw once. */
  void add(HerdRow row) {
    calls.get(row.strategy()).add(row.clients(), row.callsMean(), false);
    completion.get(row.strategy()).add(row.clients(), row.completionMsMean() / 1000.0, false);
  }

  /** Redraws both charts with the points added since the last flush (one change event per changed line). */
  void flush() {
    callsChart.setNotify(false);
    completionChart.setNotify(false);
    for (HerdStrategy s : HerdStrategy.values()) {
      calls.get(s).fireSeriesChanged();
      completion.get(s).fireSeriesChanged();
    }
    callsChart.setNotify(true); // one redraw each
    completionChart.setNotify(true);
  }

  void clear() {
    for (HerdStrategy s : HerdStrategy.values()) {
      calls.get(s).clear();
      completion.get(s).clear();
    }
  }

  /** A log axis shows every line apart; a linear one shows how far exponential backoff is from the rest. */
  void setLogTime(boolean log) {
    completionChart.getXYPlot().setRangeAxis(timeAxis(log));
    palette.style(completionChart);
  }

  void setPalette(ChartPalette p) {
    palette = p;
    p.style(callsChart);
    p.style(completionChart);
  }

  /** The points of one strategy's line on the calls chart, as {clients, calls} (for tests). */
  double[][] callsPoints(HerdStrategy s) {
    XYSeries series = calls.get(s);
    double[][] points = new double[series.getItemCount()][];
    for (int i = 0; i < points.length; i++) points[i] = new double[] {series.getX(i).doubleValue(), series.getY(i).doubleValue()};
    return points;
  }

  int completionPoints(HerdStrategy s) {
    return completion.get(s).getItemCount();
  }

  private static ValueAxis timeAxis(boolean log) {
    if (!log) {
      NumberAxis linear = new NumberAxis("completion time (s, mean)");
      linear.setAutoRangeIncludesZero(true);
      return linear;
    }
    LogAxis axis = new LogAxis("completion time (s, mean)");
    axis.setSmallestValue(0.01);
    axis.setBase(10);
    axis.setTickUnit(new NumberTickUnit(1), false, false); // one tick a decade: 0.1, 1, 10, 100
    axis.setAutoTickUnitSelection(false, false);
    axis.setMinorTickMarksVisible(true);
    axis.setNumberFormatOverride(new java.text.DecimalFormat("0.##"));
    return axis;
  }

  private static JFreeChart chart(XYSeriesCollection data, ValueAxis range) {
    NumberAxis clients = new NumberAxis("clients");
    clients.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    clients.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
    for (HerdStrategy s : HerdStrategy.values()) {
      lines.setSeriesPaint(s.ordinal(), color(s));
      lines.setSeriesStroke(s.ordinal(), new BasicStroke(s == HerdStrategy.EXPONENTIAL ? 2.4f : 1.8f));
    }
    XYPlot plot = new XYPlot(data, clients, range, lines);
    return new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: JavaFX labels below
  }
}
