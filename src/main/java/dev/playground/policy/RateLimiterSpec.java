package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import java.time.Duration;

/**
 * At most {@code permits} calls per {@code period}: {@code smooth} spaces them evenly (one every
 * period ÷ permits), {@code bursty} hands out all the period's permits at once and refills them each period.
 * A call waits up to {@code maxWait} for a permit, then is refused without being sent. Immutable and
 * thread-safe. JSON: {@code {"mode": "smooth", "permits": 10, "period_ms": 1000, "max_wait_ms": 0}}.
 */
public record RateLimiterSpec(Mode mode, int permits, Duration period, Duration maxWait) {
  public static final int DEFAULT_PERMITS = 10;
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

  public RateLimiterSpec {
    Checks.notNull("mode", mode);
    Checks.range("permits", permits, 1, 1_000_000);
    period = Checks.positiveMillis("period", period);
    maxWait = Checks.millis("maxWait", maxWait);
    if (mode == Mode.SMOOTH && period.toNanos() / permits == 0)
      throw Checks.fail("period (" + Checks.ms(period) + ") ÷ permits (" + permits + ") must be ≥ 1 ns");
  }

  /** How permits are handed out. Immutable. */
  public enum Mode implements WireName {
    SMOOTH("smooth"),
    BURSTY("bursty");

    private final String wireName;

    Mode(String wireName) {
      this.wireName = wireName;
    }

    @JsonValue
    @Override
    public String wireName() {
      return wireName;
    }

    @JsonCreator
    public static Mode fromWireName(String name) {
      return WireNames.require(Mode.class, name, "mode");
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RateLimiterSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static RateLimiterSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "mode", "permits", "period_ms", "max_wait_ms");
    String mode = f.text("mode", Mode.SMOOTH.wireName());
    int permits = f.integer("permits", DEFAULT_PERMITS);
    Duration period = f.millis("period_ms", DEFAULT_PERIOD);
    Duration wait = f.millis("max_wait_ms", Duration.ZERO);
    return JsonFields.build(path, () -> new RateLimiterSpec(Mode.fromWireName(mode), permits, period, wait));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.put("mode", mode.wireName());
    n.put("permits", permits);
    JsonFields.putMillis(n, "period_ms", period);
    JsonFields.putMillis(n, "max_wait_ms", maxWait);
    return n;
  }
}
