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
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;

/**
 * Draws {@link RetryTimelineModel}: the window's lanes of requests, bars of attempts and waits. The time axis fits
 * the lanes in view (so a request's attempts and waits fill the width) until the user zooms it; the highlighted
 * request's lane gets a band. Not thread-safe: FX thread.
 */
final class RetryTimelineChart implements ChartView {
  private final RetryTimelineModel model;
  private final JFreeChart chart;
  private final XYPlot plot;
  private final NumberAxis time = new NumberAxis("scenario time (s)");
  private final NumberAxis rows = new NumberAxis("request");
  private final XYBarRenderer bars = new XYBarRenderer();
  private final IntervalMarker highlight = new IntervalMarker(0, 0);
  private String[] labels = new String[0];
  private boolean zoomed;

  RetryTimelineChart(RetryTimelineModel model) {
    this.model = model;
    time.setAutoRange(false);
    time.setRange(0, 10); // before the first event
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
    plot = new XYPlot(model.bars(), time, rows, bars);
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
    highlight.setPaint(ChartPalette.LIGHT.highlight());
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

  /** The wait colour follows the theme (grey on either background), and so does the highlight band. */
  void setPalette(ChartPalette palette) {
    bars.setSeriesPaint(RetryTimelineModel.WAIT_BACKOFF, palette.waitBar());
    highlight.setPaint(palette.highlight());
  }

  /** The user zoomed the time axis: it stays as they left it until {@link #fitTime()}. */
  void zoomedByUser() {
    zoomed = true;
  }

  /** The time axis fits the lanes in view again. */
  void fitTime() {
    zoomed = false;
    refresh();
  }

  /** The window's lane at a value of the request axis, or -1. */
  int laneAt(double rowValue) {
    int lane = (int) Math.round(rowValue);
    return lane >= 0 && lane < labels.length ? lane : -1;
  }

  NumberAxis rowAxis() {
    return rows;
  }

  @Override
  public void refresh() {
    labels = model.rowLabels();
    rows.setRange(-0.5, model.lanes() - 0.5);
    if (!zoomed) {
      double from = model.spanStart();
      double to = Math.max(model.spanEnd(), from + 1.0);
      double pad = Math.max(0.05, (to - from) * 0.03);
      time.setRange(Math.max(0, from - pad), to + pad);
    }
    plot.clearRangeMarkers();
    int lane = model.highlightedLane();
    if (lane >= 0) {
      highlight.setStartValue(lane - 0.5);
      highlight.setEndValue(lane + 0.5);
      plot.addRangeMarker(highlight, Layer.BACKGROUND);
    }
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
    units.add(new NumberTickUnit(1, format)); // every lane is labelled: lanes are tall enough
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
