package dev.playground.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.clock.VirtualClock;
import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class SimulatedChatModelTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  private final VirtualClock clock = new VirtualClock();

  private SimulatedChatModel model(FaultPlan plan) {
    return SimulatedChatModel.of("sim", "gpt-4o-mini", plan, clock);
  }

  private static ChatRequest plain(String prompt) {
    return ChatRequest.of(prompt, TIMEOUT);
  }

  private static ChatRequest streamed(String prompt) {
    return new ChatRequest(prompt, null, TIMEOUT, true, Map.of());
  }

  private static LlmFailure failureOf(CompletableFuture<ChatAnswer> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.get();
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return (LlmFailure) e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aHealthyAnswerArrivesAfterTheBaseLatencyOnTheClock() {
    var model = model(FaultPlan.healthy(7).withBaseLatency(Latency.fixed(250)));

    var answer = model.chat(plain("What is a circuit breaker?"));
    clock.runUntil(249);
    assertThat(answer).isNotDone();
    clock.runUntil(250);

    assertThat(answer).isCompleted();
    ChatAnswer a = answer.join();
    assertThat(a.content()).startsWith("[gpt-4o-mini] ");
    assertThat(a.defect()).isEmpty();
    assertThat(a.finishReason()).isEqualTo("stop");
    assertThat(a.latencyMs()).isEqualTo(250.0);
    assertThat(a.requestId()).matches("req_[0-9a-f]{32}");
    assertThat(a.promptTokens()).isPositive();
    assertThat(a.completionTokens()).isPositive();
  }

  @Test
  void aTimeoutFailsAfterExactlyTheRequestsTimeout() {
    var model = model(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT)));

    var answer = model.chat(plain("hello"));
    clock.runUntil(299);
    assertThat(answer).isNotDone();
    clock.runUntil(300);

    LlmFailure failure = failureOf(answer);
    assertThat(failure.kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(failure.status()).isZero();
  }

  @Test
  void aSlowAnswerLongerThanTheTimeoutTimesOutAtTheTimeout() {
    var model = model(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW).withLatency(Latency.fixed(1_000))));

    var answer = model.chat(plain("hello"));
    clock.runUntil(300);

    assertThat(failureOf(answer).kind()).isEqualTo(FailureKind.TIMEOUT);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void aSlowAnswerWithinTheTimeoutArrivesAfterItsLatency() {
    var model = model(FaultPlan.of(1, FaultRule.of(FaultKind.SLOW).withLatency(Latency.fixed(200))));

    var answer = model.chat(plain("hello"));
    clock.runUntilIdle();

    assertThat(answer.join().latencyMs()).isEqualTo(200.0);
    assertThat(clock.nowMillis()).isEqualTo(200);
  }

  @Test
  void aConnectionHeldShorterThanTheTimeoutIsANetworkFailureWhenItCloses() {
    var model = model(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withHoldMs(100L)));

    var answer = model.chat(plain("hello"));
    clock.runUntil(100);

    assertThat(failureOf(answer).kind()).isEqualTo(FailureKind.NETWORK);
  }

  @Test
  void aRateLimitKeepsItsStatusCodeAndRetryAfterInSecondsOrMilliseconds() {
    var seconds = model(FaultPlan.of(1, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterSeconds(2L)));
    var millis = model(FaultPlan.of(1, FaultRule.of(FaultKind.RATE_LIMIT).withRetryAfterMs(1_500L)));

    var a = seconds.chat(plain("hello"));
    var b = millis.chat(plain("hello"));
    clock.runUntilIdle();

    LlmFailure first = failureOf(a);
    assertThat(first.kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(first.status()).isEqualTo(429);
    assertThat(first.code()).contains("rate_limit_exceeded");
    assertThat(first.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(first.requestId()).hasValueSatisfying(id -> assertThat(id).matches("req_[0-9a-f]{32}"));
    assertThat(first.headers()).containsEntry("retry-after", List.of("2"));
    assertThat(failureOf(b).retryAfter()).contains(Duration.ofMillis(1_500));
  }

  @Test
  void aScriptedSequenceHappensInOrder() {
    var model = model(FaultPlan.of(1,
        FaultRule.sequence(List.of(FaultKind.RATE_LIMIT, FaultKind.SERVICE_UNAVAILABLE, FaultKind.OK), false)));

    List<CompletableFuture<ChatAnswer>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) calls.add(model.chat(plain("hello")));
    clock.runUntilIdle();

    assertThat(failureOf(calls.get(0)).kind()).isEqualTo(FailureKind.RATE_LIMITED);
    assertThat(failureOf(calls.get(1)).status()).isEqualTo(503);
    assertThat(calls.get(2).join().defect()).isEmpty();
    assertThat(model.requestCount()).isEqualTo(3);
  }

  @Test
  void theFaultHeaderForcesOneFaultForOneRequest() {
    var model = model(FaultPlan.healthy(1));

    var forced = model.chat(new ChatRequest("hello", null, TIMEOUT, false, Map.of("x-playground-fault", "overloaded")));
    var normal = model.chat(plain("hello"));
    clock.runUntilIdle();

    assertThat(failureOf(forced).status()).isEqualTo(529);
    assertThat(failureOf(forced).kind()).isEqualTo(FailureKind.SERVER_ERROR);
    assertThat(normal.join().defect()).isEmpty();
  }

  @Test
  void anUnknownFaultInTheHeaderIsRefusedAsAnInvalidRequest() {
    var model = model(FaultPlan.healthy(1));

    var headers = Map.of(SimulatedChatModel.FAULT_HEADER, "gremlins");
    var answer = model.chat(new ChatRequest("hello", null, TIMEOUT, false, headers));

    LlmFailure failure = failureOf(answer);
    assertThat(failure.kind()).isEqualTo(FailureKind.INVALID_REQUEST);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.getMessage()).contains("gremlins").contains("rate_limit");
  }

  @Test
  void badAnswersAreAnswersWithADefectNotFailures() {
    var model = model(FaultPlan.of(1, FaultRule.sequence(List.of(
        FaultKind.EMPTY_CONTENT, FaultKind.LENGTH, FaultKind.CONTENT_FILTER, FaultKind.STREAM_CUT), false)));

    var empty = model.chat(plain("hello"));
    var length = model.chat(plain("hello"));
    var filtered = model.chat(plain("hello"));
    var cut = model.chat(streamed("hello"));
    clock.runUntilIdle();

    assertThat(empty.join().defect()).contains(FailureKind.EMPTY_ANSWER);
    assertThat(length.join().defect()).contains(FailureKind.TRUNCATED);
    assertThat(filtered.join().defect()).contains(FailureKind.CONTENT_FILTERED);
    assertThat(cut.join().defect()).contains(FailureKind.STREAM_CUT);
    assertThat(cut.join().content()).isNotEmpty();
  }

  @Test
  void aPlainAnswerCutMidBodyIsANetworkFailure() {
    var model = model(FaultPlan.of(1, FaultRule.of(FaultKind.STREAM_CUT)));

    var answer = model.chat(plain("hello"));
    clock.runUntilIdle();

    assertThat(failureOf(answer).kind()).isEqualTo(FailureKind.NETWORK);
  }

  @Test
  void theSameSeedGivesTheSameOutcomesAndTimes() {
    assertThat(run(42)).isEqualTo(run(42)).isNotEqualTo(run(43));
  }

  private List<String> run(long seed) {
    var virtual = new VirtualClock();
    var plan = new FaultPlan(seed, List.of(
        FaultRule.of(FaultKind.RATE_LIMIT).withProbability(0.3),
        FaultRule.of(FaultKind.SLOW).withProbability(0.2).withLatency(Latency.uniform(50, 500))),
        Latency.lognormal(80, 0.5));
    var model = SimulatedChatModel.of("sim", "gpt-4o-mini", plan, virtual);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      model.chat(plain("question " + i)).whenComplete((a, e) -> seen.add(virtual.nowMillis() + ":"
          + (e != null ? ((LlmFailure) e).kind() + "/" + ((LlmFailure) e).requestId().orElse("") : a.requestId())));
    }
    virtual.runUntilIdle();
    return seen;
  }

  @Test
  void argumentsAreChecked() {
    var plan = FaultPlan.healthy(1);
    assertThatThrownBy(() -> SimulatedChatModel.of(" ", "m", plan, clock)).hasMessage("provider must not be empty");
    assertThatThrownBy(() -> SimulatedChatModel.of("p", "", plan, clock)).hasMessage("model must not be empty");
  }
}
