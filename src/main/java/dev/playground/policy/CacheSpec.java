package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The response cache: successful answers kept for {@code ttl}, at most {@code maxSize} of them. With
 * {@code checkFirst} a cached answer is returned before any call is made, as the lesson's complete client and
 * ResilientQA do; without it the cache is only the ladder's {@code cached} rung. Immutable and thread-safe.
 * JSON: {@code {"enabled": true, "ttl_ms": 600000, "max_size": 1000, "check_first": false}}.
 */
public record CacheSpec(boolean enabled, Duration ttl, int maxSize, boolean checkFirst) {
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_SIZE = 1000;

  public CacheSpec {
    ttl = Checks.positiveMillis("ttl", ttl);
    Checks.range("maxSize", maxSize, 1, 1_000_000);
    if (checkFirst && !enabled) throw Checks.fail("checkFirst needs the cache enabled");
  }

  /** On, 10 minutes, 1000 answers, used as the ladder's cached rung only. */
  public static CacheSpec defaults() {
    return new CacheSpec(true, DEFAULT_TTL, DEFAULT_MAX_SIZE, false);
  }

  public CacheSpec withCheckFirst(boolean value) {
    return new CacheSpec(enabled, ttl, maxSize, value);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static CacheSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static CacheSpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "enabled", "ttl_ms", "max_size", "check_first");
    boolean enabled = f.bool("enabled", true);
    Duration ttl = f.millis("ttl_ms", DEFAULT_TTL);
    int max = f.integer("max_size", DEFAULT_MAX_SIZE);
    boolean first = f.bool("check_first", false);
    return JsonFields.build(path, () -> new CacheSpec(enabled, ttl, max, first));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.put("enabled", enabled);
    JsonFields.putMillis(n, "ttl_ms", ttl);
    n.put("max_size", maxSize);
    n.put("check_first", checkFirst);
    return n;
  }
}
