package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * At most {@code maxConcurrent} calls in flight; a call waits up to {@code maxWait} for a free slot, then is
 * refused without being sent. Immutable and thread-safe.
 * JSON: {@code {"max_concurrent": 4, "max_wait_ms": 0}}.
 */
public record BulkheadSpec(int maxConcurrent, Duration maxWait) {
  public static final int DEFAULT_MAX_CONCURRENT = 4;

  public BulkheadSpec {
    Checks.range("maxConcurrent", maxConcurrent, 1, 10_000);
    maxWait = Checks.millis("maxWait", maxWait);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static BulkheadSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static BulkheadSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "max_concurrent", "max_wait_ms");
    int max = f.integer("max_concurrent", DEFAULT_MAX_CONCURRENT);
    Duration wait = f.millis("max_wait_ms", Duration.ZERO);
    return JsonFields.build(path, () -> new BulkheadSpec(max, wait));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.put("max_concurrent", maxConcurrent);
    JsonFields.putMillis(n, "max_wait_ms", maxWait);
    return n;
  }
}
