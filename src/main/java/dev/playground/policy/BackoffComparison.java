package dev.playground.policy;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson preset's backoff three ways, waits in seconds after attempts 1, 2 …: what the lesson's table says
 * (where it has one), what tenacity really computes for the same Python settings, and what the Failsafe
 * translation most people would write, {@code withBackoff(first wait, max, exp_base)}, does (computed by a
 * real Failsafe policy through its {@code Execution} API). Immutable and thread-safe.
 *
 * @param python the tenacity settings, as the lesson writes them
 * @param lessonSays the lesson's own table, or empty when it has none for these settings
 * @param failsafeCode the translation whose waits are {@code failsafe}
 */
public record BackoffComparison(
    String python,
    List<Double> lessonSays,
    List<Double> tenacity,
    String failsafeCode,
    List<Double> failsafe) {

  /**
   * The lesson's "Backoff timing" table for {@code wait_exponential(multiplier=1, min=4, max=60)} with
   * {@code stop_after_attempt(5)}: one wait per attempt, doubling from the minimum.
   */
  public static final List<Double> LESSON_TABLE = List.of(4.0, 8.0, 16.0, 32.0, 60.0);

  public BackoffComparison {
    lessonSays = List.copyOf(lessonSays);
    tenacity = List.copyOf(tenacity);
    failsafe = List.copyOf(failsafe);
  }

  /** The lesson's example: its table (4, 8, 16, 32, 60) against tenacity (4, 4, 4, 8) and Failsafe (4, 8, 16, 32). */
  public static BackoffComparison lessonExample() {
    return of(Tenacity.waitExponential(1, 4, 60), 5, LESSON_TABLE);
  }

  /** Tenacity against Failsafe for any preset's settings, without a lesson table. */
  public static BackoffComparison of(Tenacity.WaitExponential wait, int stopAfterAttempt) {
    return of(wait, stopAfterAttempt, List.of());
  }

  static BackoffComparison of(Tenacity.WaitExponential wait, int stopAfterAttempt, List<Double> lessonSays) {
    if (stopAfterAttempt < 1) throw Checks.fail("stopAfterAttempt must be ≥ 1, was " + stopAfterAttempt);
    String python = "@retry(stop=stop_after_attempt(" + stopAfterAttempt + "), wait=" + wait.python() + ")";
    long firstMs = seconds(Math.max(wait.min(), wait.multiplier()));
    long maxMs = seconds(wait.max());
    RetryPolicyBuilder<Object> b = RetryPolicy.builder().withMaxAttempts(stopAfterAttempt);
    String code;
    if (firstMs > 0 && firstMs < maxMs && wait.expBase() > 1) {
      b.withBackoff(Duration.ofMillis(firstMs), Duration.ofMillis(maxMs), wait.expBase());
      code = "RetryPolicy.builder().withMaxAttempts(" + stopAfterAttempt + ").withBackoff("
          + Java.duration(Duration.ofMillis(firstMs)) + ", " + Java.duration(Duration.ofMillis(maxMs))
          + (wait.expBase() == 2 ? "" : ", " + Java.number(wait.expBase())) + ")";
    } else {
      b.withDelay(Duration.ofMillis(Math.min(firstMs, maxMs)));
      code = "RetryPolicy.builder().withMaxAttempts(" + stopAfterAttempt + ").withDelay("
          + Java.duration(Duration.ofMillis(Math.min(firstMs, maxMs))) + ")";
    }
    List<Double> failsafe = new ArrayList<>();
    Execution<Object> execution = Execution.of(b.build());
    while (true) {
      execution.recordException(new RuntimeException("fails"));
      if (execution.isComplete()) break;
      failsafe.add(execution.getDelay().toMillis() / 1000.0);
    }
    return new BackoffComparison(python, lessonSays, wait.schedule(stopAfterAttempt), code, failsafe);
  }

  /** Seconds as whole milliseconds, at most a day (tenacity's default max is effectively infinite). */
  private static long seconds(double s) {
    return (long) Math.min(s * 1000, Checks.ONE_DAY.toMillis());
  }
}
