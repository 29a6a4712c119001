package dev.playground.ui.preview;

import dev.playground.events.RetryReason;
import dev.playground.policy.SchedulePreview;
import dev.playground.ui.charts.ChartPalette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link SchedulePreview} over the attempt number: above, each wait (this seed's as a bar, the jitter
 * band shaded behind it, the nominal wait as a dash); below, when each attempt starts (this seed's as a line in
 * its shaded band, the nominal as a dashed line). Times in seconds. Not thread-safe: FX thread.
 */
final class SchedulePreviewChart {
  static final Color WAIT = new Color(0x1c7ed6);
  static final Color WAIT_RETRY_AFTER = new Color(0x91a7ff);
  static final Color BAND = new Color(116, 192, 252, 110);
  static final Color NOMINAL = new Color(0xe8590c);

  private final XYIntervalSeries bandSeries = new XYIntervalSeries("jitter band");
  private final XYIntervalSeries waitSeries = new XYIntervalSeries("wait (this seed)");
  private final XYSeries nominalSeries = new XYSeries("nominal wait");
  private final YIntervalSeries startSeries = new YIntervalSeries("start (this seed)");
  private final XYSeries nominalStartSeries = new XYSeries("nominal start");
  private final NumberAxis attempts = new NumberAxis("attempt");
  private final JFreeChart chart;
  private RetryReason[] reasons = new RetryReason[0];

  SchedulePreviewChart() {
    attempts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    attempts.setAutoRange(false);
    attempts.setRange(0.5, 3.5);

    NumberAxis waitAxis = new NumberAxis("wait (s)");
    waitAxis.setAutoRangeIncludesZero(true);
    XYBarRenderer band = bars(0.0);
    band.setSeriesPaint(0, BAND);
    XYBarRenderer waits = new XYBarRenderer() {
      @Override
      public Paint getItemPaint(int series, int item) {
        return item < reasons.length && reasons[item] == RetryReason.RETRY_AFTER ? WAIT_RETRY_AFTER : WAIT;
      }
    };
    style(waits);
    XYLineAndShapeRenderer nominal = new XYLineAndShapeRenderer(false, true);
    nominal.setSeriesShape(0, new Rectangle2D.Double(-12, -1.5, 24, 3));
    nominal.setSeriesPaint(0, NOMINAL);
    XYPlot waitPlot = new XYPlot(new XYIntervalSeriesCollection(), null, waitAxis, band);
    ((XYIntervalSeriesCollection) waitPlot.getDataset(0)).addSeries(bandSeries);
    XYIntervalSeriesCollection waitData = new XYIntervalSeriesCollection();
    waitData.addSeries(waitSeries);
    waitPlot.setDataset(1, waitData);
    waitPlot.setRenderer(1, waits);
    waitPlot.setDataset(2, new XYSeriesCollection(nominalSeries));
    waitPlot.setRenderer(2, nominal);
    waitPlot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // band, then bars, then dashes on top

    NumberAxis startAxis = new NumberAxis("starts at (s)");
    startAxis.setAutoRangeIncludesZero(true);
    DeviationRenderer start = new DeviationRenderer(true, true);
    start.setSeriesPaint(0, WAIT);
    start.setSeriesFillPaint(0, BAND);
    start.setAlpha(0.45f);
    start.setSeriesStroke(0, new BasicStroke(2f));
    start.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    XYLineAndShapeRenderer nominalStart = new XYLineAndShapeRenderer(true, false);
    nominalStart.setSeriesPaint(0, NOMINAL);
    nominalStart.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    YIntervalSeriesCollection startData = new YIntervalSeriesCollection();
    startData.addSeries(startSeries);
    XYPlot startPlot = new XYPlot(startData, null, startAxis, start);
    startPlot.setDataset(1, new XYSeriesCollection(nominalStartSeries));
    startPlot.setRenderer(1, nominalStart);

    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(attempts);
    plot.setGap(8);
    plot.add(waitPlot, 1);
    plot.add(startPlot, 1);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false); // legend: JavaFX labels below
    setPalette(ChartPalette.LIGHT);
  }

  JFreeChart chart() {
    return chart;
  }

  /** Redraws for {@code preview}; null (no retry policy) empties the chart. One redraw. */
  void show(SchedulePreview preview) {
    chart.setNotify(false);
    bandSeries.clear();
    waitSeries.clear();
    nominalSeries.clear();
    startSeries.clear();
    nominalStartSeries.clear();
    List<SchedulePreview.Row> rows = preview == null ? List.of() : preview.rows();
    // first: the range axes' auto-range only counts items inside the domain axis's range
    attempts.setRange(0.5, Math.max(3, rows.size()) + 0.5);
    reasons = new RetryReason[rows.size()];
    for (SchedulePreview.Row r : rows) {
      int n = r.attempt();
      reasons[n - 1] = r.reason();
      bandSeries.add(n, n - 0.38, n + 0.38, seconds(r.nominalDelay()), seconds(r.minDelay()), seconds(r.maxDelay()));
      waitSeries.add(n, n - 0.2, n + 0.2, seconds(r.delay()), 0, seconds(r.delay()));
      if (n > 1) nominalSeries.add(n, seconds(r.nominalDelay()));
      startSeries.add(n, seconds(r.start()), seconds(r.earliestStart()), seconds(r.latestStart()));
      nominalStartSeries.add(n, seconds(r.nominalStart()));
    }
    chart.setNotify(true);
  }

  void setPalette(ChartPalette palette) {
    palette.style(chart);
  }

  /** The top of the waits' axis and of the starts' axis now, in seconds (for tests). */
  double[] axisTops() {
    var plot = (CombinedDomainXYPlot) chart.getPlot();
    return new double[] {plot.getSubplots().get(0).getRangeAxis().getUpperBound(),
        plot.getSubplots().get(1).getRangeAxis().getUpperBound()};
  }

  /** The seeded waits drawn now, in seconds, attempt 1 first (for tests). */
  List<Double> drawnWaits() {
    List<Double> waits = new ArrayList<>();
    for (int i = 0; i < waitSeries.getItemCount(); i++) waits.add(waitSeries.getYValue(i));
    return waits;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static XYBarRenderer bars(double margin) {
    XYBarRenderer r = new XYBarRenderer(margin);
    style(r);
    return r;
  }

  private static void style(XYBarRenderer r) {
    r.setUseYInterval(true);
    r.setBarPainter(new StandardXYBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
  }
}
