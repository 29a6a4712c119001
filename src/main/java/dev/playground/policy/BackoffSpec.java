package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Exponential backoff: the wait after failed attempt n is {@code delay × factor^(n−1)}, at most {@code maxDelay}
 * (the retry's {@code delay} is the first wait). Immutable and thread-safe.
 *
 * <p>JSON: {@code {"max_delay_ms": 30000, "factor": 2.0}}; absent fields take these defaults.
 */
public record BackoffSpec(Duration maxDelay, double factor) {
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
  public static final double DEFAULT_FACTOR = 2.0;

  public BackoffSpec {
    maxDelay = Checks.positiveMillis("maxDelay", maxDelay);
    if (!(factor > 1 && factor <= 10)) throw Checks.fail("backoff factor must be in (1, 10], was " + factor);
  }

  /** Doubling up to {@code maxDelay}. */
  public static BackoffSpec upTo(Duration maxDelay) {
    return new BackoffSpec(maxDelay, DEFAULT_FACTOR);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static BackoffSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static BackoffSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "max_delay_ms", "factor");
    Duration maxDelay = f.millis("max_delay_ms", DEFAULT_MAX_DELAY);
    double factor = f.number("factor", DEFAULT_FACTOR);
    return JsonFields.build(path, () -> new BackoffSpec(maxDelay, factor));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    JsonFields.putMillis(n, "max_delay_ms", maxDelay);
    n.put("factor", factor);
    return n;
  }
}
