package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiFunction;

/**
 * Everything the resilient client is told: the fallback chain (required) and each policy, where null means
 * the policy is off. Validated as a whole: the ladder's {@code cached} rung needs the cache on. Immutable and
 * thread-safe. {@link PolicyJson} reads and writes it.
 *
 * @param ladder null = {@link LadderSpec#fullOnly()}: the chain with context, and its failure is the outcome
 */
public record PolicySet(
    ChainSpec chain,
    RetrySpec retry,
    BreakerSpec breaker,
    TimeoutSpec timeout,
    BulkheadSpec bulkhead,
    RateLimiterSpec rateLimiter,
    CacheSpec cache,
    LadderSpec ladder) {

  public PolicySet {
    Checks.notNull("chain", chain);
    boolean cacheOn = cache != null && cache.enabled();
    if (ladder != null && ladder.cached() && !cacheOn)
      throw Checks.fail("ladder.cached needs the cache on (cache.enabled = true)");
  }

  /** Just the chain: no retry, no breaker, nothing else. */
  public static PolicySet of(ChainSpec chain) {
    return new PolicySet(chain, null, null, null, null, null, null, null);
  }

  public LadderSpec ladderOrDefault() {
    return ladder == null ? LadderSpec.fullOnly() : ladder;
  }

  public boolean cacheOn() {
    return cache != null && cache.enabled();
  }

  public PolicySet withChain(ChainSpec v) {
    return new PolicySet(v, retry, breaker, timeout, bulkhead, rateLimiter, cache, ladder);
  }

  public PolicySet withRetry(RetrySpec v) {
    return new PolicySet(chain, v, breaker, timeout, bulkhead, rateLimiter, cache, ladder);
  }

  public PolicySet withBreaker(BreakerSpec v) {
    return new PolicySet(chain, retry, v, timeout, bulkhead, rateLimiter, cache, ladder);
  }

  public PolicySet withTimeout(TimeoutSpec v) {
    return new PolicySet(chain, retry, breaker, v, bulkhead, rateLimiter, cache, ladder);
  }

  public PolicySet withBulkhead(BulkheadSpec v) {
    return new PolicySet(chain, retry, breaker, timeout, v, rateLimiter, cache, ladder);
  }

  public PolicySet withRateLimiter(RateLimiterSpec v) {
    return new PolicySet(chain, retry, breaker, timeout, bulkhead, v, cache, ladder);
  }

  public PolicySet withCache(CacheSpec v) {
    return new PolicySet(chain, retry, breaker, timeout, bulkhead, rateLimiter, v, ladder);
  }

  public PolicySet withLadder(LadderSpec v) {
    return new PolicySet(chain, retry, breaker, timeout, bulkhead, rateLimiter, cache, v);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static PolicySet fromJson(JsonNode node) {
    return read(node, "");
  }

  static PolicySet read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "chain", "retry", "breaker", "timeout", "bulkhead", "rate_limiter", "cache",
        "ladder");
    JsonNode chainNode = f.child("chain");
    if (chainNode == null) throw Checks.fail(f.at("chain") + " must be set: the models to ask, in order");
    ChainSpec chain = ChainSpec.read(chainNode, f.at("chain"));
    RetrySpec retry = optional(f, "retry", RetrySpec::read);
    BreakerSpec breaker = optional(f, "breaker", BreakerSpec::read);
    TimeoutSpec timeout = optional(f, "timeout", TimeoutSpec::read);
    BulkheadSpec bulkhead = optional(f, "bulkhead", BulkheadSpec::read);
    RateLimiterSpec limiter = optional(f, "rate_limiter", RateLimiterSpec::read);
    CacheSpec cache = optional(f, "cache", CacheSpec::read);
    LadderSpec ladder = optional(f, "ladder", LadderSpec::read);
    return JsonFields.build(path,
        () -> new PolicySet(chain, retry, breaker, timeout, bulkhead, limiter, cache, ladder));
  }

  private static <T> T optional(JsonFields f, String key, BiFunction<JsonNode, String, T> reader) {
    JsonNode child = f.child(key);
    return child == null ? null : reader.apply(child, f.at(key));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.set("chain", chain.toJson());
    if (retry != null) n.set("retry", retry.toJson());
    if (breaker != null) n.set("breaker", breaker.toJson());
    if (timeout != null) n.set("timeout", timeout.toJson());
    if (bulkhead != null) n.set("bulkhead", bulkhead.toJson());
    if (rateLimiter != null) n.set("rate_limiter", rateLimiter.toJson());
    if (cache != null) n.set("cache", cache.toJson());
    if (ladder != null) n.set("ladder", ladder.toJson());
    return n;
  }
}
