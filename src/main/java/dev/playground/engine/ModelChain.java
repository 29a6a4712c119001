package dev.playground.engine;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Fallback;
import dev.failsafe.Policy;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.Scheduler;
import dev.playground.clock.RunClock;
import dev.playground.clock.Seeds;
import dev.playground.events.RetryReason;
import dev.playground.events.Rung;
import dev.playground.llm.CallRef;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.FailureKind;
import dev.playground.llm.LlmFailure;
import dev.playground.policy.ChainSpec;
import dev.playground.policy.ManagedBreaker;
import dev.playground.policy.ModelRef;
import dev.playground.policy.Policies;
import dev.playground.policy.PolicyListener;
import dev.playground.policy.PolicySet;
import dev.playground.policy.RetryPolicies;
import dev.playground.policy.RetryScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The fallback chain of one policy set: for each provider + model in order, a Failsafe execution of
 * retry ▸ rate limiter ▸ bulkhead ▸ breaker around one call, and a Failsafe {@code Fallback} to the next
 * model when it fails. Every call, wait, refusal and fallback is published. Thread-safe; one per policy set.
 *
 * <p>The per-attempt timeout is the call's own ({@link ChatRequest#timeout()}: the SDK's request timeout,
 * or the simulated model's on the run clock). Failsafe's {@code Timeout} would stop waiting but leave the
 * HTTP call running, and it runs on Failsafe's own scheduler, outside the run clock.
 */
final class ModelChain {
  /** A good (or accepted) answer and the model that gave it. */
  record Served(ChatAnswer answer, ModelRef ref) {}

  private final PolicySet policies;
  private final ChainSpec chain;
  private final ModelDirectory models;
  private final Breakers breakers;
  private final EngineEvents events;
  private final RunClock clock;
  private final Scheduler scheduler;
  private final long seed;
  private final Set<FailureKind> failIfStill;

  ModelChain(PolicySet policies, ModelDirectory models, Breakers breakers, EngineEvents events, RunClock clock,
      long seed) {
    this.policies = policies;
    this.chain = policies.chain();
    this.models = models;
    this.breakers = breakers;
    this.events = events;
    this.clock = clock;
    this.scheduler = clock::schedule;
    this.seed = seed;
    this.failIfStill = policies.retry() == null ? Set.of() : policies.retry().retryOnResult();
  }

  /** Runs the chain for one rung of one request. Fails with the last model's failure. */
  CompletableFuture<Served> run(RequestTrace t, ChatRequest request, Rung rung) {
    return Futures.then(from(0, t, request, rung), o -> o.failed()
        ? Futures.failed(o.failure())
        : CompletableFuture.completedFuture(new Served(o.value(), t.answeredBy())));
  }

  /**
   * Model {@code i} in one Failsafe execution: fallback to model i + 1 (unless it is the last) ▸ retry ▸ rate
   * limiter ▸ bulkhead ▸ breaker ▸ call. One execution per model keeps the healthy path to one Failsafe
   * execution; on a live clock {@link InlineStart} spares it the thread switch to the first attempt.
   */
  private CompletableFuture<ChatAnswer> from(int i, RequestTrace t, ChatRequest request, Rung rung) {
    ModelRef ref = chain.model(i);
    boolean last = i == chain.size() - 1;
    ChatModel model = models.model(ref);
    ManagedBreaker breaker = breakers.breaker(ref);
    InlineStart start = clock.isVirtual() ? null : new InlineStart(clock);
    RetryPolicy<ChatAnswer> retry = policies.retry() == null
        ? null
        : RetryPolicies.build(policies.retry(), RetryScope.of(seed, t.req, i, clock), retryListener(t, ref, start));
    List<Policy<ChatAnswer>> list = new ArrayList<>();
    if (!last) list.add(fallbackTo(i + 1, t, request, rung));
    list.addAll(Policies.compose(retry, breakers.rateLimiter(ref), breakers.bulkhead(ref),
        breaker == null ? null : breaker.policy()));
    FailsafeExecutor<ChatAnswer> executor = (list.isEmpty() ? Failsafe.<ChatAnswer>none() : Failsafe.with(list))
        .with(start == null ? scheduler : start);
    CompletableFuture<ChatAnswer> done = executor.getStageAsync(ctx -> {
      if (start != null) start.over();
      return attempt(t, ref, model, request, rung, ctx.getAttemptCount() + 1);
    });
    if (start != null) start.over();
    if (!last) return done;
    return Futures.then(done, o -> {
      Throwable failure = o.failed() ? o.failure() : stillDefective(ref, o.value());
      if (failure == null) return CompletableFuture.completedFuture(o.value());
      noteRefusal(t, ref, failure);
      return Futures.failed(failure);
    });
  }

  /** Failsafe's Fallback to the rest of the chain: on any failure, or an answer still defective after retries. */
  private Fallback<ChatAnswer> fallbackTo(int next, RequestTrace t, ChatRequest request, Rung rung) {
    ModelRef from = chain.model(next - 1);
    return Fallback.<ChatAnswer>builderOfStage(e -> {
      Throwable failure = e.getLastException() != null
          ? Futures.unwrap(e.getLastException())
          : stillDefective(from, e.getLastResult());
      noteRefusal(t, from, failure);
      events.fallbackUsed(t, from, chain.model(next), reason(failure));
      return from(next, t, request, rung);
    }).handleIf((answer, failure) -> failure != null || stillDefective(from, answer) != null).build();
  }

  /** A failure for an answer whose defect the retry treats as a failure, or null. */
  private LlmFailure stillDefective(ModelRef ref, ChatAnswer answer) {
    if (answer == null) return null;
    Optional<FailureKind> defect = answer.defect();
    if (defect.isEmpty() || !failIfStill.contains(defect.get())) return null;
    return LlmFailure.of(defect.get(), ref.key() + " still answered " + defect.get().wireName() + " after its last attempt");
  }

  private CompletableFuture<ChatAnswer> attempt(
      RequestTrace t, ModelRef ref, ChatModel model, ChatRequest request, Rung rung, int modelAttempt) {
    int attempt = t.nextAttempt();
    events.attemptStarted(t, attempt, modelAttempt, ref, rung);
    long started = clock.nowNanos();
    CompletableFuture<ChatAnswer> call;
    try {
      call = model.chat(request.withCall(call(t, rung, ref, modelAttempt)));
    } catch (RuntimeException e) {
      call = Futures.failed(e);
    }
    return Futures.then(call, o -> {
      double latencyMs = (clock.nowNanos() - started) / 1e6;
      if (o.failed()) {
        LlmFailure f = asFailure(o.failure());
        t.failed(f.kind().wireName());
        events.attemptFailed(t, attempt, modelAttempt, ref, rung, f, latencyMs);
        return Futures.failed(f);
      }
      o.value().defect().ifPresent(d -> t.failed(d.wireName()));
      t.answered(ref);
      events.attemptAnswered(t, attempt, modelAttempt, ref, rung, o.value(), latencyMs);
      return CompletableFuture.completedFuture(o.value());
    });
  }

  /** Names the logical call: the same request, rung and model give the same key whatever the policies. */
  private static CallRef call(RequestTrace t, Rung rung, ModelRef ref, int modelAttempt) {
    return new CallRef(Seeds.mix(t.req, rung.ordinal(), Seeds.of(ref.key()), modelAttempt), modelAttempt - 1);
  }

  private PolicyListener retryListener(RequestTrace t, ModelRef ref, InlineStart start) {
    return new PolicyListener() {
      @Override
      public void onRetryScheduled(int failedAttempt, Duration delay, RetryReason reason, Duration retryAfter) {
        if (start != null) start.over();
        events.retryScheduled(t, ref, delay, reason, retryAfter);
      }
    };
  }

  private void noteRefusal(RequestTrace t, ModelRef ref, Throwable failure) {
    if (failure instanceof CircuitBreakerOpenException) {
      t.failed("rejected");
      events.breakerRejected(t, ref.key());
    } else if (failure instanceof BulkheadFullException) {
      t.failed("rejected");
      events.throttled(t, "bulkhead", true);
    } else if (failure instanceof RateLimitExceededException) {
      t.failed("rejected");
      events.throttled(t, "rate_limiter", true);
    }
  }

  static LlmFailure asFailure(Throwable t) {
    Throwable e = Futures.unwrap(t);
    if (e instanceof LlmFailure f) return f;
    return new LlmFailure(FailureKind.UNKNOWN, String.valueOf(e.getMessage()), 0, null, null, null, null, e);
  }

  static String reason(Throwable t) {
    Throwable e = t == null ? null : Futures.unwrap(t);
    if (e == null) return "unknown";
    if (e instanceof CircuitBreakerOpenException) return "breaker_open";
    if (e instanceof BulkheadFullException) return "bulkhead_full";
    if (e instanceof RateLimitExceededException) return "rate_limited_locally";
    if (e instanceof LlmFailure f) return f.kind().wireName();
    return e.getClass().getSimpleName();
  }
}
