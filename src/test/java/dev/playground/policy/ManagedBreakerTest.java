package dev.playground.policy;

import static dev.playground.llm.FailureKind.AUTH;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.policy.Fixtures.failure;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.Failsafe;
import dev.playground.clock.VirtualClock;
import dev.playground.events.BreakerState;
import dev.playground.llm.ChatAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedBreakerTest {
  private final VirtualClock clock = new VirtualClock();
  private final List<String> changes = new ArrayList<>();
  private final PolicyListener listener = new PolicyListener() {
    @Override
    public void onBreakerStateChanged(BreakerState from, BreakerState to, boolean manual) {
      changes.add(from.wireName() + "→" + to.wireName() + (manual ? " (manual)" : "") + " @" + clock.nowMillis());
    }
  };

  private ManagedBreaker breaker(BreakerSpec spec) {
    return ManagedBreaker.onRunClock(spec, "openai/gpt-4o", clock, listener);
  }

  @Test
  void aCountBasedBreakerOpensWhenNOfTheLastMFailed() {
    var breaker = breaker(BreakerSpec.countBased(3, 5, ofSeconds(30)));
    var cb = breaker.policy();

    cb.recordFailure();
    cb.recordSuccess();
    cb.recordFailure();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    cb.recordFailure();

    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(changes).containsExactly("closed→open @0");
  }

  @Test
  void aCountBasedBreakerForgetsFailuresThatLeftTheWindow() {
    var breaker = breaker(BreakerSpec.countBased(3, 5, ofSeconds(30)));
    var cb = breaker.policy();

    for (boolean failed : new boolean[] {true, true, false, false, false, true}) {
      if (failed) cb.recordFailure();
      else cb.recordSuccess();
    }

    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(breaker.failureCount()).isEqualTo(2);
  }

  @Test
  void aRateBasedBreakerOpensAtItsRateOnceItHasEnoughCalls() {
    var breaker = breaker(BreakerSpec.rateBased(50, 10, ofSeconds(60), ofSeconds(30)));
    var cb = breaker.policy();
    for (int i = 0; i < 5; i++) cb.recordSuccess();
    for (int i = 0; i < 4; i++) cb.recordFailure();
    assertThat(breaker.state()).as("9 calls: under the minimum").isEqualTo(BreakerState.CLOSED);

    cb.recordFailure();

    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.failureRate()).isEqualTo(0.5);
  }

  @Test
  void onlyTheCountedKindsAreFailures() {
    var breaker = breaker(BreakerSpec.countBased(1, 1, ofSeconds(30)));

    breaker.policy().recordException(failure(AUTH));
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    breaker.policy().recordException(failure(SERVER_ERROR));

    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void halfOpenClosesAfterItsSuccessesOrOpensAgain() {
    var breaker = breaker(BreakerSpec.countBased(1, 1, ofSeconds(30)).withSuccessThreshold(2, 3));
    var cb = breaker.policy();
    cb.recordFailure();
    clock.advance(30_000);
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);

    cb.recordSuccess();
    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    cb.recordSuccess();
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

    cb.recordFailure();
    clock.advance(30_000);
    cb.recordFailure();
    cb.recordFailure();
    assertThat(breaker.state()).as("2 failures of 3 trials: 2 successes are out of reach").isEqualTo(BreakerState.OPEN);
  }

  @Test
  void itHalfOpensAfterExactlyItsDelayOnTheRunClock() {
    var breaker = breaker(BreakerSpec.countBased(1, 1, ofSeconds(30)));
    clock.advance(5_000);
    breaker.policy().recordFailure();

    clock.advance(29_999);
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.remainingDelay()).isEqualTo(ofMillis(1));
    clock.advance(1);

    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(breaker.remainingDelay()).isZero();
    assertThat(changes).containsExactly("closed→open @5000", "open→half_open @35000");
  }

  @Test
  void manualChangesAreReportedAsManualAndAManualOpenStillHalfOpens() {
    var breaker = breaker(BreakerSpec.defaults());

    breaker.open();
    clock.advance(30_000);
    breaker.close();

    assertThat(changes).containsExactly("closed→open (manual) @0", "open→half_open @30000",
        "half_open→closed (manual) @30000");
  }

  @Test
  void reopeningStartsTheDelayAgain() {
    var breaker = breaker(BreakerSpec.defaults());
    breaker.open();
    clock.advance(10_000);
    breaker.close();
    clock.advance(10_000);
    breaker.open();

    clock.advance(10_000);
    assertThat(breaker.state()).as("the first opening's half-open is void").isEqualTo(BreakerState.OPEN);
    clock.advance(20_000);

    assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
  }

  @Test
  void anOpenBreakerRefusesWithoutCallingAndStopsTheRetries() {
    var breaker = breaker(BreakerSpec.countBased(2, 2, ofSeconds(30)));
    var stops = new ArrayList<RetryStop>();
    var retry = RetryPolicies.build(RetrySpec.defaults().withMaxAttempts(5), RetryScope.of(1, 0, 0, clock),
        new PolicyListener() {
          @Override
          public void onRetriesStopped(int attempts, RetryStop why, Throwable lastFailure) {
            stops.add(why);
          }
        });
    var calls = new AtomicInteger();

    CompletableFuture<ChatAnswer> result = Failsafe.with(Policies.compose(retry, null, null, breaker.policy()))
        .with(clock::schedule)
        .getStageAsync(() -> {
          calls.incrementAndGet();
          return CompletableFuture.failedFuture(failure(SERVER_ERROR));
        });
    clock.runUntilIdle();

    assertThat(calls).hasValue(2);
    assertThat(stops).containsExactly(RetryStop.BREAKER_OPEN);
    assertThat(result).isCompletedExceptionally();
  }

  @Test
  void failsafesOwnTimingKeepsTheSpecsDelay() {
    var breaker = ManagedBreaker.failsafeTimed(BreakerSpec.countBased(1, 1, ofSeconds(30)), "a/b", listener);

    breaker.policy().recordFailure();

    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    assertThat(breaker.policy().getConfig().getDelay()).isEqualTo(ofSeconds(30));
    assertThat(breaker.remainingDelay()).isPositive().isLessThanOrEqualTo(ofSeconds(30));
    assertThat(breaker(BreakerSpec.defaults()).policy().getConfig().getDelay()).isEqualTo(ManagedBreaker.NEVER);
  }
}
