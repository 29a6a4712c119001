package dev.playground.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What one call ended with, for assertions: an answer or a classified failure. */
record Outcome(ChatAnswer answer, LlmFailure failure) {

  /** Waits at most {@code bound} for the call (a bound, not a sleep: it returns as soon as the call ends). */
  static Outcome await(CompletableFuture<ChatAnswer> call, Duration bound) {
    try {
      return new Outcome(call.get(bound.toMillis(), TimeUnit.MILLISECONDS), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LlmFailure f) return new Outcome(null, f);
      throw new AssertionError("the call failed with something other than an LlmFailure", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the call did not end within " + bound);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The outcome of a call that must have ended already (on a virtual clock that has run). */
  static Outcome done(CompletableFuture<ChatAnswer> call) {
    if (!call.isDone()) throw new AssertionError("the call has not ended");
    return await(call, Duration.ZERO);
  }

  boolean failed() {
    return failure != null;
  }

  /** The failure's kind, or the answer's defect, or empty for a good answer. */
  Optional<FailureKind> kindOrDefect() {
    return failed() ? Optional.of(failure.kind()) : answer.defect();
  }

  int status() {
    return failed() ? failure.status() : 200;
  }

  Optional<Duration> retryAfter() {
    return failed() ? failure.retryAfter() : Optional.empty();
  }

  Optional<String> code() {
    return failed() ? failure.code() : Optional.empty();
  }

  Optional<String> requestId() {
    return failed() ? failure.requestId() : Optional.ofNullable(answer.requestId());
  }

  /** The SDK exception the failure was classified from, or null. */
  Class<?> sdkException() {
    return failed() && failure.getCause() != null ? failure.getCause().getClass() : null;
  }

  @Override
  public String toString() {
    return failed() ? failure.toString() : "answer " + answer.defect().map(FailureKind::wireName).orElse("ok");
  }
}
