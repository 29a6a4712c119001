package dev.playground.policy;

import dev.playground.clock.Seeds;
import dev.playground.events.RetryReason;
import java.time.Duration;
import java.util.Optional;

/**
 * The waits of a retry series, as pure functions of the spec, the attempt and the seed: the same inputs give
 * the same wait on any thread, in any order. {@link RetryPolicies} uses exactly these inside Failsafe's
 * {@code withDelayFn}; {@link SchedulePreview} uses them for the nominal schedule and the jitter band.
 * Stateless and thread-safe.
 *
 * <p>Waits are whole milliseconds (rounded down). The wait after failed attempt n depends on n, not on the
 * waits before it: a Retry-After wait does not move the backoff on.
 */
public final class RetryDelays {
  /** Keeps jitter's random numbers apart from other uses of the same run seed (fault decisions …). */
  public static final long JITTER_STREAM = Seeds.of("retry.jitter");

  private RetryDelays() {}

  /** The least and the most a wait can be. Immutable. */
  public record Band(Duration min, Duration max) {}

  /**
   * The backoff after failed attempt {@code n} before jitter, in nanoseconds, with Failsafe's own arithmetic
   * ({@code withBackoff}: the delay, then each time {@code (long) min(previous × factor, maxDelay)}).
   */
  public static long backoffNanos(RetrySpec spec, int n) {
    requireAttempt(n);
    long d = spec.delay().toNanos();
    if (spec.backoff() == null) return d;
    long max = spec.backoff().maxDelay().toNanos();
    for (int i = 2; i <= n; i++) d = (long) Math.min(d * spec.backoff().factor(), max);
    return d;
  }

  /** The wait after failed attempt {@code n} without jitter: what {@code jitter: none} would wait. */
  public static Duration nominal(RetrySpec spec, int n) {
    return Duration.ofMillis(backoffNanos(spec, n) / 1_000_000);
  }

  /** The wait after failed attempt {@code n} with the spec's jitter, for these seed coordinates. */
  public static Duration jittered(RetrySpec spec, int n, long seed, long request, int model) {
    long b = nominal(spec, n).toMillis();
    double u = unit(seed, request, model, n);
    long ms = switch (spec.jitter()) {
      case NONE -> b;
      case PROPORTIONAL -> (long) (b * (1 + spec.jitterFactor() * (2 * u - 1)));
      case FULL -> (long) (u * b);
      case EQUAL -> b / 2 + (long) (u * (b - b / 2));
      case DECORRELATED -> decorrelated(spec, n, seed, request, model);
    };
    return Duration.ofMillis(ms);
  }

  /** Where the jittered wait after failed attempt {@code n} lies, whatever the seed. */
  public static Band band(RetrySpec spec, int n) {
    long b = nominal(spec, n).toMillis();
    return switch (spec.jitter()) {
      case NONE -> band(b, b);
      case PROPORTIONAL -> band((long) (b * (1 - spec.jitterFactor())), (long) (b * (1 + spec.jitterFactor())));
      case FULL -> band(0, b);
      case EQUAL -> band(b / 2, b);
      case DECORRELATED -> {
        long base = spec.delay().toMillis();
        long cap = spec.backoff().maxDelay().toMillis();
        long hi = base;
        for (int i = 1; i <= n; i++) hi = Math.min(cap, hi * 3);
        yield band(Math.min(cap, base), hi);
      }
    };
  }

  /**
   * The wait after failed attempt {@code n}, given the failure: the provider's Retry-After (at least 0, at most
   * the cap) when the spec honours it and the failure carries one, else the jittered backoff; then shortened
   * to what is left of the time budget.
   *
   * @param failure the last failure, or null when the attempt returned a defective answer
   * @param remaining what is left of the series' time budget, or null when it has none
   */
  public static RetryDelay decide(RetrySpec spec, int n, Throwable failure, long seed, long request, int model,
      Duration remaining) {
    Optional<Duration> asked = failure == null ? Optional.empty() : Failures.retryAfter(failure);
    Duration delay;
    RetryReason reason;
    if (spec.honourRetryAfter() && asked.isPresent()) {
      Duration d = asked.get().isNegative() ? Duration.ZERO : asked.get();
      delay = Duration.ofMillis((d.compareTo(spec.retryAfterCap()) > 0 ? spec.retryAfterCap() : d).toMillis());
      reason = RetryReason.RETRY_AFTER;
    } else {
      delay = jittered(spec, n, seed, request, model);
      reason = RetryReason.BACKOFF;
    }
    if (remaining != null && delay.compareTo(remaining) > 0)
      delay = remaining.isNegative() ? Duration.ZERO : Duration.ofMillis(remaining.toMillis());
    return new RetryDelay(delay, reason, asked.orElse(null));
  }

  /** The seeded number in [0, 1) for this wait. */
  static double unit(long seed, long request, int model, int n) {
    return Seeds.unit(seed, JITTER_STREAM, request, model, n);
  }

  /** Brooker's decorrelated jitter: each wait drawn from [delay, 3 × previous wait), at most maxDelay. */
  private static long decorrelated(RetrySpec spec, int n, long seed, long request, int model) {
    long base = spec.delay().toMillis();
    long cap = spec.backoff().maxDelay().toMillis();
    long sleep = base;
    for (int i = 1; i <= n; i++)
      sleep = Math.min(cap, base + (long) (unit(seed, request, model, i) * (3 * sleep - base)));
    return sleep;
  }

  private static Band band(long min, long max) {
    return new Band(Duration.ofMillis(min), Duration.ofMillis(max));
  }

  private static void requireAttempt(int n) {
    if (n < 1) throw Checks.fail("attempt must be ≥ 1, was " + n);
  }
}
