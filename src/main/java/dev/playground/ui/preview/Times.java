package dev.playground.ui.preview;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Short texts for waits and times, as a person reads them: "0 s", "197 ms", "2.101 s", "60 s". Stateless. */
final class Times {
  private Times() {}

  static String text(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) return "0 s";
    if (Math.abs(ms) < 1000) return ms + " ms";
    return seconds(ms / 1000.0) + " s";
  }

  /** "1.2–4 s": one unit for both ends, the larger one's. */
  static String band(Duration min, Duration max) {
    if (min.equals(max)) return text(min);
    if (max.toMillis() < 1000) return min.toMillis() + "–" + max.toMillis() + " ms";
    return seconds(min.toMillis() / 1000.0) + "–" + seconds(max.toMillis() / 1000.0) + " s";
  }

  /** Seconds without trailing zeros, at most three decimals: 4, 0.5, 2.101. */
  static String seconds(double s) {
    return BigDecimal.valueOf(Math.round(s * 1000) / 1000.0).stripTrailingZeros().toPlainString();
  }

  /** "4, 8, 16, 32 s". */
  static String secondsList(List<Double> values) {
    return values.stream().map(Times::seconds).collect(Collectors.joining(", ")) + " s";
  }
}
