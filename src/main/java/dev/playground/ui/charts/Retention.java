package dev.playground.ui.charts;

/** How much the charts keep, so memory stays bounded however long a run goes. Constants only. */
public final class Retention {
  private Retention() {}

  /** Time series (breakers, ladder over time, latency, rates) keep the latest ten minutes of scenario time. */
  public static final long WINDOW_MS = 10 * 60 * 1000;
  /** The retry timeline keeps the latest 1,000 requests, one lane each, to scroll through. */
  public static final int TIMELINE_ROWS = 1_000;
  /** Buckets of the ladder, latency and rate series: one second of scenario time. */
  public static final long BUCKET_MS = 1000;
  /** Percentiles and rates are computed over the latest ten seconds. */
  public static final long ROLLING_MS = 10_000;

  /** Scenario milliseconds as the charts' x value (seconds). */
  static double seconds(long tMs) {
    return tMs / 1000.0;
  }
}
