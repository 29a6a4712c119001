package dev.playground.scenario;

import dev.playground.clock.RunClock;
import dev.playground.engine.ContextRetriever;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultKind;
import dev.playground.faults.Target;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A retriever as broken as the engine's fault plan says ({@code target: retriever}): each lookup is decided by
 * the plan and answers late (its latency, on the run clock), never (a timeout), or with a failure named after
 * the fault. Thread-safe.
 */
final class FaultyRetriever implements ContextRetriever {
  private final ContextRetriever retriever;
  private final FaultInjector faults;
  private final RunClock clock;

  FaultyRetriever(ContextRetriever retriever, FaultInjector faults, RunClock clock) {
    this.retriever = retriever;
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<String> context(String prompt, Duration timeout) {
    FaultDecision d = faults.decide("retriever", Target.RETRIEVER);
    if (d.isOk() && d.latencyMs() == 0) return retriever.context(prompt, timeout);
    boolean works = d.isOk() || d.kind() == FaultKind.SLOW;
    long delay = d.kind() == FaultKind.TIMEOUT ? timeout.toMillis() : d.latencyMs();
    boolean timesOut = works && delay > timeout.toMillis();
    CompletableFuture<String> result = new CompletableFuture<>();
    clock.schedule(() -> {
      if (works && !timesOut) retriever.context(prompt, timeout).whenComplete((c, e) -> {
        if (e != null) result.completeExceptionally(e);
        else result.complete(c);
      });
      else result.completeExceptionally(new IllegalStateException(
          "retriever: " + (timesOut || d.kind() == FaultKind.TIMEOUT ? "timeout" : d.kind().wireName())));
      return null;
    }, Math.min(delay, timeout.toMillis()), TimeUnit.MILLISECONDS);
    return result;
  }
}
