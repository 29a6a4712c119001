package dev.playground.ui.charts;

import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The latency chart's data: p50 / p90 / p99 of request latency and the request, success and error rates, each
 * over a rolling {@link Retention#ROLLING_MS} window, one point per second of scenario time. Percentiles come
 * from HdrHistogram (two significant digits, up to one hour). Plain Java; not thread-safe (FX thread).
 *
 * <p>Success is a request answered on any rung but {@code error} with outcome {@code ok}; error is the rest.
 */
public final class LatencyModel {
  public static final int P50 = 0, P90 = 1, P99 = 2;
  public static final int REQUESTS = 0, SUCCESSES = 1, ERRORS = 2;
  private static final long MAX_LATENCY_MS = 3_600_000;
  private static final long WINDOW_BUCKETS = Retention.ROLLING_MS / Retention.BUCKET_MS;

  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  private final TreeMap<Long, double[]> points = new TreeMap<>(); // bucket → p50, p90, p99, req/s, ok/s, err/s
  private final PointsDataset percentiles = new PointsDataset(List.of("p50", "p90", "p99"));
  private final PointsDataset rates = new PointsDataset(List.of("requests/s", "success/s", "errors/s"));
  private final Histogram window = new Histogram(MAX_LATENCY_MS, 2);
  private long nowMs;

  /**
   * p50, p90, p99 in ms (x: scenario seconds). A second whose window had no answer, or no request sent, has no
   * point: the line stops when the traffic does.
   */
  public PointsDataset percentiles() { return percentiles; }

  /** Requests started, succeeded and failed per second over the window. */
  public PointsDataset rates() { return rates; }

  /** The latest point: p50, p90, p99 (ms), requests/s, success/s, errors/s; zeros before any event. */
  private boolean runStarted;

  /** True when the run has data but no request was sent in the latest window: the chart says so. */
  public boolean quiet() {
    return !points.isEmpty() && points.lastEntry().getValue()[3] == 0;
  }

  public double[] latest() {
    return points.isEmpty() ? new double[6] : points.lastEntry().getValue().clone();
  }

  public void apply(List<? extends RunEvent> batch) {
    long firstTouched = Long.MAX_VALUE;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        buckets.clear();
        points.clear();
        nowMs = 0;
        firstTouched = 0;
        runStarted = true;
        continue;
      }
      nowMs = Math.max(nowMs, e.tMs());
      long b = e.tMs() / Retention.BUCKET_MS;
      if (e instanceof RequestStarted) {
        bucket(b).started++;
      } else if (e instanceof RequestFinished f) {
        Bucket bucket = bucket(b);
        bucket.latencies.recordValue(Math.max(0, Math.min(MAX_LATENCY_MS, Math.round(f.latencyMs()))));
        if (f.rung() != Rung.ERROR && "ok".equals(f.outcome())) bucket.ok++;
        else bucket.errors++;
      } else {
        continue;
      }
      firstTouched = Math.min(firstTouched, b);
    }
    long nowBucket = nowMs / Retention.BUCKET_MS;
    long cut = (nowMs - Retention.WINDOW_MS) / Retention.BUCKET_MS;
    buckets.headMap(cut - WINDOW_BUCKETS).clear();
    points.headMap(cut).clear();
    if (firstTouched == Long.MAX_VALUE && !points.isEmpty() && points.lastKey() >= nowBucket) return;
    // a bucket's point depends on the window ending there: recompute from the earliest change to now
    long from = Math.max(Math.min(firstTouched, nowBucket), cut);
    if (!points.isEmpty()) from = Math.min(from, points.lastKey() + 1);
    if (runStarted && buckets.isEmpty()) { // nothing to draw yet (a new run clears the old one's lines)
      refill();
      return;
    }
    // once the run has data, every second from its start has a point, so the chart is the same however the
    // events were batched (a replayed log arrives in one batch, a live run in many)
    long first = runStarted ? (points.isEmpty() ? Math.max(0, cut) : from)
        : Math.max(from, buckets.isEmpty() ? nowBucket : buckets.firstKey());
    for (long b = first; b <= nowBucket; b++) {
      points.put(b, point(b));
    }
    refill();
  }

  private Bucket bucket(long b) {
    return buckets.computeIfAbsent(b, k -> new Bucket());
  }

  private double[] point(long end) {
    window.reset();
    long started = 0, ok = 0, errors = 0;
    for (Map.Entry<Long, Bucket> e : buckets.subMap(end - WINDOW_BUCKETS + 1, true, end, true).entrySet()) {
      Bucket b = e.getValue();
      window.add(b.latencies);
      started += b.started;
      ok += b.ok;
      errors += b.errors;
    }
    // a run younger than the window divides by the time it has had
    double seconds = Math.min(WINDOW_BUCKETS, end + 1) * Retention.BUCKET_MS / 1000.0;
    // no request sent in the window: the line stops, rather than show the stragglers' wait as the latency now
    boolean any = window.getTotalCount() > 0 && started > 0;
    return new double[] {
      any ? window.getValueAtPercentile(50) : Double.NaN,
      any ? window.getValueAtPercentile(90) : Double.NaN,
      any ? window.getValueAtPercentile(99) : Double.NaN,
      started / seconds, ok / seconds, errors / seconds
    };
  }

  private void refill() {
    percentiles.clear();
    rates.clear();
    for (Map.Entry<Long, double[]> e : points.entrySet()) {
      double x = e.getKey() * Retention.BUCKET_MS / 1000.0;
      double[] p = e.getValue();
      if (!Double.isNaN(p[0])) for (int i = 0; i < 3; i++) percentiles.add(i, x, p[i]);
      for (int i = 0; i < 3; i++) rates.add(i, x, p[3 + i]);
    }
    percentiles.publish();
    rates.publish();
  }

  private static final class Bucket {
    final IntCountsHistogram latencies = new IntCountsHistogram(MAX_LATENCY_MS, 2); // 8 KB per second kept
    long started, ok, errors;
  }
}
