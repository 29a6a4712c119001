package dev.playground.ui.charts;

import java.util.Arrays;
import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;

/**
 * Rectangles (x0..x1 × y0..y1) in a fixed set of series, over primitive arrays, refilled in place and
 * published with one change event. Not thread-safe: fill and read on one thread (the FX thread in the app).
 */
public final class IntervalBarsDataset extends AbstractIntervalXYDataset {
  private final List<String> keys;
  private final Bars[] series;

  public IntervalBarsDataset(List<String> seriesKeys) {
    this.keys = List.copyOf(seriesKeys);
    this.series = new Bars[keys.size()];
    for (int i = 0; i < series.length; i++) series[i] = new Bars();
  }

  /** Empties every series without telling listeners. */
  public void clear() {
    for (Bars b : series) b.n = 0;
  }

  /** Adds one rectangle to {@code s} without telling listeners. */
  public void add(int s, double x0, double x1, double y0, double y1) {
    series[s].add(x0, x1, y0, y1);
  }

  /** Tells listeners (the plot) once that the data changed. */
  public void publish() {
    fireDatasetChanged();
  }

  @Override public int getSeriesCount() { return series.length; }
  @Override public Comparable<?> getSeriesKey(int s) { return keys.get(s); }
  @Override public int getItemCount(int s) { return series[s].n; }
  @Override public Number getX(int s, int i) { return (series[s].v[4 * i] + series[s].v[4 * i + 1]) / 2; }
  @Override public Number getY(int s, int i) { return (series[s].v[4 * i + 2] + series[s].v[4 * i + 3]) / 2; }
  @Override public Number getStartX(int s, int i) { return series[s].v[4 * i]; }
  @Override public Number getEndX(int s, int i) { return series[s].v[4 * i + 1]; }
  @Override public Number getStartY(int s, int i) { return series[s].v[4 * i + 2]; }
  @Override public Number getEndY(int s, int i) { return series[s].v[4 * i + 3]; }
  @Override public double getStartXValue(int s, int i) { return series[s].v[4 * i]; }
  @Override public double getEndXValue(int s, int i) { return series[s].v[4 * i + 1]; }
  @Override public double getStartYValue(int s, int i) { return series[s].v[4 * i + 2]; }
  @Override public double getEndYValue(int s, int i) { return series[s].v[4 * i + 3]; }

  private static final class Bars {
    double[] v = new double[64];
    int n;

    void add(double x0, double x1, double y0, double y1) {
      if (4 * n + 4 > v.length) v = Arrays.copyOf(v, v.length * 2);
      v[4 * n] = x0;
      v[4 * n + 1] = x1;
      v[4 * n + 2] = y0;
      v[4 * n + 3] = y1;
      n++;
    }
  }
}
