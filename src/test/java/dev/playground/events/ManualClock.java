package dev.playground.events;

import dev.playground.clock.RunClock;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A run clock that only moves when told to (or by a fixed step per reading). Thread-safe. */
final class ManualClock implements RunClock {
  private final AtomicLong millis = new AtomicLong();
  private final long stepPerReading;

  ManualClock() {
    this(0);
  }

  ManualClock(long stepPerReading) {
    this.stepPerReading = stepPerReading;
  }

  void set(long ms) {
    millis.set(ms);
  }

  @Override
  public long nowMillis() {
    return millis.getAndAdd(stepPerReading);
  }

  @Override
  public long nowNanos() {
    return TimeUnit.MILLISECONDS.toNanos(millis.get());
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the events tests schedule nothing");
  }

  @Override
  public boolean isVirtual() {
    return true;
  }
}
