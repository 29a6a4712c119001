package dev.playground.policy;

import dev.playground.clock.RunClock;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run clock for tests whose time moves only when the test says so: scheduled tasks run on the test's thread,
 * in time order, as time is advanced. Not thread-safe (one test thread).
 */
final class ManualClock implements RunClock {
  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order));
  private long now;
  private long order;

  @Override
  public long nowMillis() {
    return now / 1_000_000;
  }

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
    Task t = new Task(now + unit.toNanos(delay), order++, task);
    queue.add(t);
    return t;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  /** Runs every task due within {@code d}, in order, and leaves the clock {@code d} later. */
  void advance(Duration d) {
    long until = now + d.toNanos();
    while (!queue.isEmpty() && queue.peek().due <= until) runNext();
    now = until;
  }

  /** Runs tasks, jumping to each one's time, until none is left. */
  void runUntilIdle() {
    for (int i = 0; !queue.isEmpty(); i++) {
      if (i > 100_000) throw new IllegalStateException("the scheduled tasks never stop");
      runNext();
    }
  }

  int pending() {
    return (int) queue.stream().filter(t -> !t.isDone()).count();
  }

  private void runNext() {
    Task t = queue.poll();
    now = Math.max(now, t.due);
    t.run();
  }

  private final class Task implements ScheduledFuture<Object> {
    final long due;
    final long order;
    final Callable<?> body;
    final CompletableFuture<Object> result = new CompletableFuture<>();

    Task(long due, long order, Callable<?> body) {
      this.due = due;
      this.order = order;
      this.body = body;
    }

    void run() {
      if (result.isDone()) return;
      try {
        result.complete(body.call());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return result.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      return result.get(timeout, unit);
    }
  }
}
