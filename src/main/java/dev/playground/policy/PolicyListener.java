package dev.playground.policy;

import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
import java.time.Duration;

/**
 * What the policies built here report, so that the engine can publish run events without this package knowing
 * the event bus. Every method has an empty default. Implementations must be thread-safe and quick: they run
 * on Failsafe's threads (or the run clock's), inside the execution.
 */
public interface PolicyListener {
  /** Reports nothing. */
  PolicyListener NONE = new PolicyListener() {};

  /**
   * A retry is scheduled.
   *
   * @param failedAttempt the attempt that just failed, 1-based, counted per model
   * @param delay the wait before the next attempt, exactly as scheduled
   * @param reason {@code retry_after} when the provider's Retry-After set the wait, else {@code backoff}
   * @param retryAfter what the provider asked (before the cap), or null if it did not say
   */
  default void onRetryScheduled(int failedAttempt, Duration delay, RetryReason reason, Duration retryAfter) {}

  /**
   * A series ended without an answer.
   *
   * @param attempts the attempts made
   * @param lastFailure the last failure, or null when the last attempt returned a defective answer
   */
  default void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {}

  /** A breaker changed state; {@code manual} when a person (or the engine on their behalf) asked for it. */
  default void onBreakerStateChanged(BreakerState from, BreakerState to, boolean manual) {}
}
