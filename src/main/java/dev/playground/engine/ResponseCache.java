package dev.playground.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.playground.clock.RunClock;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.Target;
import dev.playground.policy.CacheSpec;
import java.util.Optional;

/**
 * The response cache (Caffeine): good answers by prompt, with the spec's TTL and size, aged on the run clock
 * so that TTLs hold in virtual time too. It can be broken by the engine's fault plan ({@code target: cache}):
 * a broken cache neither answers nor stores. Thread-safe.
 */
final class ResponseCache {
  /** A stored answer and when it was stored (run-clock nanoseconds). */
  record Entry(String content, String provider, String model, long storedNanos) {}

  private final Cache<String, Entry> cache;
  private final RunClock clock;
  private final FaultInjector faults;

  ResponseCache(CacheSpec spec, RunClock clock, FaultInjector faults) {
    this.clock = clock;
    this.faults = faults;
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

  /** The cached answer, empty on a miss; a broken cache reports why instead. */
  Lookup lookup(String prompt) {
    String broken = brokenBecause();
    if (broken != null) return new Lookup(Optional.empty(), broken);
    return new Lookup(Optional.ofNullable(cache.getIfPresent(key(prompt))), null);
  }

  void store(String prompt, String content, String provider, String model) {
    if (brokenBecause() != null) return;
    cache.put(key(prompt), new Entry(content, provider, model, clock.nowNanos()));
  }

  double ageMs(Entry e) {
    return (clock.nowNanos() - e.storedNanos()) / 1e6;
  }

  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private String brokenBecause() {
    if (faults == null) return null;
    FaultDecision d = faults.decide("cache", Target.CACHE);
    return d.isOk() || d.kind() == dev.playground.faults.FaultKind.SLOW ? null : "cache: " + d.kind().wireName();
  }

  /** What a lookup found; {@code broken} names the fault when the cache could not be read. */
  record Lookup(Optional<Entry> entry, String broken) {}
}
