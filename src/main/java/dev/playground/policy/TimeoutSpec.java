package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The longest one attempt may take; a slower attempt fails as a {@code timeout} (and may be retried).
 * Immutable and thread-safe. JSON: {@code {"per_attempt_ms": 30000}}.
 */
public record TimeoutSpec(Duration perAttempt) {
  public static final Duration DEFAULT_PER_ATTEMPT = Duration.ofSeconds(30);

  public TimeoutSpec {
    perAttempt = Checks.positiveMillis("perAttempt", perAttempt);
  }

  public static TimeoutSpec of(Duration perAttempt) {
    return new TimeoutSpec(perAttempt);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static TimeoutSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static TimeoutSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "per_attempt_ms");
    Duration d = f.millis("per_attempt_ms", DEFAULT_PER_ATTEMPT);
    return JsonFields.build(path, () -> new TimeoutSpec(d));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    JsonFields.putMillis(n, "per_attempt_ms", perAttempt);
    return n;
  }
}
