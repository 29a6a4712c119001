package dev.playground.policy;

import static dev.playground.llm.FailureKind.EMPTY_ANSWER;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.policy.Fixtures.failure;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.clock.VirtualClock;
import dev.playground.events.RetryReason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulePreviewTest {
  private static final RetrySpec BACKOFF =
      RetrySpec.defaults().withMaxAttempts(6).withBackoff(ofSeconds(1), ofSeconds(8), 2);

  static List<RetrySpec> specs() {
    return List.of(RetrySpec.defaults(), BACKOFF, BACKOFF.withJitter(Jitter.FULL, 0),
        BACKOFF.withJitter(Jitter.EQUAL, 0), BACKOFF.withJitter(Jitter.PROPORTIONAL, 0.5),
        BACKOFF.withJitter(Jitter.DECORRELATED, 0), BACKOFF.withMaxTotalDuration(ofSeconds(10)));
  }

  @Test
  void thePreviewWaitsAreTheBuiltPolicysWaits() {
    for (RetrySpec spec : specs())
      for (long request = 0; request < 5; request++) {
        var preview = SchedulePreview.of(spec, 99, request, 1);
        var policy = RetryPoliciesTest.policy(spec, 99, request, 1, null);

        List<Long> waits = RetryPoliciesTest.delaysMs(policy, failure(SERVER_ERROR));

        if (spec.maxTotalDuration().isZero())
          assertThat(preview.delays()).extracting(Duration::toMillis).as(spec.jitter().wireName()).isEqualTo(waits);
      }
  }

  @Test
  void thePreviewIsWhatARunOnTheClockDoes() {
    for (RetrySpec spec : specs()) {
      var clock = new VirtualClock();
      var recorder = new RetryPoliciesTest.Recorder(clock);
      recorder.run(RetryPolicies.build(spec, RetryScope.of(99, 3, 0, clock), recorder), List.of());

      var preview = SchedulePreview.of(spec, 99, 3, 0);

      assertThat(preview.rows()).extracting(r -> r.start().toMillis()).as(spec.toString())
          .isEqualTo(recorder.attemptsAt);
    }
  }

  @Test
  void eachRowShowsTheNominalWaitAndTheJitterBand() {
    var preview = SchedulePreview.of(BACKOFF.withMaxAttempts(5).withJitter(Jitter.FULL, 0), 1, 0, 0);

    assertThat(preview.rows()).extracting(r -> r.nominalDelay().toMillis()).containsExactly(0L, 1000L, 2000L, 4000L, 8000L);
    assertThat(preview.rows()).extracting(r -> r.nominalStart().toMillis()).containsExactly(0L, 1000L, 3000L, 7000L, 15000L);
    assertThat(preview.rows()).extracting(r -> r.minDelay().toMillis()).containsOnly(0L);
    assertThat(preview.rows()).extracting(r -> r.latestStart().toMillis()).containsExactly(0L, 1000L, 3000L, 7000L, 15000L);
    assertThat(preview.rows()).allSatisfy(r -> assertThat(r.start()).isBetween(r.earliestStart(), r.latestStart()));
    assertThat(preview.total()).isEqualTo(preview.rows().get(4).start());
  }

  @Test
  void theBudgetCutsTheSchedule() {
    var preview = SchedulePreview.of(RetrySpec.defaults().withMaxAttempts(10).withMaxTotalDuration(ofSeconds(5)), 1, 0, 0);

    assertThat(preview.rows()).extracting(r -> r.start().toMillis()).containsExactly(0L, 2000L, 4000L, 5000L);
    assertThat(preview.rows().get(3).nominalStart()).isEqualTo(ofSeconds(5));
  }

  @Test
  void aRetryAfterOnEveryFailureSetsEveryWaitUpToTheCap() {
    var spec = BACKOFF.withMaxAttempts(3).withRetryAfter(true, ofSeconds(60));

    var asked = SchedulePreview.of(spec, 1, 0, 0, ofSeconds(3));
    var capped = SchedulePreview.of(spec.withRetryAfter(true, ofMillis(1500)), 1, 0, 0, ofSeconds(3));

    assertThat(asked.delays()).containsExactly(ofSeconds(3), ofSeconds(3));
    assertThat(asked.rows().get(1).reason()).isEqualTo(RetryReason.RETRY_AFTER);
    assertThat(asked.rows().get(1).maxDelay()).isEqualTo(ofSeconds(3));
    assertThat(capped.delays()).containsExactly(ofMillis(1500), ofMillis(1500));
  }

  @Test
  void aSpecThatRetriesOnlyBadAnswersStillHasASchedule() {
    var spec = RetrySpec.defaults().withRetryOn(Set.of()).withRetryOnResult(Set.of(EMPTY_ANSWER));

    assertThat(SchedulePreview.of(spec, 1, 0, 0).delays()).containsExactly(ofSeconds(2), ofSeconds(2));
    assertThat(SchedulePreview.of(spec.withRetryOnResult(Set.of()), 1, 0, 0).attempts()).isEqualTo(1);
  }
}
