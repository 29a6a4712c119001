package dev.playground.bench;

import dev.playground.events.RunEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Keeps the books of a run as its events go by: every request started must finish exactly once, every attempt
 * started must finish exactly once. Holds only what is open, so its memory is bounded by what is in flight.
 * Thread-safe (the recorder calls it under its lock; the bench reads it from other threads).
 */
final class SoakLedger implements Consumer<RunEvent> {
  final AtomicLong events = new AtomicLong();
  final LongAdder requestsStarted = new LongAdder();
  final LongAdder requestsFinished = new LongAdder();
  final LongAdder attemptsStarted = new LongAdder();
  final LongAdder attemptsFinished = new LongAdder();
  final LongAdder violations = new LongAdder();
  final LongAdder[] byRung = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
  private final Set<Long> openRequests = ConcurrentHashMap.newKeySet();
  private final Set<Long> openAttempts = ConcurrentHashMap.newKeySet();
  private volatile String firstViolation;

  @Override
  public void accept(RunEvent event) {
    events.incrementAndGet();
    if (event instanceof RunEvent.RequestStarted s) {
      requestsStarted.increment();
      if (!openRequests.add(s.req())) violation("request " + s.req() + " started twice");
    } else if (event instanceof RunEvent.RequestFinished f) {
      requestsFinished.increment();
      byRung[f.rung().ordinal()].increment();
      if (!openRequests.remove(f.req())) violation("request " + f.req() + " finished twice, or never started");
    } else if (event instanceof RunEvent.AttemptStarted s) {
      attemptsStarted.increment();
      if (!openAttempts.add(key(s.req(), s.attempt()))) violation("attempt " + s.req() + "/" + s.attempt() + " twice");
    } else if (event instanceof RunEvent.AttemptFinished f) {
      attemptsFinished.increment();
      if (!openAttempts.remove(key(f.req(), f.attempt())))
        violation("attempt " + f.req() + "/" + f.attempt() + " finished twice, or never started");
    }
  }

  int openRequests() {
    return openRequests.size();
  }

  int openAttempts() {
    return openAttempts.size();
  }

  String firstViolation() {
    return firstViolation;
  }

  private void violation(String what) {
    violations.increment();
    if (firstViolation == null) firstViolation = what;
  }

  private static long key(long req, int attempt) {
    return req * 1_000 + attempt;
  }
}
