package dev.playground.scenario;

import dev.playground.engine.AnswerCache;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultKind;
import dev.playground.faults.Target;

/**
 * A response cache as broken as the engine's fault plan says ({@code target: cache}): while a lookup or a store
 * is decided as a fault (anything but ok or slow), the cache neither answers nor stores. Thread-safe.
 */
final class FaultyCache implements AnswerCache {
  private final AnswerCache cache;
  private final FaultInjector faults;

  FaultyCache(AnswerCache cache, FaultInjector faults) {
    this.cache = cache;
    this.faults = faults;
  }

  @Override
  public Lookup lookup(String prompt) {
    String broken = brokenBecause();
    return broken != null ? Lookup.broken(broken) : cache.lookup(prompt);
  }

  @Override
  public void store(String prompt, String content, String provider, String model) {
    if (brokenBecause() == null) cache.store(prompt, content, provider, model);
  }

  @Override
  public double ageMs(Entry e) {
    return cache.ageMs(e);
  }

  private String brokenBecause() {
    FaultDecision d = faults.decide("cache", Target.CACHE);
    return d.isOk() || d.kind() == FaultKind.SLOW ? null : "cache: " + d.kind().wireName();
  }
}
