package dev.playground.scenario;

import static dev.playground.scenario.PresetRun.models;
import static dev.playground.scenario.PresetRun.of;
import static dev.playground.scenario.PresetRun.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.CacheHit;
import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each preset runs headless on the simulated provider (in-process, in virtual time: the same fault plans and
 * policies as over HTTP, without waiting) and does what the lesson promises.
 */
class PresetsTest {

  @Test
  void everyLessonPatternHasAPresetAndThereAreDemosBeside() {
    assertThat(Presets.all()).extracting(Scenario::name).contains("simple-retry", "exponential-backoff",
        "retry-specific-errors", "retry-on-empty-result", "combined-conditions", "callbacks", "simple-fallback",
        "multi-provider-fallback", "fallback-chain", "graceful-degradation", "circuit-breaker", "complete-client",
        "resilient-qa", "outage-and-recovery", "rate-limit-storm");
    for (Scenario s : Presets.all()) {
      assertThat(s.watch()).as(s.name() + " says what to watch").isNotEmpty();
      if (s.lessonSection() != null)
        assertThat(LessonSnippets.python(s.lessonSection())).as(s.name() + " has the lesson's Python").isPresent();
    }
  }

  @Test
  void simpleRetryWaitsTwoSecondsBetweenAtMostThreeAttempts() {
    var run = of("simple-retry");
    assertThat(run.all(RetryScheduled.class)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.delayMs()).isEqualTo(2000));
    run.byRequest().values().forEach(events -> assertThat(outcomes(events)).hasSizeLessThanOrEqualTo(3));
    assertThat(run.summary.amplification()).isGreaterThan(1.0);
  }

  @Test
  void exponentialBackoffDoublesFromFourSecondsAsFailsafeDoesNotAsTenacityDoes() {
    var run = of("exponential-backoff");
    boolean sawThird = false;
    for (List<RequestEvent> events : run.byRequest().values()) {
      List<Long> waits = PresetRun.of(events, RetryScheduled.class).stream().map(RetryScheduled::delayMs).toList();
      assertThat(waits).isEqualTo(List.of(4000L, 8000L, 16000L, 32000L).subList(0, waits.size()));
      assertThat(outcomes(events)).hasSizeLessThanOrEqualTo(5);
      sawThird |= waits.size() >= 2;
    }
    assertThat(sawThird).as("some request waited 4 s then 8 s").isTrue();
  }

  @Test
  void retryOnSpecificErrorsRetriesRateLimitsAndTimeoutsButNeverABadRequestOrA503() {
    var run = of("retry-specific-errors");
    boolean retriedSomething = false;
    for (List<RequestEvent> events : run.byRequest().values()) {
      List<String> outcomes = outcomes(events);
      for (int i = 0; i < outcomes.size() - 1; i++)
        assertThat(outcomes.get(i)).as("only listed errors are followed by another attempt")
            .isIn("rate_limited", "timeout", "network");
      String last = outcomes.get(outcomes.size() - 1);
      if (last.equals("invalid_request") || last.equals("server_error"))
        assertThat(PresetRun.of(events, RequestFinished.class).get(0).rung()).isEqualTo(Rung.ERROR);
      retriedSomething |= outcomes.size() > 1;
    }
    assertThat(retriedSomething).isTrue();
    assertThat(run.summary.byOutcome()).containsKey("invalid_request");
  }

  @Test
  void anEmptyResultIsRetriedAtOnceButAnErrorIsNot() {
    var run = of("retry-on-empty-result");
    assertThat(run.all(AttemptFinished.class)).extracting(AttemptFinished::outcome).contains("empty_answer");
    for (List<RequestEvent> events : run.byRequest().values()) {
      List<String> outcomes = outcomes(events);
      for (int i = 0; i < outcomes.size() - 1; i++) assertThat(outcomes.get(i)).isEqualTo("empty_answer");
    }
    assertThat(run.all(RetryScheduled.class)).isNotEmpty().allSatisfy(r -> assertThat(r.delayMs()).isZero());
  }

  @Test
  void combinedConditionsRetryErrorsAndEmptyAnswersWithinSixtySeconds() {
    var run = of("combined-conditions");
    assertThat(run.all(RetryScheduled.class)).isNotEmpty();
    for (List<RequestEvent> events : run.byRequest().values()) {
      var starts = PresetRun.of(events, AttemptStarted.class);
      assertThat(starts).hasSizeLessThanOrEqualTo(3);
      assertThat(starts.get(starts.size() - 1).tMs() - starts.get(0).tMs()).isLessThan(60_000);
    }
  }

  @Test
  void callbacksAreTheRetryAndAttemptEventsOfTheLog() {
    var run = of("callbacks");
    for (List<RequestEvent> events : run.byRequest().values()) {
      // every before-sleep (retry_scheduled) follows a failed attempt and precedes the next attempt
      for (int i = 0; i < events.size(); i++) {
        if (!(events.get(i) instanceof RetryScheduled r)) continue;
        assertThat(events.get(i - 1)).isInstanceOf(AttemptFinished.class);
        assertThat(((AttemptFinished) events.get(i - 1)).ok()).isFalse();
        assertThat(events.get(i + 1)).isInstanceOf(AttemptStarted.class);
        assertThat(events.get(i + 1).tMs() - r.tMs()).isEqualTo(r.delayMs());
      }
    }
    assertThat(run.all(RetryScheduled.class)).isNotEmpty();
  }

  @Test
  void simpleFallbackAnswersEveryRequestFromTheSecondModelAfterA429() {
    var run = of("simple-fallback");
    for (List<RequestEvent> events : run.byRequest().values()) {
      assertThat(outcomes(events)).containsExactly("rate_limited", "ok");
      assertThat(models(events)).containsExactly("openai/gpt-4o", "openai/gpt-4o-mini");
    }
    assertThat(run.summary.fallbacks()).isEqualTo(run.summary.requests());
  }

  @Test
  void multiProviderFallbackUsesAnthropicWhileOpenAiIsDownAndOpenAiAfter() {
    var run = of("multi-provider-fallback");
    Map<Long, Long> started = run.startTimes();
    for (RequestFinished f : run.finished()) {
      assertThat(f.outcome()).isEqualTo("ok");
      long t = started.get(f.req());
      if (t < 19_000) assertThat(f.provider()).isEqualTo("anthropic");
      if (t > 21_000) assertThat(f.provider()).isEqualTo("openai");
    }
  }

  @Test
  void theFallbackChainWalksDownAndSkipsTheModelWhoseBreakerIsOpen() {
    var run = of("fallback-chain");
    assertThat(run.finished()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo("ok"));
    assertThat(run.finished()).extracting(RequestFinished::provider).contains("anthropic", "local");
    assertThat(run.all(BreakerChanged.class)).extracting(BreakerChanged::breaker, BreakerChanged::to)
        .startsWith(org.assertj.core.groups.Tuple.tuple("openai/gpt-4o-mini", BreakerState.OPEN));
    assertThat(run.providers.requestCount("openai")).isEqualTo(3);
    assertThat(run.all(BreakerRejected.class)).isNotEmpty();
  }

  @Test
  void gracefulDegradationStepsDownTheLadderAndBackUp() {
    var run = of("graceful-degradation");
    Map<Long, Long> started = run.startTimes();
    for (RequestFinished f : run.finished()) {
      long t = started.get(f.req());
      if (t >= 5_000 && t < 15_000) assertThat(f.rung()).as("retriever down at %d ms", t).isEqualTo(Rung.LIMITED);
      else if (t >= 20_000 && t < 40_000) assertThat(f.rung()).as("model down at %d ms", t).isIn(Rung.CACHED, Rung.ERROR);
      else if (t < 5_000 || (t >= 15_000 && t < 20_000) || t >= 41_000)
        assertThat(f.rung()).as("healthy at %d ms", t).isEqualTo(Rung.FULL);
    }
    assertThat(run.summary.byRung()).containsKeys(Rung.FULL, Rung.LIMITED, Rung.CACHED);
  }

  @Test
  void theCircuitBreakerOpensAtItsThresholdRefusesWithoutCallingHalfOpensAfterItsDelayAndClosesOnSuccess() {
    var run = of("circuit-breaker");
    var changes = run.all(BreakerChanged.class);
    assertThat(changes).extracting(BreakerChanged::to)
        .containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
    // opens at the third failure
    List<AttemptFinished> attempts = run.all(AttemptFinished.class);
    assertThat(attempts.subList(0, 3)).extracting(AttemptFinished::outcome).containsOnly("server_error");
    assertThat(changes.get(0).tMs()).isEqualTo(attempts.get(2).tMs());
    // while open, requests are refused and nothing is sent
    long open = changes.get(0).tMs(), halfOpen = changes.get(1).tMs();
    assertThat(halfOpen - open).isEqualTo(60_000);
    assertThat(run.all(AttemptStarted.class)).noneMatch(a -> a.tMs() > open && a.tMs() < halfOpen);
    assertThat(run.all(BreakerRejected.class)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.tMs()).isBetween(open, halfOpen));
    // the trial call succeeds and closes it
    assertThat(changes.get(2).tMs()).isGreaterThan(halfOpen);
    assertThat(run.finished().get(run.finished().size() - 1).rung()).isEqualTo(Rung.FULL);
  }

  @Test
  void theCompleteClientRetriesOpensTheBreakerFallsBackAndServesRepeatsFromTheCache() {
    var run = of("complete-client");
    assertThat(run.all(RetryScheduled.class)).isNotEmpty();
    assertThat(run.all(BreakerChanged.class)).extracting(BreakerChanged::breaker, BreakerChanged::to)
        .contains(org.assertj.core.groups.Tuple.tuple("openai/gpt-4o", BreakerState.OPEN));
    assertThat(run.finished()).extracting(RequestFinished::model).contains("gpt-4o-mini");
    assertThat(run.all(CacheHit.class)).isNotEmpty().allSatisfy(h -> assertThat(h.stage()).isEqualTo("first"));
    assertThat(run.finished()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo("ok"));
  }

  @Test
  void resilientQaFallsBackCachesAndAnswersFromTheCacheWhenEverythingFails() {
    var run = of("resilient-qa");
    Map<Long, Long> started = run.startTimes();
    List<RequestFinished> finished = run.finished();
    // before the outage: new questions fall back to gpt-4o-mini after 3 attempts at gpt-4o
    RequestFinished first = finished.get(0);
    assertThat(first.model()).isEqualTo("gpt-4o-mini");
    assertThat(models(run.byRequest().get(first.req())))
        .containsExactly("openai/gpt-4o", "openai/gpt-4o", "openai/gpt-4o", "openai/gpt-4o-mini");
    // repeated questions come from the cache, during the outage too
    assertThat(finished).filteredOn(f -> started.get(f.req()) >= 40_000 && f.rung() == Rung.CACHED).isNotEmpty();
    // a question never asked before gets the graceful message during the outage
    assertThat(finished).filteredOn(f -> started.get(f.req()) >= 40_000 && f.rung() == Rung.ERROR)
        .singleElement()
        .satisfies(f -> assertThat(f.answer()).isEqualTo("I'm unable to answer right now. Please try again later."));
  }

  @Test
  void outageAndRecoveryOpensTheBreakerDuringTheOutageAndClosesItAfter() {
    var run = of("outage-and-recovery");
    var changes = run.all(BreakerChanged.class);
    assertThat(changes.get(0).to()).isEqualTo(BreakerState.OPEN);
    assertThat(changes.get(0).tMs()).isBetween(10_000L, 40_000L);
    assertThat(changes.get(changes.size() - 1).to()).isEqualTo(BreakerState.CLOSED);
    assertThat(changes.get(changes.size() - 1).tMs()).isGreaterThan(40_000);
    assertThat(run.finished()).allSatisfy(f -> assertThat(f.rung()).isEqualTo(Rung.FULL));
  }

  @Test
  void theRateLimitStormWaitsWhatRetryAfterAsks() {
    var run = of("rate-limit-storm");
    var afterRetryAfter = run.all(RetryScheduled.class).stream()
        .filter(r -> r.reason() == RetryReason.RETRY_AFTER).toList();
    assertThat(afterRetryAfter).isNotEmpty().allSatisfy(r -> {
      assertThat(r.retryAfterMs()).isEqualTo(2000);
      assertThat(r.delayMs()).isEqualTo(2000);
    });
    assertThat(run.summary.amplification()).isGreaterThan(1.3);
  }

  @Test
  void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
    var a = of("outage-and-recovery").events.stream().map(RunEvent::toString).toList();
    var b = of("outage-and-recovery").events.stream().map(RunEvent::toString).toList();
    var c = PresetRun.of(Presets.get("outage-and-recovery").withSeed(7)).events.stream().map(RunEvent::toString).toList();
    assertThat(a).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
  }
}
