package dev.playground.ui.charts;

import dev.playground.events.Rung;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/** Draws {@link LadderModel}: stacked rungs over time, and a bar per rung in total. Not thread-safe: FX thread. */
final class LadderChart implements ChartView {
  private final LadderModel model;
  private final JFreeChart overTime;
  private final JFreeChart total;
  private final StackedXYBarRenderer stacked = new StackedXYBarRenderer(0.1);
  private final NumberAxis totalAxis = new NumberAxis("answers in total");

  LadderChart(LadderModel model) {
    this.model = model;
    NumberAxis time = new NumberAxis("scenario time (s)");
    time.setAutoRangeIncludesZero(false);
    time.setDefaultAutoRange(new org.jfree.data.Range(0, 10)); // before the first event
    time.setAutoRangeMinimumSize(10.0);
    NumberAxis count = new NumberAxis("answers");
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    stacked.setBarPainter(new StandardXYBarPainter());
    stacked.setShadowVisible(false);
    stacked.setDrawBarOutline(false);
    for (Rung r : Rung.values()) stacked.setSeriesPaint(r.ordinal(), ChartPalette.rung(r));
    XYPlot plot = new XYPlot(model.overTime(), time, count, stacked);
    overTime = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: a JavaFX node below

    totalAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    totalAxis.setUpperMargin(0.25); // room for the value labels
    BarRenderer bars = new BarRenderer() {
      @Override
      public Paint getItemPaint(int row, int column) {
        return ChartPalette.rung(Rung.values()[column]);
      }
    };
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
    bars.setDefaultItemLabelsVisible(true);
    bars.setDefaultItemLabelFont(ChartPalette.TICK_FONT);
    bars.setMaximumBarWidth(0.2);
    CategoryPlot totals = new CategoryPlot(model.total(), new CategoryAxis(null), totalAxis, bars);
    totals.setOrientation(PlotOrientation.HORIZONTAL); // rung names read across, never cut
    totals.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    total = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, totals, false);
    total.setPadding(new RectangleInsets(2, 2, 2, 16)); // the last tick label ("150") is never cut at the edge
  }

  static List<ChartLegend.Entry> legend() {
    List<ChartLegend.Entry> entries = new ArrayList<>();
    for (Rung r : Rung.values()) entries.add(new ChartLegend.Entry(r.wireName(), ChartPalette.rung(r), false));
    return entries;
  }

  void setPalette(ChartPalette palette) {
    ((CategoryPlot) total.getPlot()).getRenderer().setDefaultItemLabelPaint(palette.text());
  }

  JFreeChart overTimeChart() {
    return overTime;
  }

  JFreeChart totalChart() {
    return total;
  }

  @Override
  public List<JFreeChart> charts() {
    return List.of(overTime, total);
  }

  @Override
  public void refresh() {
    // the datasets carry everything; nothing to adjust
  }
}
