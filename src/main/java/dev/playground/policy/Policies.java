package dev.playground.policy;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.failsafe.RateLimiterBuilder;
import dev.failsafe.RetryPolicy;
import dev.playground.llm.ChatAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Failsafe policies without state of their own (bulkhead, rate limiter) and puts a model's policies
 * in their one order. Stateless and thread-safe. See {@link RetryPolicies} for the retry and
 * {@link ManagedBreaker} for the breaker.
 *
 * <p>The order, outermost first: fallback to the next model ▸ retry ▸ rate limiter ▸ bulkhead ▸ breaker ▸
 * call. The retry is outside everything else so that each attempt takes its own permit, slot and breaker
 * verdict, and an open breaker stops the retries at once. The rate limiter and the bulkhead sit outside the
 * breaker so that the breaker only sees calls that were really sent (their own refusals are neither failures
 * nor successes of the provider).
 *
 * <p>The per-attempt timeout is not a Failsafe {@code Timeout} here: Failsafe's runs on its own scheduler
 * (outside the run clock) and stops waiting without stopping the HTTP call. The model gets it instead
 * ({@code ChatRequest.timeout}: the SDK's request timeout, which aborts the call, or the simulated model's on
 * the run clock). Failsafe's rate limiter and the breaker's rate window read the wall clock.
 */
public final class Policies {
  private Policies() {}

  public static Bulkhead<ChatAnswer> bulkhead(BulkheadSpec spec) {
    return Bulkhead.<ChatAnswer>builder(spec.maxConcurrent()).withMaxWaitTime(spec.maxWait()).build();
  }

  public static RateLimiter<ChatAnswer> rateLimiter(RateLimiterSpec spec) {
    RateLimiterBuilder<ChatAnswer> b = spec.mode() == RateLimiterSpec.Mode.SMOOTH
        ? RateLimiter.smoothBuilder(spec.permits(), spec.period())
        : RateLimiter.burstyBuilder(spec.permits(), spec.period());
    return b.withMaxWaitTime(spec.maxWait()).build();
  }

  /**
   * One model's policies in their order (without the fallback, which the engine's chain provides), for
   * {@code Failsafe.with(list)}. Any of them may be null: that policy is off and left out.
   */
  public static List<Policy<ChatAnswer>> compose(
      RetryPolicy<ChatAnswer> retry,
      RateLimiter<ChatAnswer> rateLimiter,
      Bulkhead<ChatAnswer> bulkhead,
      CircuitBreaker<ChatAnswer> breaker) {
    List<Policy<ChatAnswer>> list = new ArrayList<>();
    if (retry != null) list.add(retry);
    if (rateLimiter != null) list.add(rateLimiter);
    if (bulkhead != null) list.add(bulkhead);
    if (breaker != null) list.add(breaker);
    return List.copyOf(list);
  }
}
