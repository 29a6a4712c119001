package dev.playground.ui.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;

/** A chart (or a pair) drawn from one model. Not thread-safe: FX thread only. */
interface ChartView {
  /** The charts this view draws, for notify on/off around a batch and for styling. */
  List<JFreeChart> charts();

  /** Brings axes, markers and labels in line with the model after a batch (datasets are already refilled). */
  void refresh();
}
