package dev.playground.policy;

import dev.failsafe.Bulkhead;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Policy;
import dev.failsafe.RateLimiter;
import dev.failsafe.RateLimiterBuilder;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.playground.llm.ChatAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Failsafe policies without state of their own (timeout, bulkhead, rate limiter) and puts a
 * model's policies in their one order. Stateless and thread-safe. See {@link RetryPolicies} for the retry
 * and {@link ManagedBreaker} for the breaker.
 *
 * <p>The order, outermost first: fallback to the next model ▸ retry ▸ rate limiter ▸ bulkhead ▸ breaker ▸
 * timeout ▸ call. The retry is outside everything else so that each attempt takes its own permit, slot and
 * breaker verdict, and an open breaker stops the retries at once. The rate limiter and the bulkhead sit
 * outside the breaker so that the breaker only sees calls that were really sent (their own refusals are
 * neither failures nor successes of the provider). The timeout is innermost: it bounds one attempt, not the
 * series.
 *
 * <p>Time: Failsafe's {@code Timeout} always runs on its own scheduler, and its rate limiter and the
 * breaker's rate window read the wall clock. In virtual time, leave the timeout policy out and give the
 * per-attempt timeout to the model itself ({@code ChatRequest.timeout}).
 */
public final class Policies {
  /** The composition order, outermost first, as the code view names the policies. */
  public static final List<String> ORDER =
      List.of("fallback", "retry", "rate_limiter", "bulkhead", "breaker", "timeout");

  private Policies() {}

  public static Timeout<ChatAnswer> timeout(TimeoutSpec spec) {
    return Timeout.<ChatAnswer>builder(spec.perAttempt()).build();
  }

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
   * One model's policies in {@link #ORDER} (without the fallback, which the engine's chain provides), for
   * {@code Failsafe.with(list)}. Null policies are off and left out; the retry and the breaker are required.
   */
  public static List<Policy<ChatAnswer>> compose(
      RetryPolicy<ChatAnswer> retry,
      RateLimiter<ChatAnswer> rateLimiter,
      Bulkhead<ChatAnswer> bulkhead,
      CircuitBreaker<ChatAnswer> breaker,
      Timeout<ChatAnswer> timeout) {
    List<Policy<ChatAnswer>> list = new ArrayList<>();
    if (retry != null) list.add(retry);
    if (rateLimiter != null) list.add(rateLimiter);
    if (bulkhead != null) list.add(bulkhead);
    if (breaker != null) list.add(breaker);
    if (timeout != null) list.add(timeout);
    return List.copyOf(list);
  }
}
