package dev.playground.policy;

import dev.playground.events.RetryReason;
import java.time.Duration;

/**
 * One wait before a retry and why it is that long. Immutable and thread-safe.
 *
 * @param retryAfter what the provider asked (before the cap), or null if it did not say
 */
public record RetryDelay(Duration delay, RetryReason reason, Duration retryAfter) {
  public RetryDelay {
    Checks.notNull("delay", delay);
    Checks.notNull("reason", reason);
  }
}
