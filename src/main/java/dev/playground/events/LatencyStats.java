package dev.playground.events;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds. Percentiles are nearest-rank (p50 of 10 values is the 5th smallest) from
 * an HdrHistogram with 3 significant digits (so within 0.1 % of the true value), kept between the exact smallest
 * and largest value; {@code maxMs} and {@code meanMs} are exact. All zero when {@code count} is 0. Immutable and
 * thread-safe.
 */
public record LatencyStats(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs) {
  static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0);

  static LatencyStats of(Histogram micros, double minMs, double maxMs, double sumMs) {
    long count = micros.getTotalCount();
    if (count == 0) return EMPTY;
    return new LatencyStats(count, ms(micros, 50, minMs, maxMs), ms(micros, 90, minMs, maxMs),
        ms(micros, 99, minMs, maxMs), maxMs, sumMs / count);
  }

  // the histogram answers with the top of a bucket, which can lie above the largest value recorded
  private static double ms(Histogram micros, double percentile, double minMs, double maxMs) {
    return Math.max(minMs, Math.min(maxMs, micros.getValueAtPercentile(percentile) / 1000.0));
  }
}
