package dev.playground.policy;

import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.FailsafeException;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.TimeoutExceededException;
import dev.playground.common.Causes;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.FailureKind;
import dev.playground.llm.LlmFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Puts what a call or a policy threw onto the failure taxonomy, the way every policy here sees it.
 * Stateless and thread-safe.
 */
public final class Failures {
  private Failures() {}

  /** The failure inside the wrappers futures and Failsafe put around it. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = Causes.unwrap(t);
    while (e instanceof FailsafeException && e.getCause() != null) e = Causes.unwrap(e.getCause());
    return e;
  }

  /**
   * The kind of a failure: an {@link LlmFailure}'s own kind, {@code timeout} for a Failsafe {@code Timeout}
   * that fired, {@code unknown} for anything else (including refusals by our own policies, see
   * {@link #isRefusal}).
   */
  public static FailureKind kindOf(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof LlmFailure f) return f.kind();
    if (e instanceof TimeoutExceededException) return FailureKind.TIMEOUT;
    return FailureKind.UNKNOWN;
  }

  /** True when the failure is one of {@code kinds}. */
  public static boolean isAny(Throwable t, Set<FailureKind> kinds) {
    return t != null && kinds.contains(kindOf(t));
  }

  /** True when an open (or saturated half-open) breaker refused the call: nothing was sent. */
  public static boolean isBreakerOpen(Throwable t) {
    return unwrap(t) instanceof CircuitBreakerOpenException;
  }

  /** True when one of our own policies (breaker, bulkhead, rate limiter) refused the call before sending it. */
  public static boolean isRefusal(Throwable t) {
    Throwable e = unwrap(t);
    return e instanceof CircuitBreakerOpenException
        || e instanceof BulkheadFullException
        || e instanceof RateLimitExceededException;
  }

  /** What the provider asked us to wait, if the failure says. */
  public static Optional<Duration> retryAfter(Throwable t) {
    return unwrap(t) instanceof LlmFailure f ? f.retryAfter() : Optional.empty();
  }

  /** True when {@code answer} has a defect among {@code defects}. */
  public static boolean hasDefect(ChatAnswer answer, Set<FailureKind> defects) {
    return answer != null && answer.defect().filter(defects::contains).isPresent();
  }
}
