package dev.playground.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  @Test
  void tasksRunInTimeOrderAndNowJumpsToEach() {
    var clock = new VirtualClock();
    List<String> seen = new ArrayList<>();
    clock.schedule(() -> seen.add("b@" + clock.nowMillis()), 200);
    clock.schedule(() -> seen.add("a@" + clock.nowMillis()), 100);
    clock.schedule(() -> seen.add("c@" + clock.nowMillis()), 300);

    clock.runUntilIdle();

    assertThat(seen).containsExactly("a@100", "b@200", "c@300");
    assertThat(clock.nowMillis()).isEqualTo(300);
  }

  @Test
  void tasksDueAtTheSameTimeRunInTheOrderTheyWereScheduled() {
    var clock = new VirtualClock();
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      clock.schedule(() -> seen.add(n), 10);
    }
    clock.runUntilIdle();
    assertThat(seen).isSorted().hasSize(50);
  }

  @Test
  void runUntilStopsAtTheLimitAndMovesNowThere() {
    var clock = new VirtualClock();
    var ran = new AtomicInteger();
    clock.schedule(ran::incrementAndGet, 100);
    clock.schedule(ran::incrementAndGet, 1_000);

    clock.runUntil(500);

    assertThat(ran).hasValue(1);
    assertThat(clock.nowMillis()).isEqualTo(500);
    assertThat(clock.nextDueMillis()).isEqualTo(1_000);
  }

  @Test
  void tasksScheduledWhileRunningAreRunToo() {
    var clock = new VirtualClock();
    List<Long> times = new ArrayList<>();
    clock.schedule(() -> {
      times.add(clock.nowMillis());
      clock.schedule(() -> times.add(clock.nowMillis()), 50);
    }, 10);
    clock.runUntilIdle();
    assertThat(times).containsExactly(10L, 60L);
  }

  @Test
  void aCancelledTaskDoesNotRun() {
    var clock = new VirtualClock();
    var ran = new AtomicInteger();
    var future = clock.schedule(ran::incrementAndGet, 100);
    assertThat(future.cancel(false)).isTrue();
    clock.runUntilIdle();
    assertThat(ran).hasValue(0);
    assertThat(clock.nowMillis()).isZero();
  }

  @Test
  void getNeverWaitsForVirtualTime() {
    var clock = new VirtualClock();
    var future = clock.schedule(() -> 42, 1, TimeUnit.SECONDS);
    assertThatThrownBy(future::get).isInstanceOf(IllegalStateException.class);
    clock.runUntilIdle();
    assertThat(future.isDone()).isTrue();
  }

  @Test
  void failsafeAsyncRetriesWaitOnTheVirtualClockNotInRealTime() throws Exception {
    var clock = new VirtualClock();
    List<Long> attemptTimes = new ArrayList<>();
    RetryPolicy<String> retry = RetryPolicy.<String>builder()
        .handle(IllegalStateException.class)
        .withMaxAttempts(4)
        .withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60))
        .build();

    long wallStart = System.nanoTime();
    CompletableFuture<String> result = Failsafe.with(retry).with(clock::schedule).getStageAsync(() -> {
      attemptTimes.add(clock.nowMillis());
      // each attempt answers 500 ms later on the clock, failing three times
      var answer = new CompletableFuture<String>();
      boolean fail = attemptTimes.size() < 4;
      clock.schedule(() -> {
        if (fail) answer.completeExceptionally(new IllegalStateException("503"));
        else answer.complete("ok");
      }, 500);
      return answer;
    });
    clock.runUntilIdle();
    long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart);

    assertThat(result.get(1, TimeUnit.SECONDS)).isEqualTo("ok");
    // attempt at 0; +500 answer +10 s wait; +500 +20 s; +500 +40 s
    assertThat(attemptTimes).containsExactly(0L, 10_500L, 31_000L, 71_500L);
    assertThat(clock.nowMillis()).isEqualTo(72_000L);
    assertThat(wallMillis).as("72 s of virtual time must not be waited for").isLessThan(10_000);
  }

  @Test
  void aTaskThatThrowsIsRecordedAndTheClockGoesOn() {
    var clock = new VirtualClock();
    var boom = clock.schedule(() -> {
      throw new IllegalArgumentException("boom");
    }, 5, TimeUnit.MILLISECONDS);
    var after = new AtomicInteger();
    clock.schedule(after::incrementAndGet, 10);
    clock.runUntilIdle();
    assertThat(after).hasValue(1);
    assertThatThrownBy(boom::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
  }
}
