package dev.playground.scenario;

import dev.playground.clock.RunClock;
import dev.playground.engine.Answer;
import dev.playground.engine.AskOptions;
import dev.playground.engine.ResilientClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends a load's prompts through the client: {@code concurrency} at a time, or at a fixed rate on the run
 * clock. Every send goes through the clock, so in virtual time the whole load runs on the driving thread.
 * Stoppable: requests not yet sent are skipped, those in flight finish. Thread-safe.
 */
public final class LoadGenerator {
  private final ResilientClient client;
  private final LoadSpec load;
  private final RunClock clock;
  private final Consumer<Answer> onAnswer;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CompletableFuture<Integer> done = new CompletableFuture<>();

  public LoadGenerator(ResilientClient client, LoadSpec load, RunClock clock, Consumer<Answer> onAnswer) {
    this.client = client;
    this.load = load;
    this.clock = clock;
    this.onAnswer = onAnswer == null ? a -> {} : onAnswer;
  }

  /** Starts sending; the future completes with the number of answered requests when the load is over. */
  public CompletableFuture<Integer> start() {
    if (load.byRate()) {
      double intervalMs = 1000.0 / load.ratePerSecond();
      for (int i = 0; i < load.requests(); i++) {
        long at = Math.round(i * intervalMs);
        clock.schedule(() -> {
          send();
          return null;
        }, at, TimeUnit.MILLISECONDS);
      }
    } else {
      int first = Math.min(load.concurrency(), load.requests());
      for (int i = 0; i < first; i++)
        clock.schedule(() -> {
          send();
          return null;
        }, 0, TimeUnit.MILLISECONDS);
    }
    return done;
  }

  /** Skips every request not sent yet; the future completes once those in flight have answered. */
  public void stop() {
    stopped.set(true);
    maybeDone();
  }

  public int sent() {
    return sent.get();
  }

  public int finished() {
    return finished.get();
  }

  public int total() {
    return load.requests();
  }

  public CompletableFuture<Integer> done() {
    return done;
  }

  private void send() {
    int i = next.getAndIncrement();
    if (i >= load.requests() || stopped.get()) {
      maybeDone();
      return;
    }
    sent.incrementAndGet();
    AskOptions options = load.stream() ? AskOptions.streaming() : AskOptions.DEFAULT;
    client.ask(load.prompt(i), options).whenComplete((answer, error) -> {
      finished.incrementAndGet();
      if (answer != null) onAnswer.accept(answer);
      if (!load.byRate()) send();
      maybeDone();
    });
  }

  private void maybeDone() {
    boolean noneLeft = stopped.get() || next.get() >= load.requests();
    if (noneLeft && finished.get() == sent.get() && (stopped.get() || sent.get() >= load.requests()))
      done.complete(finished.get());
  }
}
