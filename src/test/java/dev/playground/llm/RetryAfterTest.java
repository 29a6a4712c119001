package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  @Test
  void millisecondsWinOverSeconds() {
    var headers = Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("2"));

    assertThat(RetryAfter.from(headers, NOW)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void fractionalMillisecondsAreKept() {
    assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("12.5")), NOW))
        .isEqualTo(Duration.ofMillis(12).plusNanos(500_000));
  }

  @Test
  void secondsAreReadWhenThereAreNoMilliseconds() {
    assertThat(RetryAfter.from(Map.of("retry-after", List.of("2")), NOW)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void anHttpDateIsMeasuredFromTheResponsesDateHeader() {
    var headers = Map.of(
        "retry-after", List.of("Thu, 02 Jan 2025 03:05:00 GMT"),
        "date", List.of("Thu, 02 Jan 2025 03:04:50 GMT"));

    assertThat(RetryAfter.from(headers, NOW)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void anHttpDateWithoutADateHeaderIsMeasuredFromNow() {
    var headers = Map.of("retry-after", List.of("Thu, 02 Jan 2025 03:04:08 GMT"));

    assertThat(RetryAfter.from(headers, NOW)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    var headers = Map.of("retry-after", List.of("Thu, 02 Jan 2025 03:00:00 GMT"));

    assertThat(RetryAfter.from(headers, NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void unreadableOrNegativeValuesAreIgnored() {
    assertThat(RetryAfter.from(Map.of("retry-after", List.of("soon")), NOW)).isNull();
    assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("-5")), NOW)).isNull();
    assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("NaN"), "retry-after", List.of("1")), NOW))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(RetryAfter.from(Map.of(), NOW)).isNull();
  }
}
