package dev.playground.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.playground.clock.RunClock;
import dev.playground.policy.CacheSpec;
import java.util.Optional;

/**
 * The response cache (Caffeine): good answers by prompt, with the spec's TTL and size, aged on the run clock
 * so that TTLs hold in virtual time too. Thread-safe.
 */
final class ResponseCache implements AnswerCache {
  private final Cache<String, Entry> cache;
  private final RunClock clock;

  ResponseCache(CacheSpec spec, RunClock clock) {
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(spec.maxSize())
        .expireAfterWrite(spec.ttl())
        .ticker(clock::nowNanos)
        .executor(Runnable::run) // maintenance on the caller: deterministic in virtual time
        .build();
  }

  static String key(String prompt) {
    return prompt.strip();
  }

  @Override
  public Lookup lookup(String prompt) {
    return new Lookup(Optional.ofNullable(cache.getIfPresent(key(prompt))), null);
  }

  @Override
  public void store(String prompt, String content, String provider, String model) {
    cache.put(key(prompt), new Entry(content, provider, model, clock.nowNanos()));
  }

  @Override
  public double ageMs(Entry e) {
    return (clock.nowNanos() - e.storedNanos()) / 1e6;
  }

  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
