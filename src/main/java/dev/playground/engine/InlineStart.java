package dev.playground.engine;

import dev.failsafe.spi.Scheduler;
import dev.playground.clock.RunClock;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Failsafe's scheduler for one execution on a live clock, which saves the healthy path its thread switch:
 * what Failsafe schedules with no delay before the execution's first attempt (its hand-off to the call, a
 * rate limiter's or bulkhead's permit) runs at once on the thread that started the execution. Everything else,
 * and everything once an attempt or a retry is under way, goes to the run clock. Thread-safe.
 *
 * <p>Only those first hand-offs may run inline: after them Failsafe merely registers how to cancel what it
 * scheduled. After scheduling a retry it instead cancels the work of earlier attempts, so a retry run inside
 * {@code schedule} would be cancelled as it starts (its request would end while its call was still out).
 */
final class InlineStart implements Scheduler {
  private final RunClock clock;
  private final Thread starter = Thread.currentThread();
  private volatile boolean over;

  InlineStart(RunClock clock) {
    this.clock = clock;
  }

  /** The execution's first attempt (or a retry) is under way: from now on every task goes to the clock. */
  void over() {
    over = true;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
    if (delay > 0 || over || Thread.currentThread() != starter) return clock.schedule(task, delay, unit);
    Object result;
    try {
      result = task.call();
    } catch (Exception e) {
      return new Ran(null, e);
    }
    return new Ran(result, null);
  }

  /** A task that has already run, as the future Failsafe keeps (to cancel it, which is then too late). */
  private record Ran(Object result, Exception failure) implements ScheduledFuture<Object> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() throws ExecutionException {
      if (failure != null) throw new ExecutionException(failure);
      return result;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws ExecutionException {
      return get();
    }
  }
}
