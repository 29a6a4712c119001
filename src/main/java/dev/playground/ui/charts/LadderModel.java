package dev.playground.ui.charts;

import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The degradation ladder's data: which rung answered, as stacked counts per time bucket (at most
 * {@link #MAX_BARS} bars over the kept span, one-second buckets merged as the span grows) and in total since the
 * run started. Plain Java; not thread-safe (FX thread). Buckets keep the latest {@link Retention#WINDOW_MS}.
 */
public final class LadderModel {
  public static final int MAX_BARS = 60;
  static final String TOTAL_ROW = "requests";

  private final TreeMap<Long, int[]> buckets = new TreeMap<>(); // bucket index → count per rung
  private final long[] totals = new long[Rung.values().length];
  private final PointsDataset overTime = new PointsDataset(rungKeys());
  private final DefaultCategoryDataset total = new DefaultCategoryDataset();
  private double barWidthSeconds = Retention.BUCKET_MS / 1000.0;
  private long nowMs;

  public LadderModel() {
    overTime.setBarWidth(barWidthSeconds);
    refillTotals();
  }

  /** Stacked counts per bar: x is the bar's start (s), one series per rung, best first. */
  public PointsDataset overTime() { return overTime; }

  /** One bar per rung, the count since the run started. */
  public DefaultCategoryDataset total() { return total; }

  /** How wide each bar of {@link #overTime()} is, in seconds of scenario time. */
  public double barWidthSeconds() { return barWidthSeconds; }

  public long total(Rung rung) { return totals[rung.ordinal()]; }

  public void apply(List<? extends RunEvent> batch) {
    boolean changed = false;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        buckets.clear();
        Arrays.fill(totals, 0);
        nowMs = 0;
        changed = true;
        continue;
      }
      nowMs = Math.max(nowMs, e.tMs());
      if (e instanceof RequestFinished f) {
        buckets.computeIfAbsent(f.tMs() / Retention.BUCKET_MS, k -> new int[totals.length])[f.rung().ordinal()]++;
        totals[f.rung().ordinal()]++;
        changed = true;
      }
    }
    if (!changed) return;
    buckets.headMap((nowMs - Retention.WINDOW_MS) / Retention.BUCKET_MS).clear();
    refillOverTime();
    refillTotals();
  }

  private void refillOverTime() {
    overTime.clear();
    if (buckets.isEmpty()) {
      overTime.publish();
      return;
    }
    long first = buckets.firstKey();
    long last = Math.max(buckets.lastKey(), nowMs / Retention.BUCKET_MS);
    long span = last - first + 1;
    long merge = Math.max(1, (span + MAX_BARS - 1) / MAX_BARS); // buckets per bar
    barWidthSeconds = merge * Retention.BUCKET_MS / 1000.0;
    overTime.setBarWidth(barWidthSeconds);
    long start = Math.floorDiv(first, merge) * merge;
    int[] sum = new int[totals.length];
    // a TableXYDataset needs the same x in every series: add every bar, empty ones too
    for (long bar = start; bar <= last; bar += merge) {
      Arrays.fill(sum, 0);
      for (Map.Entry<Long, int[]> b : buckets.subMap(bar, bar + merge).entrySet()) {
        for (int r = 0; r < sum.length; r++) sum[r] += b.getValue()[r];
      }
      for (int r = 0; r < sum.length; r++) overTime.add(r, bar * Retention.BUCKET_MS / 1000.0, sum[r]);
    }
    overTime.publish();
  }

  private void refillTotals() {
    for (Rung r : Rung.values()) total.setValue(totals[r.ordinal()], TOTAL_ROW, r.wireName());
  }

  private static List<String> rungKeys() {
    List<String> keys = new ArrayList<>();
    for (Rung r : Rung.values()) keys.add(r.wireName());
    return keys;
  }
}
