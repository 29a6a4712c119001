package dev.playground.policy;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.playground.llm.ChatAnswer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Builds the Failsafe retry policy for one series of attempts at one model. Stateless and thread-safe; the
 * policy it builds is thread-safe too, but belongs to one series: build it right before the execution it
 * guards (it is cheap), because its jitter coordinates and its time budget are that series'.
 *
 * <ul>
 *   <li>Retried: failures in {@code retryOn}, and answers with a defect in {@code retryOnResult}.
 *   <li>Stopped at once ({@code abortOn}): failures in {@code abortOn}, and a refusal by the model's open
 *       breaker, so that the request moves down the chain instead of waiting for this model.
 *   <li>Every wait is computed by {@link RetryDelays#decide} in {@code withDelayFn}: seeded jitter,
 *       Retry-After up to its cap, the time budget. {@code withJitter} is never used (it calls
 *       {@code Math.random()}, and would jitter the computed waits again).
 *   <li>The time budget ({@code maxTotalDuration}) is measured on the scope's clock, from the moment the policy
 *       is built, so it holds in virtual time too; Failsafe's {@code withMaxDuration} would read the wall
 *       clock. A failure once the budget is spent stops the series; a wait never goes past it.
 * </ul>
 */
public final class RetryPolicies {
  private RetryPolicies() {}

  public static RetryPolicy<ChatAnswer> build(RetrySpec spec, RetryScope scope, PolicyListener listener) {
    Checks.notNull("spec", spec);
    Checks.notNull("scope", scope);
    PolicyListener report = listener == null ? PolicyListener.NONE : listener;
    LongSupplier clock = scope.nanoClock();
    long start = clock.getAsLong();
    AtomicReference<RetryDelay> lastDelay = new AtomicReference<>();

    RetryPolicyBuilder<ChatAnswer> b = RetryPolicy.<ChatAnswer>builder()
        .withMaxAttempts(spec.maxAttempts())
        .handleIf(e -> handles(spec, e))
        .abortOn(e -> aborts(spec, e))
        .abortIf((answer, e) -> budgetSpent(spec, clock, start))
        .withDelayFn(ctx -> {
          Duration remaining = spec.maxTotalDuration().isZero()
              ? null
              : spec.maxTotalDuration().minusNanos(clock.getAsLong() - start);
          RetryDelay d = RetryDelays.decide(spec, ctx.getAttemptCount(), ctx.getLastException(),
              scope.runSeed(), scope.request(), scope.modelIndex(), remaining);
          lastDelay.set(d);
          return d.delay();
        })
        .onRetryScheduled(ev -> {
          RetryDelay d = lastDelay.get();
          report.onRetryScheduled(ev.getAttemptCount(), ev.getDelay(), d.reason(), d.retryAfter());
        })
        .onRetriesExceeded(ev -> report.onRetriesStopped(ev.getAttemptCount(), RetryStop.MAX_ATTEMPTS,
            ev.getException()))
        .onAbort(ev -> report.onRetriesStopped(ev.getAttemptCount(), whyAborted(spec, ev.getException()),
            ev.getException()))
        .onSuccess(ev -> {
          if (ev.getException() != null)
            report.onRetriesStopped(ev.getAttemptCount(), RetryStop.NOT_RETRIED, ev.getException());
        });
    if (!spec.retryOnResult().isEmpty())
      b.handleResultIf(answer -> Failures.hasDefect(answer, spec.retryOnResult()));
    return b.build();
  }

  /** Failures the policy looks at: retried ones, and the ones that stop it (so that it reports why). */
  static boolean handles(RetrySpec spec, Throwable e) {
    return Failures.isAny(e, spec.retryOn()) || aborts(spec, e);
  }

  static boolean aborts(RetrySpec spec, Throwable e) {
    return Failures.isBreakerOpen(e) || Failures.isAny(e, spec.abortOn());
  }

  private static boolean budgetSpent(RetrySpec spec, LongSupplier clock, long start) {
    return !spec.maxTotalDuration().isZero() && clock.getAsLong() - start >= spec.maxTotalDuration().toNanos();
  }

  private static RetryStop whyAborted(RetrySpec spec, Throwable e) {
    if (e != null && Failures.isBreakerOpen(e)) return RetryStop.BREAKER_OPEN;
    if (e != null && Failures.isAny(e, spec.abortOn())) return RetryStop.ABORT_ON;
    return RetryStop.MAX_DURATION;
  }
}
