package dev.playground.ui.main;

import dev.playground.common.DaemonThreads;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the chart library's classes on a background thread while the window is built, so building the charts
 * after the first frame does not wait for class loading. Thread-safe; only the first call does anything.
 */
final class ChartClasses {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final List<String> NAMES = List.of(
      "org.jfree.chart.JFreeChart", "org.jfree.chart.plot.XYPlot", "org.jfree.chart.plot.CombinedDomainXYPlot",
      "org.jfree.chart.plot.CategoryPlot", "org.jfree.chart.axis.NumberAxis", "org.jfree.chart.axis.SymbolAxis",
      "org.jfree.chart.axis.CategoryAxis", "org.jfree.chart.renderer.xy.XYBarRenderer",
      "org.jfree.chart.renderer.xy.StackedXYBarRenderer", "org.jfree.chart.renderer.xy.XYStepRenderer",
      "org.jfree.chart.renderer.xy.XYLineAndShapeRenderer", "org.jfree.chart.renderer.category.BarRenderer",
      "org.jfree.chart.plot.IntervalMarker", "org.jfree.chart.ChartRenderingInfo", "org.jfree.fx.FXGraphics2D",
      "org.jfree.chart.fx.ChartCanvas", "org.jfree.chart.fx.ChartViewer", "org.HdrHistogram.IntCountsHistogram");

  private ChartClasses() {}

  static void preload() {
    if (!STARTED.compareAndSet(false, true)) return;
    DaemonThreads.start("chart-classes", () -> {
      ClassLoader loader = ChartClasses.class.getClassLoader();
      for (String name : NAMES) {
        try {
          Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          return; // only a head start: the charts load what they need themselves
        }
      }
    });
  }
}
