package dev.playground.clock;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Time that jumps: a discrete-event queue. Nothing waits; {@link #runUntilIdle()} (or {@link #runUntil})
 * takes the earliest task, moves "now" to its time and runs it, on the calling thread. Tasks due at the same
 * time run in the order they were scheduled, so a run is deterministic for its inputs.
 *
 * <p>Thread-safe for scheduling and reading the time; the run methods are meant for one driving thread.
 */
public final class VirtualClock implements RunClock {
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order));
  private long nowNanos;
  private long sequence;
  private long executed;

  @Override
  public synchronized long nowMillis() {
    return TimeUnit.NANOSECONDS.toMillis(nowNanos);
  }

  @Override
  public synchronized long nowNanos() {
    return nowNanos;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    if (callable == null) throw new IllegalArgumentException("task must not be null");
    long due = nowNanos + Math.max(0, unit.toNanos(delay));
    Task task = new Task(callable, due, sequence++);
    queue.add(task);
    return task;
  }

  /** Schedules a plain action; a convenience over {@link #schedule(Callable, long, TimeUnit)}. */
  public ScheduledFuture<?> schedule(Runnable action, long delayMillis) {
    return schedule(() -> {
      action.run();
      return null;
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Runs every task, including those scheduled while running, until none is left. Returns tasks run. */
  public long runUntilIdle() {
    return runUntil(Long.MAX_VALUE);
  }

  /**
   * Runs every task due at or before {@code virtualMillis} (since the start), then moves now to that time
   * (unless it is {@code Long.MAX_VALUE}). Returns the number of tasks run.
   */
  public long runUntil(long virtualMillis) {
    long limit = virtualMillis == Long.MAX_VALUE ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(virtualMillis);
    long ran = 0;
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due > limit) {
          if (limit != Long.MAX_VALUE && limit > nowNanos) nowNanos = limit;
          break;
        }
        queue.poll();
        nowNanos = Math.max(nowNanos, next.due);
        executed++;
      }
      next.run();
      ran++;
    }
    return ran;
  }

  /** Advances by {@code millis}, running everything due on the way. */
  public long advance(long millis) {
    if (millis < 0) throw new IllegalArgumentException("advance must be ≥ 0 ms, was " + millis);
    return runUntil(nowMillis() + millis);
  }

  /** Runs the earliest task only; false if there was none. */
  public boolean step() {
    Task next;
    synchronized (this) {
      next = queue.poll();
      if (next == null) return false;
      nowNanos = Math.max(nowNanos, next.due);
      executed++;
    }
    next.run();
    return true;
  }

  /** The time of the earliest pending task in milliseconds, or -1 if none. */
  public synchronized long nextDueMillis() {
    Task next = queue.peek();
    return next == null ? -1 : TimeUnit.NANOSECONDS.toMillis(next.due);
  }

  public synchronized int pending() {
    return queue.size();
  }

  /** Tasks run since the clock was made. */
  public synchronized long executed() {
    return executed;
  }

  private final class Task implements ScheduledFuture<Object> {
    private final Callable<?> callable;
    private final long due;
    private final long order;
    private volatile boolean cancelled;
    private volatile boolean done;
    private volatile Object result;
    private volatile Throwable failure;

    Task(Callable<?> callable, long due, long order) {
      this.callable = callable;
      this.due = due;
      this.order = order;
    }

    void run() {
      if (cancelled) return;
      try {
        result = callable.call();
      } catch (Throwable t) {
        failure = t;
      } finally {
        done = true;
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - nowNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) return false;
      cancelled = true;
      synchronized (VirtualClock.this) {
        queue.remove(this);
      }
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    /** Never waits: virtual time moves only when the driving thread runs the clock. */
    @Override
    public Object get() throws ExecutionException {
      if (cancelled) throw new CancellationException();
      if (!done) throw new IllegalStateException("task due at " + due / 1_000_000 + " ms has not run yet");
      if (failure != null) throw new ExecutionException(failure);
      return result;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
      if (!done && !cancelled) throw new TimeoutException("virtual task not run yet");
      return get();
    }
  }
}
