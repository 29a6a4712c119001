package dev.playground.events;

/** How the run log, the CSV export and the summary write a double. Stateless and thread-safe. */
final class Numbers {
  private Numbers() {}

  /**
   * The shortest stable text for {@code value}: whole numbers without a fraction ({@code 250}, not
   * {@code 250.0}), others as {@link Double#toString} (locale-free, the same text for the same value).
   * Non-finite values become {@code NaN}, {@code Infinity}, {@code -Infinity}.
   */
  static String format(double value) {
    if (isCompactWhole(value)) return Long.toString((long) value);
    return Double.toString(value);
  }

  /** True if {@code value} is written as an integer: whole, not -0.0, and exactly representable as a long. */
  static boolean isCompactWhole(double value) {
    return value == Math.rint(value)
        && Math.abs(value) < 0x1p53
        && !(value == 0 && Double.doubleToRawLongBits(value) != 0);
  }
}
