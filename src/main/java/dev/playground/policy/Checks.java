package dev.playground.policy;

import java.time.Duration;

/** Validation helpers whose messages name the rule, the field and the value. Stateless, thread-safe. */
final class Checks {
  static final Duration ONE_DAY = Duration.ofDays(1);

  private Checks() {}

  static IllegalArgumentException fail(String message) {
    return new IllegalArgumentException(message);
  }

  static <T> T notNull(String field, T value) {
    if (value == null) throw fail(field + " must be set");
    return value;
  }

  /** Not null, ≥ 0, at most a day; truncated to whole milliseconds (the resolution of every spec). */
  static Duration millis(String field, Duration value) {
    notNull(field, value);
    if (value.isNegative()) throw fail(field + " must be ≥ 0 ms, was " + ms(value));
    if (value.compareTo(ONE_DAY) > 0)
      throw fail(field + " must be ≤ 1 day (" + ONE_DAY.toMillis() + " ms), was " + ms(value));
    return Duration.ofMillis(value.toMillis());
  }

  /** As {@link #millis} and > 0. */
  static Duration positiveMillis(String field, Duration value) {
    Duration d = millis(field, value);
    if (d.isZero()) throw fail(field + " must be > 0 ms, was " + ms(value));
    return d;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max)
      throw fail(field + " must be in [" + min + ", " + max + "], was " + value);
    return value;
  }

  /** "2000 ms": how every message writes a duration. */
  static String ms(Duration d) {
    long nanos = d.toNanos() % 1_000_000;
    return nanos == 0 ? d.toMillis() + " ms" : (d.toNanos() / 1e6) + " ms";
  }
}
