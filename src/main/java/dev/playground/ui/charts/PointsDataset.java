package dev.playground.ui.charts;

import java.util.Arrays;
import java.util.List;
import org.jfree.data.xy.AbstractIntervalXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * Points (x, y) in a fixed set of series, over primitive arrays, refilled in place and published with one
 * change event. As intervals each point spans [x, x + {@link #setBarWidth width}] (for bar renderers). As a
 * {@link TableXYDataset} it is valid only when every series has the same x values (the ladder's buckets).
 * Not thread-safe: fill and read on one thread.
 */
public final class PointsDataset extends AbstractIntervalXYDataset implements TableXYDataset {
  private List<String> keys;
  private double[][] xs;
  private double[][] ys;
  private int[] counts;
  private double barWidth;

  public PointsDataset(List<String> seriesKeys) {
    setSeriesKeys(seriesKeys);
  }

  /** Replaces the series (and empties them) without telling listeners. */
  public void setSeriesKeys(List<String> seriesKeys) {
    this.keys = List.copyOf(seriesKeys);
    int n = keys.size();
    xs = new double[n][64];
    ys = new double[n][64];
    counts = new int[n];
  }

  public void clear() {
    Arrays.fill(counts, 0);
  }

  public void add(int s, double x, double y) {
    if (counts[s] == xs[s].length) {
      xs[s] = Arrays.copyOf(xs[s], xs[s].length * 2);
      ys[s] = Arrays.copyOf(ys[s], ys[s].length * 2);
    }
    xs[s][counts[s]] = x;
    ys[s][counts[s]] = y;
    counts[s]++;
  }

  /** The x width each point covers as a bar; 0 by default. */
  public void setBarWidth(double width) {
    this.barWidth = width;
  }

  public void publish() {
    fireDatasetChanged();
  }

  @Override public int getSeriesCount() { return keys.size(); }
  @Override public Comparable<?> getSeriesKey(int s) { return keys.get(s); }
  @Override public int getItemCount(int s) { return counts[s]; }
  @Override public int getItemCount() { return counts.length == 0 ? 0 : counts[0]; }
  @Override public Number getX(int s, int i) { return xs[s][i]; }
  @Override public Number getY(int s, int i) { return ys[s][i]; }
  @Override public double getXValue(int s, int i) { return xs[s][i]; }
  @Override public double getYValue(int s, int i) { return ys[s][i]; }
  @Override public Number getStartX(int s, int i) { return xs[s][i]; }
  @Override public Number getEndX(int s, int i) { return xs[s][i] + barWidth; }
  @Override public Number getStartY(int s, int i) { return ys[s][i]; }
  @Override public Number getEndY(int s, int i) { return ys[s][i]; }
  @Override public double getStartXValue(int s, int i) { return xs[s][i]; }
  @Override public double getEndXValue(int s, int i) { return xs[s][i] + barWidth; }
}
