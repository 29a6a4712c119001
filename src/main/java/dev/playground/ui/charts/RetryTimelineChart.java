package dev.playground.ui.charts;

import dev.playground.events.Rung;
import dev.playground.ui.OutcomeClass;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Draws {@link RetryTimelineModel}: rows of requests, bars of attempts and waits. Not thread-safe: FX thread. */
final class RetryTimelineChart implements ChartView {
  private final RetryTimelineModel model;
  private final JFreeChart chart;
  private final NumberAxis rows = new NumberAxis("request");
  private final XYBarRenderer bars = new XYBarRenderer();
  private String[] labels = new String[0];

  RetryTimelineChart(RetryTimelineModel model) {
    this.model = model;
    NumberAxis time = new NumberAxis("scenario time (s)");
    time.setAutoRangeIncludesZero(false);
    time.setDefaultAutoRange(new org.jfree.data.Range(0, 10)); // before the first event
    time.setAutoRangeMinimumSize(1.0);
    rows.setInverted(true); // oldest on top, newest at the bottom, like the log
    rows.setAutoRange(false);
    rows.setStandardTickUnits(rowUnits());
    rows.setAutoTickUnitSelection(true);
    rows.setMinorTickMarksVisible(false);
    bars.setUseYInterval(true);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    for (OutcomeClass c : OutcomeClass.values()) bars.setSeriesPaint(c.ordinal(), ChartPalette.outcome(c));
    bars.setSeriesPaint(RetryTimelineModel.IN_FLIGHT, ChartPalette.IN_FLIGHT);
    bars.setSeriesPaint(RetryTimelineModel.WAIT_RETRY_AFTER, ChartPalette.RETRY_AFTER_WAIT);
    bars.setSeriesPaint(RetryTimelineModel.ASKED_RETRY_AFTER, ChartPalette.RETRY_AFTER_ASKED);
    XYPlot plot = new XYPlot(model.bars(), time, rows, bars);
    XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
    marks.setSeriesShape(RetryTimelineModel.MARK_REJECTED, cross());
    marks.setSeriesPaint(RetryTimelineModel.MARK_REJECTED, ChartPalette.outcome(OutcomeClass.REJECTED));
    marks.setSeriesShapesFilled(RetryTimelineModel.MARK_REJECTED, false); // a cross has no inside: draw its lines
    marks.setDrawOutlines(true);
    marks.setSeriesOutlineStroke(RetryTimelineModel.MARK_REJECTED, new BasicStroke(2f));
    for (Rung r : Rung.values()) {
      marks.setSeriesShape(1 + r.ordinal(), new Ellipse2D.Double(-4, -4, 8, 8));
      marks.setSeriesPaint(1 + r.ordinal(), ChartPalette.rung(r));
      marks.setSeriesVisibleInLegend(1 + r.ordinal(), false); // the rung colours are the ladder chart's legend
    }
    plot.setDataset(1, model.marks());
    plot.setRenderer(1, marks);
    plot.setDomainPannable(true);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: a JavaFX node below
    refresh();
  }

  /** The legend's entries for this theme. */
  static List<ChartLegend.Entry> legend(ChartPalette palette) {
    List<ChartLegend.Entry> entries = new ArrayList<>();
    for (OutcomeClass c : OutcomeClass.values()) entries.add(new ChartLegend.Entry(c.label(), ChartPalette.outcome(c), false));
    entries.add(new ChartLegend.Entry("in flight", ChartPalette.IN_FLIGHT, false));
    entries.add(new ChartLegend.Entry("wait (backoff)", palette.waitBar(), true));
    entries.add(new ChartLegend.Entry("wait (Retry-After)", ChartPalette.RETRY_AFTER_WAIT, true));
    entries.add(new ChartLegend.Entry("Retry-After asked", ChartPalette.RETRY_AFTER_ASKED, true));
    entries.add(new ChartLegend.Entry("× breaker rejected", ChartPalette.outcome(OutcomeClass.REJECTED), true));
    entries.add(new ChartLegend.Entry("● answer, by rung", palette.text(), true));
    return entries;
  }

  @Override
  public List<JFreeChart> charts() {
    return List.of(chart);
  }

  /** The wait colour follows the theme (grey on either background). */
  void setPalette(ChartPalette palette) {
    bars.setSeriesPaint(RetryTimelineModel.WAIT_BACKOFF, palette.waitBar());
  }

  @Override
  public void refresh() {
    labels = model.rowLabels();
    rows.setRange(-0.6, Math.max(labels.length, 8) - 0.4);
  }

  private TickUnits rowUnits() {
    NumberFormat format = new NumberFormat() {
      @Override
      public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
        int i = (int) Math.round(v);
        return to.append(i >= 0 && i < labels.length && Math.abs(v - i) < 1e-6 ? labels[i] : "");
      }

      @Override
      public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
        return format((double) v, to, pos);
      }

      @Override
      public Number parse(String s, ParsePosition pos) {
        return null;
      }
    };
    TickUnits units = new TickUnits();
    for (int step : new int[] {1, 2, 5, 10, 20}) units.add(new NumberTickUnit(step, format));
    return units;
  }

  private static Shape cross() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(-4, -4);
    p.lineTo(4, 4);
    p.moveTo(-4, 4);
    p.lineTo(4, -4);
    return p;
  }
}
