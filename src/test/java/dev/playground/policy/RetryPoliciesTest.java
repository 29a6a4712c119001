package dev.playground.policy;

import static dev.playground.llm.FailureKind.AUTH;
import static dev.playground.llm.FailureKind.EMPTY_ANSWER;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.llm.FailureKind.UNKNOWN;
import static dev.playground.policy.Fixtures.answer;
import static dev.playground.policy.Fixtures.empty;
import static dev.playground.policy.Fixtures.failure;
import static dev.playground.policy.Fixtures.rateLimited;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Execution;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.playground.clock.VirtualClock;
import dev.playground.events.RetryReason;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {
  private static final long SEED = 42;

  static RetryPolicy<ChatAnswer> policy(RetrySpec spec, long seed, long request, int model, PolicyListener l) {
    return RetryPolicies.build(spec, new RetryScope(seed, request, model, () -> 0L), l);
  }

  static RetryPolicy<ChatAnswer> policy(RetrySpec spec) {
    return policy(spec, SEED, 0, 0, PolicyListener.NONE);
  }

  /** Every wait the policy schedules when every attempt fails with {@code failure}: no sleeping. */
  static <R> List<Long> delaysMs(RetryPolicy<R> policy, Throwable failure) {
    Execution<R> execution = Execution.of(policy);
    List<Long> delays = new ArrayList<>();
    while (true) {
      execution.recordException(failure);
      if (execution.isComplete()) return delays;
      delays.add(execution.getDelay().toMillis());
    }
  }

  @Test
  void aFixedDelayWaitsTheSameEachTime() {
    assertThat(delaysMs(policy(RetrySpec.defaults()), failure(SERVER_ERROR))).containsExactly(2000L, 2000L);
  }

  @Test
  void backoffDoublesUntilTheCap() {
    var spec = RetrySpec.defaults().withMaxAttempts(6).withBackoff(ofMillis(100), ofMillis(500), 2);

    assertThat(delaysMs(policy(spec), failure(SERVER_ERROR))).containsExactly(100L, 200L, 400L, 500L, 500L);
  }

  @Test
  void backoffIsFailsafesOwnArithmeticToTheMillisecond() {
    var spec = RetrySpec.defaults().withRetryAfter(false, ofSeconds(1)).withMaxAttempts(8)
        .withBackoff(ofMillis(1000), ofMillis(30_000), 1.5);
    RetryPolicy<Object> failsafes = RetryPolicy.builder().withMaxAttempts(8)
        .withBackoff(ofMillis(1000), ofMillis(30_000), 1.5).build();

    List<Long> ours = delaysMs(policy(spec), failure(SERVER_ERROR));

    assertThat(ours).isEqualTo(delaysMs(failsafes, failure(SERVER_ERROR)));
    assertThat(ours).containsExactly(1000L, 1500L, 2250L, 3375L, 5062L, 7593L, 11390L);
  }

  @Test
  void eachJitterIsSeededAndStaysInItsBand() {
    var base = RetrySpec.defaults().withMaxAttempts(8).withBackoff(ofMillis(100), ofSeconds(5), 2);
    for (var spec : List.of(base.withJitter(Jitter.PROPORTIONAL, 0.3), base.withJitter(Jitter.FULL, 0),
        base.withJitter(Jitter.EQUAL, 0), base.withJitter(Jitter.DECORRELATED, 0))) {
      for (long request = 0; request < 50; request++) {
        List<Long> delays = delaysMs(policy(spec, SEED, request, 1, null), failure(SERVER_ERROR));

        assertThat(delaysMs(policy(spec, SEED, request, 1, null), failure(SERVER_ERROR)))
            .as("same seed, same delays").isEqualTo(delays);
        for (int n = 1; n <= delays.size(); n++) {
          var band = RetryDelays.band(spec, n);
          assertThat(delays.get(n - 1)).as(spec.jitter() + " attempt " + n)
              .isBetween(band.min().toMillis(), band.max().toMillis());
        }
      }
    }
  }

  @Test
  void jitterSpreadsRequestsAndSeedsApart() {
    var spec = RetrySpec.defaults().withMaxAttempts(2).withBackoff(ofMillis(1000), ofSeconds(5), 2)
        .withJitter(Jitter.FULL, 0);
    List<Long> firstWaits = new ArrayList<>();
    for (long request = 0; request < 200; request++)
      firstWaits.add(delaysMs(policy(spec, SEED, request, 0, null), failure(SERVER_ERROR)).get(0));

    assertThat(firstWaits.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(100);
    assertThat(firstWaits.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(900);
    assertThat(firstWaits.stream().mapToLong(Long::longValue).average().orElseThrow()).isBetween(400.0, 600.0);
    assertThat(delaysMs(policy(spec, SEED + 1, 0, 0, null), failure(SERVER_ERROR)))
        .isNotEqualTo(delaysMs(policy(spec, SEED, 0, 0, null), failure(SERVER_ERROR)));
    assertThat(delaysMs(policy(spec, SEED, 0, 1, null), failure(SERVER_ERROR)))
        .isNotEqualTo(delaysMs(policy(spec, SEED, 0, 0, null), failure(SERVER_ERROR)));
  }

  @Test
  void retryAfterIsWaitedInsteadOfTheBackoffUpToItsCap() {
    var spec = RetrySpec.defaults().withBackoff(ofMillis(100), ofSeconds(1), 2).withJitter(Jitter.FULL, 0)
        .withRetryAfter(true, ofSeconds(60));

    assertThat(delaysMs(policy(spec), rateLimited(ofSeconds(2)))).containsExactly(2000L, 2000L);
    assertThat(delaysMs(policy(spec), rateLimited(ofSeconds(90)))).containsExactly(60_000L, 60_000L);
    assertThat(delaysMs(policy(spec), rateLimited(ofSeconds(-3)))).containsExactly(0L, 0L);
    assertThat(delaysMs(policy(spec.withRetryAfter(false, ofSeconds(60))), rateLimited(ofSeconds(2))))
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(200L));
  }

  @Test
  void theDecisionSaysWhichReasonSetTheWait() {
    var spec = RetrySpec.defaults().withRetryAfter(true, ofSeconds(10));

    var asked = RetryDelays.decide(spec, 1, rateLimited(ofSeconds(30)), SEED, 0, 0, null);
    var backoff = RetryDelays.decide(spec, 1, failure(SERVER_ERROR), SEED, 0, 0, null);
    var budget = RetryDelays.decide(spec, 1, failure(SERVER_ERROR), SEED, 0, 0, ofMillis(700));

    assertThat(asked).isEqualTo(new RetryDelay(ofSeconds(10), RetryReason.RETRY_AFTER, ofSeconds(30)));
    assertThat(backoff).isEqualTo(new RetryDelay(ofSeconds(2), RetryReason.BACKOFF, null));
    assertThat(budget).isEqualTo(new RetryDelay(ofMillis(700), RetryReason.BACKOFF, null));
  }

  @Test
  void abortKindsStopAtOnce() {
    var stops = new ArrayList<RetryStop>();
    var policy = policy(RetrySpec.defaults(), SEED, 0, 0, new PolicyListener() {
      @Override
      public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
        stops.add(why);
      }
    });

    assertThat(delaysMs(policy, failure(AUTH))).isEmpty();
    assertThat(stops).containsExactly(RetryStop.ABORT_ON);
  }

  @Test
  void anOpenBreakerStopsTheRetriesSoTheChainMovesOn() {
    var stops = new ArrayList<RetryStop>();
    var policy = policy(RetrySpec.defaults(), SEED, 0, 0, new PolicyListener() {
      @Override
      public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
        stops.add(why);
      }
    });

    assertThat(delaysMs(policy, new CircuitBreakerOpenException(CircuitBreaker.ofDefaults()))).isEmpty();
    assertThat(stops).containsExactly(RetryStop.BREAKER_OPEN);
  }

  @Test
  void aKindInNeitherListIsPassedOnAsItIs() {
    var stops = new ArrayList<RetryStop>();
    var policy = policy(RetrySpec.defaults(), SEED, 0, 0, new PolicyListener() {
      @Override
      public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
        stops.add(why);
      }
    });

    assertThat(delaysMs(policy, failure(UNKNOWN))).isEmpty();
    assertThat(stops).containsExactly(RetryStop.NOT_RETRIED);
  }

  @Test
  void everyAttemptUsedIsReportedAsSuch() {
    var stops = new ArrayList<String>();
    var policy = policy(RetrySpec.defaults(), SEED, 0, 0, new PolicyListener() {
      @Override
      public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
        stops.add(attempts + " " + why.wireName() + " " + FailureKind.SERVER_ERROR.wireName());
      }
    });

    assertThat(delaysMs(policy, failure(SERVER_ERROR))).hasSize(2);
    assertThat(stops).containsExactly("3 max_attempts server_error");
  }

  @Test
  void aTimeoutPolicyFiringCountsAsATimeout() {
    var e = new TimeoutExceededException(Timeout.of(ofSeconds(1)));

    assertThat(Failures.kindOf(e)).isEqualTo(FailureKind.TIMEOUT);
    assertThat(delaysMs(policy(RetrySpec.defaults()), e)).containsExactly(2000L, 2000L);
  }

  @Test
  void aDefectiveAnswerIsRetriedOnlyWhenAsked() {
    var retrying = policy(RetrySpec.defaults().withRetryOnResult(Set.of(EMPTY_ANSWER)));
    Execution<ChatAnswer> execution = Execution.of(retrying);
    execution.recordResult(empty());
    assertThat(execution.isComplete()).isFalse();
    execution.recordResult(answer("Paris"));
    assertThat(execution.isComplete()).isTrue();

    Execution<ChatAnswer> plain = Execution.of(policy(RetrySpec.defaults()));
    plain.recordResult(empty());
    assertThat(plain.isComplete()).isTrue();
  }

  @Test
  void theTimeBudgetIsMeasuredOnTheRunClock() {
    var clock = new VirtualClock();
    var spec = RetrySpec.defaults().withMaxAttempts(10).withMaxTotalDuration(ofSeconds(5));
    var recorder = new Recorder(clock);
    var policy = RetryPolicies.build(spec, RetryScope.of(SEED, 0, 0, clock), recorder);

    var result = recorder.run(policy, List.of());

    assertThat(recorder.attemptsAt).containsExactly(0L, 2000L, 4000L, 5000L);
    assertThat(recorder.stops).containsExactly("4 max_duration");
    assertThat(result).isCompletedExceptionally();
  }

  @Test
  void theListenerHearsEachRetryWithItsReasonAsScheduled() {
    var clock = new VirtualClock();
    var spec = RetrySpec.defaults().withBackoff(ofSeconds(1), ofSeconds(30), 2);
    var recorder = new Recorder(clock);
    var policy = RetryPolicies.build(spec, RetryScope.of(SEED, 7, 0, clock), recorder);

    var result = recorder.run(policy, List.of(rateLimited(ofSeconds(2)), failure(SERVER_ERROR)));

    assertThat(result).isCompletedWithValue(Fixtures.answer("ok"));
    assertThat(recorder.retries).containsExactly("1 2000 retry_after 2000", "2 2000 backoff null");
    assertThat(recorder.attemptsAt).containsExactly(0L, 2000L, 4000L);
  }

  /** Runs a policy asynchronously on the manual clock and records what it reports. */
  static final class Recorder implements PolicyListener {
    final VirtualClock clock;
    final List<String> retries = new ArrayList<>();
    final List<String> stops = new ArrayList<>();
    final List<Long> attemptsAt = new ArrayList<>();

    Recorder(VirtualClock clock) {
      this.clock = clock;
    }

    @Override
    public void onRetryScheduled(int failedAttempt, Duration delay, RetryReason reason, Duration retryAfter) {
      retries.add(failedAttempt + " " + delay.toMillis() + " " + reason.wireName() + " "
          + (retryAfter == null ? null : retryAfter.toMillis()));
    }

    @Override
    public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
      stops.add(attempts + " " + why.wireName());
    }

    /** Fails with {@code failures} in turn, then answers "ok"; an empty list fails with server errors forever. */
    CompletableFuture<ChatAnswer> run(RetryPolicy<ChatAnswer> policy, List<Throwable> failures) {
      var future = Failsafe.with(policy).with(clock::schedule).getStageAsync(() -> {
        int n = attemptsAt.size();
        attemptsAt.add(clock.nowMillis());
        if (failures.isEmpty()) return CompletableFuture.failedFuture(failure(SERVER_ERROR));
        return n < failures.size()
            ? CompletableFuture.failedFuture(failures.get(n))
            : CompletableFuture.completedFuture(Fixtures.answer("ok"));
      });
      clock.runUntilIdle();
      return future;
    }
  }
}
