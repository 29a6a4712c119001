package dev.playground.faults;

import dev.playground.clock.Seeds;

/**
 * How long something takes: fixed, uniform between two bounds, or log-normal around a median. Samples are
 * drawn from {@link Seeds}, so the same seed and coordinates give the same delay. Immutable and thread-safe.
 *
 * <p>JSON: {@code {"fixed_ms":N}}, {@code {"uniform":{"min_ms":A,"max_ms":B}}} or
 * {@code {"lognormal":{"median_ms":M,"sigma":S}}}.
 */
public sealed interface Latency permits Latency.Fixed, Latency.Uniform, Latency.LogNormal {
  /** No delay is longer than this (10 minutes); log-normal samples are capped here. */
  long MAX_MS = 600_000;

  /** The delay in milliseconds for these coordinates, in [0, {@link #MAX_MS}]. */
  long sampleMs(long seed, long... coordinates);

  static Fixed fixed(long ms) {
    return new Fixed(ms);
  }

  static Uniform uniform(long minMs, long maxMs) {
    return new Uniform(minMs, maxMs);
  }

  static LogNormal lognormal(double medianMs, double sigma) {
    return new LogNormal(medianMs, sigma);
  }

  /** Always the same delay. */
  record Fixed(long ms) implements Latency {
    public Fixed {
      checkRange("fixed_ms", ms);
    }

    @Override
    public long sampleMs(long seed, long... coordinates) {
      return ms;
    }
  }

  /** Any delay in [minMs, maxMs], evenly. */
  record Uniform(long minMs, long maxMs) implements Latency {
    public Uniform {
      checkRange("uniform.min_ms", minMs);
      checkRange("uniform.max_ms", maxMs);
      if (maxMs < minMs)
        throw FaultPlanException.field("uniform.max_ms", "(" + maxMs + ") must be ≥ uniform.min_ms (" + minMs + ")");
    }

    @Override
    public long sampleMs(long seed, long... coordinates) {
      return minMs + (long) Math.floor(Seeds.unit(seed, coordinates) * (maxMs - minMs + 1));
    }
  }

  /** A long-tailed delay: half the samples below {@code medianMs}; {@code sigma} is the spread of its log. */
  record LogNormal(double medianMs, double sigma) implements Latency {
    public LogNormal {
      if (!(medianMs > 0) || medianMs > MAX_MS)
        throw FaultPlanException.field("lognormal.median_ms", "must be in (0, " + MAX_MS + "], was " + FaultPlanException.num(medianMs));
      if (!(sigma >= 0) || sigma > 3)
        throw FaultPlanException.field("lognormal.sigma", "must be in [0, 3], was " + FaultPlanException.num(sigma));
    }

    @Override
    public long sampleMs(long seed, long... coordinates) {
      double ms = medianMs * Math.exp(sigma * Seeds.gaussian(seed, coordinates));
      return Math.min(MAX_MS, Math.round(ms));
    }
  }

  private static void checkRange(String field, long ms) {
    if (ms < 0) throw FaultPlanException.field(field, "must be ≥ 0, was " + ms);
    if (ms > MAX_MS) throw FaultPlanException.field(field, "must be ≤ " + MAX_MS + " (10 min), was " + ms);
  }
}
