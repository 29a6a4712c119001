package dev.playground.engine;

import dev.failsafe.Bulkhead;
import dev.failsafe.RateLimiter;
import dev.playground.clock.RunClock;
import dev.playground.events.BreakerState;
import dev.playground.llm.ChatAnswer;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.ModelRef;
import dev.playground.policy.Policies;
import dev.playground.policy.PolicyListener;
import dev.playground.policy.PolicySet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policies with state that outlive a request, one set per provider + model: the circuit breaker, the
 * bulkhead and the rate limiter. Built on first use; kept across policy changes when their spec is unchanged.
 * Thread-safe.
 */
final class Breakers {
  private final RunClock clock;
  private final EngineEvents events;
  private final Map<String, ManagedBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, Bulkhead<ChatAnswer>> bulkheads = new ConcurrentHashMap<>();
  private final Map<String, RateLimiter<ChatAnswer>> rateLimiters = new ConcurrentHashMap<>();
  private volatile PolicySet policies;

  Breakers(PolicySet policies, RunClock clock, EngineEvents events) {
    this.policies = policies;
    this.clock = clock;
    this.events = events;
    for (ModelRef ref : policies.chain().models()) breaker(ref);
  }

  /** Takes new settings: breakers, bulkheads and rate limiters whose spec changed start afresh. */
  synchronized void update(PolicySet next) {
    PolicySet before = policies;
    policies = next;
    if (!Objects.equals(before.breaker(), next.breaker())) breakers.clear();
    if (!Objects.equals(before.bulkhead(), next.bulkhead())) bulkheads.clear();
    if (!Objects.equals(before.rateLimiter(), next.rateLimiter())) rateLimiters.clear();
    for (ModelRef ref : next.chain().models()) breaker(ref);
  }

  /** The breaker of this model, or null when the breaker policy is off. */
  ManagedBreaker breaker(ModelRef ref) {
    BreakerSpec spec = policies.breaker();
    if (spec == null) return null;
    return breakers.computeIfAbsent(ref.key(), key -> {
      var holder = new ManagedBreaker[1];
      PolicyListener listener = new PolicyListener() {
        @Override
        public void onBreakerStateChanged(BreakerState from, BreakerState to, boolean manual) {
          double rate = holder[0] == null ? 0 : holder[0].failureRate();
          events.breakerChanged(key, from, to, rate, manual);
        }
      };
      holder[0] = ManagedBreaker.onRunClock(spec, key, clock, listener);
      return holder[0];
    });
  }

  Bulkhead<ChatAnswer> bulkhead(ModelRef ref) {
    var spec = policies.bulkhead();
    return spec == null ? null : bulkheads.computeIfAbsent(ref.key(), k -> Policies.bulkhead(spec));
  }

  RateLimiter<ChatAnswer> rateLimiter(ModelRef ref) {
    var spec = policies.rateLimiter();
    return spec == null ? null : rateLimiters.computeIfAbsent(ref.key(), k -> Policies.rateLimiter(spec));
  }

  /** Every breaker so far, by "provider/model", in chain order. */
  Map<String, ManagedBreaker> all() {
    Map<String, ManagedBreaker> ordered = new LinkedHashMap<>();
    for (ModelRef ref : policies.chain().models()) {
      ManagedBreaker b = breakers.get(ref.key());
      if (b != null) ordered.put(ref.key(), b);
    }
    breakers.forEach(ordered::putIfAbsent);
    return Collections.unmodifiableMap(ordered);
  }
}
