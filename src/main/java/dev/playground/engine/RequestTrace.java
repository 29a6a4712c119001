package dev.playground.engine;

import dev.playground.policy.ModelRef;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One logical request as it goes down the ladder: its number, when it started, how many calls it made, and
 * the latest failure (what the {@code error} rung reports). Thread-safe: its attempts may finish on
 * different threads, one after the other.
 */
final class RequestTrace {
  final long req;
  final String prompt;
  final long startNanos;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger lastAttempt = new AtomicInteger();
  private final AtomicReference<String> lastFailure = new AtomicReference<>();
  private final AtomicReference<ModelRef> answeredBy = new AtomicReference<>();

  RequestTrace(long req, String prompt, long startNanos) {
    this.req = req;
    this.prompt = prompt;
    this.startNanos = startNanos;
  }

  /** Numbers a new call of this request: 1, 2, 3 … across models and rungs. */
  int nextAttempt() {
    int n = attempts.incrementAndGet();
    lastAttempt.set(n);
    return n;
  }

  int attempts() {
    return attempts.get();
  }

  /** The request-wide number of the latest call, for the retry that follows it. */
  int lastAttempt() {
    return lastAttempt.get();
  }

  /** The model whose call returned an answer last: who answered, when the chain succeeds. */
  void answered(ModelRef ref) {
    answeredBy.set(ref);
  }

  ModelRef answeredBy() {
    return answeredBy.get();
  }

  void failed(String outcome) {
    lastFailure.set(outcome);
  }

  /** The latest failure's outcome name, or "unknown" if nothing failed in a way that named itself. */
  String lastFailure() {
    String f = lastFailure.get();
    return f == null ? "unknown" : f;
  }
}
