package dev.playground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.FallbackUsed;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent.RungFailed;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ResilientClientTest {
  private static final String HEALTHY = "{\"rules\": []}";
  private static final String ONE_MODEL = "{\"chain\": [{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}]";

  @Test
  void aHealthyProviderAnswersOnTheFullRungWithOneCall() {
    var h = new VirtualHarness(ONE_MODEL + "}", Map.of("sim", HEALTHY));

    Answer a = h.ask("What is a circuit breaker?");

    assertThat(a.rung()).isEqualTo(Rung.FULL);
    assertThat(a.outcome()).isEqualTo("ok");
    assertThat(a.provider()).isEqualTo("sim");
    assertThat(a.model()).isEqualTo("gpt-4o-mini");
    assertThat(a.attempts()).isEqualTo(1);
    assertThat(a.content()).contains("gpt-4o-mini");
    assertThat(h.events).extracting(RunEvent::type).containsExactly(
        "request_started", "attempt_started", "attempt_finished", "request_finished");
  }

  @Test
  void failedCallsAreRetriedAfterTheirDelayUntilOneSucceeds() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 3, \"delay_ms\": 1000}}",
        Map.of("sim", "{\"rules\": [{\"sequence\": [\"service_unavailable\", \"service_unavailable\", \"ok\"]}]}"));

    Answer a = h.ask("hello");

    assertThat(a.ok()).isTrue();
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(h.events(AttemptFinished.class)).extracting(AttemptFinished::outcome)
        .containsExactly("server_error", "server_error", "ok");
    assertThat(h.events(RetryScheduled.class)).extracting(RetryScheduled::delayMs).containsExactly(1000L, 1000L);
    assertThat(h.events(AttemptStarted.class)).extracting(RunEvent::tMs).containsExactly(0L, 1000L, 2000L);
  }

  @Test
  void aRetryAfterOfTwoSecondsIsWaitedAndSaysSo() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 2, \"delay_ms\": 100}}",
        Map.of("sim", "{\"rules\": [{\"sequence\": [\"rate_limit\", \"ok\"], \"retry_after_s\": 2}]}"));

    Answer a = h.ask("hello");

    assertThat(a.ok()).isTrue();
    RetryScheduled retry = h.events(RetryScheduled.class).get(0);
    assertThat(retry.reason()).isEqualTo(RetryReason.RETRY_AFTER);
    assertThat(retry.delayMs()).isEqualTo(2000);
    assertThat(retry.retryAfterMs()).isEqualTo(2000);
    var finished = h.events(AttemptFinished.class);
    assertThat(finished.get(0).retryAfterMs()).isEqualTo(2000);
    assertThat(finished.get(0).headers()).containsEntry("retry-after", "2");
    var starts = h.events(AttemptStarted.class);
    assertThat(starts.get(1).tMs() - finished.get(0).tMs()).isGreaterThanOrEqualTo(2000);
  }

  @Test
  void aRetryAfterLongerThanTheCapIsCut() {
    var h = new VirtualHarness(
        ONE_MODEL + ", \"retry\": {\"max_attempts\": 2, \"delay_ms\": 100, \"retry_after_cap_ms\": 5000}}",
        Map.of("sim", "{\"rules\": [{\"sequence\": [\"rate_limit\", \"ok\"], \"retry_after_s\": 120}]}"));

    h.ask("hello");

    RetryScheduled retry = h.events(RetryScheduled.class).get(0);
    assertThat(retry.delayMs()).isEqualTo(5000);
    assertThat(retry.retryAfterMs()).isEqualTo(120_000);
  }

  @Test
  void aFailureThatCannotBeHelpedIsNotRetriedAndTheChainMovesOn() {
    var h = new VirtualHarness("{\"chain\": [{\"provider\": \"a\", \"model\": \"m1\"}, {\"provider\": \"b\", \"model\": \"m2\"}],"
        + " \"retry\": {\"max_attempts\": 3, \"delay_ms\": 10}}",
        Map.of("a", "{\"rules\": [{\"kind\": \"unauthorized\"}]}", "b", HEALTHY));

    Answer a = h.ask("hello");

    assertThat(a.provider()).isEqualTo("b");
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(h.requests("a", "m1")).isEqualTo(1);
    FallbackUsed fallback = h.events(FallbackUsed.class).get(0);
    assertThat(fallback.from()).isEqualTo("a/m1");
    assertThat(fallback.to()).isEqualTo("b/m2");
    assertThat(fallback.reason()).isEqualTo("auth");
  }

  @Test
  void anOpenBreakerRefusesWithoutCallingAndTheRequestMovesDownTheChain() {
    var h = new VirtualHarness("{\"chain\": [{\"provider\": \"a\", \"model\": \"m1\"}, {\"provider\": \"b\", \"model\": \"m2\"}],"
        + " \"retry\": {\"max_attempts\": 3, \"delay_ms\": 10},"
        + " \"breaker\": {\"failure_threshold\": {\"failures\": 3, \"executions\": 3}, \"delay_ms\": 60000}}",
        Map.of("a", "{\"rules\": [{\"kind\": \"service_unavailable\"}]}", "b", HEALTHY));

    var first = h.askAt(0, "one");
    h.clock.runUntil(1_000); // not until idle: the breaker would half-open at 60 s
    long callsToA = h.requests("a", "m1");
    var second = h.askAt(2_000, "two");
    h.clock.runUntil(3_000);

    assertThat(first.join().provider()).isEqualTo("b");
    assertThat(callsToA).isEqualTo(3);
    assertThat(h.events(BreakerChanged.class)).extracting(BreakerChanged::to).containsExactly(BreakerState.OPEN);
    assertThat(second.join().provider()).isEqualTo("b");
    assertThat(h.requests("a", "m1")).as("no call while open").isEqualTo(3);
    assertThat(h.events(BreakerRejected.class)).extracting(BreakerRejected::breaker).containsExactly("a/m1");
    assertThat(h.events(FallbackUsed.class).get(1).reason()).isEqualTo("breaker_open");
  }

  @Test
  void theBreakerHalfOpensAfterExactlyItsDelayAndClosesOnASuccess() {
    var h = new VirtualHarness(ONE_MODEL + ", \"breaker\": {\"failure_threshold\": {\"failures\": 2, \"executions\": 2},"
        + " \"delay_ms\": 60000}}",
        Map.of("sim", "{\"rules\": [{\"kind\": \"service_unavailable\", \"window\": {\"from_ms\": 0, \"to_ms\": 1000}}]}"));

    h.askAt(0, "one");
    h.askAt(10, "two");
    h.askAt(20, "three");
    h.askAt(61_000, "four");
    h.clock.runUntilIdle();

    var changes = h.events(BreakerChanged.class);
    assertThat(changes).extracting(BreakerChanged::to)
        .containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
    assertThat(changes.get(1).tMs() - changes.get(0).tMs()).isEqualTo(60_000);
    assertThat(h.events(BreakerRejected.class)).hasSize(1);
    assertThat(h.requests("sim", "gpt-4o-mini")).isEqualTo(3);
  }

  @Test
  void anEmptyAnswerIsRetriedWhenTheRetryAsksForIt() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 3, \"delay_ms\": 50,"
        + " \"retry_on_result\": [\"empty_answer\"]}}",
        Map.of("sim", "{\"rules\": [{\"sequence\": [\"empty_content\", \"empty_content\", \"ok\"]}]}"));

    Answer a = h.ask("hello");

    assertThat(a.ok()).isTrue();
    assertThat(h.events(AttemptFinished.class)).extracting(AttemptFinished::outcome)
        .containsExactly("empty_answer", "empty_answer", "ok");
  }

  @Test
  void anEmptyAnswerIsReturnedAsItIsWithoutRetryOnResult() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 3, \"delay_ms\": 50}}",
        Map.of("sim", "{\"rules\": [{\"kind\": \"empty_content\"}]}"));

    Answer a = h.ask("hello");

    assertThat(a.outcome()).isEqualTo("empty_answer");
    assertThat(a.rung()).isEqualTo(Rung.FULL);
    assertThat(a.attempts()).isEqualTo(1);
  }

  @Test
  void whenRetrievalFailsTheLimitedRungAnswersWithoutContext() {
    var h = new VirtualHarness(ONE_MODEL + ", \"cache\": {}, \"ladder\": {}}", Map.of("sim", HEALTHY),
        (prompt, timeout) -> CompletableFuture.failedFuture(
            new IllegalStateException("retriever: server_error")));

    Answer a = h.ask("What is a circuit breaker?");

    assertThat(a.rung()).isEqualTo(Rung.LIMITED);
    assertThat(h.events(RungFailed.class)).extracting(RungFailed::reason).containsExactly("retriever: server_error");
  }

  @Test
  void duringAnOutageTheLadderFallsToTheCacheForKnownQuestionsAndToTheErrorMessageForNewOnes() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 2, \"delay_ms\": 100},"
        + " \"cache\": {}, \"ladder\": {}}",
        Map.of("sim", "{\"rules\": [{\"kind\": \"service_unavailable\", \"window\": {\"from_ms\": 1000, \"to_ms\": 100000}}]}"));

    Answer before = h.ask("What is a circuit breaker?");
    h.clock.advance(2_000);
    Answer known = h.ask("What is a circuit breaker?");
    Answer fresh = h.ask("What is jitter?");

    assertThat(before.rung()).isEqualTo(Rung.FULL);
    assertThat(known.rung()).isEqualTo(Rung.CACHED);
    assertThat(known.content()).isEqualTo(before.content());
    assertThat(fresh.rung()).isEqualTo(Rung.ERROR);
    assertThat(fresh.content()).isEqualTo("I'm experiencing issues. Please try again later.");
    assertThat(fresh.outcome()).isEqualTo("server_error");
    assertThat(h.requests("sim", "gpt-4o-mini")).as("limited is not tried after a chain failure")
        .isEqualTo(1 + 2 + 2);
  }

  @Test
  void theLessonsLimitedAfterChainFailureDoublesTheCalls() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 2, \"delay_ms\": 100},"
        + " \"ladder\": {\"cached\": false, \"limited_after_chain_failure\": true}}",
        Map.of("sim", "{\"rules\": [{\"kind\": \"service_unavailable\"}]}"));

    Answer a = h.ask("hello");

    assertThat(a.rung()).isEqualTo(Rung.ERROR);
    assertThat(h.requests("sim", "gpt-4o-mini")).isEqualTo(4);
  }

  @Test
  void aCacheCheckedFirstAnswersARepeatedQuestionWithoutACall() {
    var h = new VirtualHarness(ONE_MODEL + ", \"cache\": {\"check_first\": true}}", Map.of("sim", HEALTHY));

    h.ask("What is Python?");
    Answer again = h.ask("What is Python?");

    assertThat(again.rung()).isEqualTo(Rung.CACHED);
    assertThat(again.attempts()).isZero();
    assertThat(h.requests("sim", "gpt-4o-mini")).isEqualTo(1);
    assertThat(h.events(RunEvent.CacheHit.class)).extracting(RunEvent.CacheHit::stage).containsExactly("first");
  }

  @Test
  void everyAttemptHasAStartAndAFinishAndSeqHasNoGaps() {
    var h = new VirtualHarness(ONE_MODEL + ", \"retry\": {\"max_attempts\": 4, \"delay_ms\": 10}}",
        Map.of("sim", "{\"rules\": [{\"kind\": \"rate_limit\", \"probability\": 0.5}]}"));
    for (int i = 0; i < 50; i++) h.askAt(i * 7L, "q" + i);
    h.clock.runUntilIdle();

    for (int i = 0; i < h.events.size(); i++) assertThat(h.events.get(i).seq()).isEqualTo(i);
    assertThat(h.events(AttemptStarted.class)).hasSameSizeAs(h.events(AttemptFinished.class));
    assertThat(h.events(RunEvent.RequestFinished.class)).hasSize(50);
  }

  @Test
  void anEmptyPromptIsRefusedBeforeAnythingIsSent() {
    var h = new VirtualHarness(ONE_MODEL + "}", Map.of("sim", HEALTHY));
    assertThatThrownBy(() -> h.client.ask("  ")).hasMessage("prompt must not be empty");
    assertThat(h.events).isEmpty();
  }
}
