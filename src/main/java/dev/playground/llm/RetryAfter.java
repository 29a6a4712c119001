package dev.playground.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads how long a provider asked us to wait: {@code retry-after-ms} first (OpenAI's, may be fractional),
 * else {@code retry-after} in seconds or as an HTTP date. Stateless and thread-safe.
 */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * @param headers response headers with lower-case names
   * @param now the instant to measure an HTTP date from (the response's {@code date} header wins if present)
   * @return the wait, never negative, or null if the headers ask for none or say nothing readable
   */
  static Duration from(Map<String, List<String>> headers, Instant now) {
    Duration ms = number(first(headers, "retry-after-ms"), 1);
    if (ms != null) return ms;
    String value = first(headers, "retry-after");
    if (value == null) return null;
    Duration seconds = number(value, 1000);
    if (seconds != null) return seconds;
    Instant at = httpDate(value);
    if (at == null) return null;
    Instant reference = httpDate(first(headers, "date"));
    Duration wait = Duration.between(reference != null ? reference : now, at);
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  private static Duration number(String value, long millisPerUnit) {
    if (value == null) return null;
    try {
      double amount = Double.parseDouble(value.trim());
      if (Double.isNaN(amount) || Double.isInfinite(amount) || amount < 0) return null;
      return Duration.ofNanos(Math.round(amount * millisPerUnit * 1_000_000d));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant httpDate(String value) {
    if (value == null) return null;
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
