package dev.playground.engine;

import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent;
import dev.playground.events.RunRecorder;
import dev.playground.events.Rung;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.LlmFailure;
import dev.playground.policy.ModelRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The engine's vocabulary of run events, published through the run's recorder. Thread-safe. */
final class EngineEvents {
  /** The response headers worth keeping in the log: the ones resilience decisions are made of. */
  private static final List<String> KEPT_HEADERS =
      List.of("retry-after", "retry-after-ms", "x-should-retry", "x-request-id");
  private static final int MAX_ANSWER_CHARS = 500;

  private final RunRecorder recorder;

  EngineEvents(RunRecorder recorder) {
    this.recorder = recorder;
  }

  RunRecorder recorder() {
    return recorder;
  }

  void requestStarted(RequestTrace t) {
    recorder.publish((s, ms) -> new RunEvent.RequestStarted(s, ms, t.req, t.prompt));
  }

  void attemptStarted(RequestTrace t, int attempt, int modelAttempt, ModelRef ref, Rung rung) {
    recorder.publish((s, ms) ->
        new RunEvent.AttemptStarted(s, ms, t.req, attempt, modelAttempt, ref.provider(), ref.model(), rung));
  }

  void attemptAnswered(RequestTrace t, int attempt, int modelAttempt, ModelRef ref, Rung rung, ChatAnswer a,
      double latencyMs) {
    String outcome = a.defect().map(k -> k.wireName()).orElse("ok");
    Map<String, String> headers = a.requestId() == null ? Map.of() : Map.of("x-request-id", a.requestId());
    recorder.publish((s, ms) -> new RunEvent.AttemptFinished(s, ms, t.req, attempt, modelAttempt, ref.provider(),
        ref.model(), rung, outcome, 200, latencyMs, null, a.requestId(), null, headers));
  }

  void attemptFailed(RequestTrace t, int attempt, int modelAttempt, ModelRef ref, Rung rung, LlmFailure f,
      double latencyMs) {
    Integer status = f.status() > 0 ? f.status() : null;
    Long retryAfterMs = f.retryAfter().map(Duration::toMillis).orElse(null);
    Map<String, String> headers = new TreeMap<>();
    for (String name : KEPT_HEADERS) {
      List<String> values = f.headers().get(name);
      if (values != null && !values.isEmpty()) headers.put(name, String.join(", ", values));
    }
    recorder.publish((s, ms) -> new RunEvent.AttemptFinished(s, ms, t.req, attempt, modelAttempt, ref.provider(),
        ref.model(), rung, f.kind().wireName(), status, latencyMs, retryAfterMs, f.requestId().orElse(null),
        f.getMessage(), headers));
  }

  void retryScheduled(RequestTrace t, ModelRef ref, Duration delay, RetryReason reason, Duration retryAfter) {
    Long asked = retryAfter == null ? null : retryAfter.toMillis();
    recorder.publish((s, ms) -> new RunEvent.RetryScheduled(s, ms, t.req, t.lastAttempt(), ref.provider(),
        ref.model(), delay.toMillis(), reason, asked));
  }

  void breakerChanged(String breaker, BreakerState from, BreakerState to, double failureRate, boolean manual) {
    recorder.publish((s, ms) -> new RunEvent.BreakerChanged(s, ms, breaker, from, to, failureRate, manual));
  }

  void breakerRejected(RequestTrace t, String breaker) {
    recorder.publish((s, ms) -> new RunEvent.BreakerRejected(s, ms, t.req, breaker));
  }

  void throttled(RequestTrace t, String policy, boolean rejected) {
    recorder.publish((s, ms) -> new RunEvent.Throttled(s, ms, t.req, policy, 0, rejected));
  }

  void fallbackUsed(RequestTrace t, ModelRef from, ModelRef to, String reason) {
    recorder.publish((s, ms) -> new RunEvent.FallbackUsed(s, ms, t.req, from.key(), to.key(), reason));
  }

  void rungFailed(RequestTrace t, Rung rung, String reason) {
    recorder.publish((s, ms) -> new RunEvent.RungFailed(s, ms, t.req, rung, reason));
  }

  void cacheHit(RequestTrace t, String stage, double ageMs) {
    recorder.publish((s, ms) -> new RunEvent.CacheHit(s, ms, t.req, stage, ageMs));
  }

  void requestFinished(Answer a) {
    String text = a.content() == null || a.content().length() <= MAX_ANSWER_CHARS
        ? a.content()
        : a.content().substring(0, MAX_ANSWER_CHARS) + " …";
    recorder.publish((s, ms) -> new RunEvent.RequestFinished(s, ms, a.req(), a.rung(), a.provider(), a.model(),
        a.outcome(), a.latencyMs(), a.attempts(), text));
  }
}
