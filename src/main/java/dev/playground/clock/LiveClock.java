package dev.playground.clock;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real time, counted from when the clock was made; delayed work runs on a small pool of daemon threads.
 * Scheduled tasks must be short and must not block (they start asynchronous calls). Thread-safe.
 */
public final class LiveClock implements RunClock, AutoCloseable {
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  public LiveClock() {
    this(2);
  }

  public LiveClock(int threads) {
    var counter = new AtomicInteger();
    var executor = new ScheduledThreadPoolExecutor(threads, r -> {
      Thread t = new Thread(r, "run-clock-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.timer = executor;
  }

  @Override
  public long nowMillis() {
    return TimeUnit.NANOSECONDS.toMillis(nowNanos());
  }

  @Override
  public long nowNanos() {
    return System.nanoTime() - startNanos;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
    if (delay <= 0) return runNow(task);
    return timer.schedule(task, delay, unit);
  }

  /**
   * Work due now runs on the calling thread: a hand-off to the timer thread would cost each call of the
   * resilient client a thread switch (tens of microseconds) for nothing. Tasks are short and never block.
   */
  private static ScheduledFuture<?> runNow(Callable<?> task) {
    var future = new java.util.concurrent.FutureTask<Object>(task::call);
    future.run();
    return new DoneFuture(future);
  }

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** A task that already ran, as the {@link ScheduledFuture} Failsafe expects. */
  private record DoneFuture(java.util.concurrent.FutureTask<Object> task) implements ScheduledFuture<Object> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(java.util.concurrent.Delayed other) {
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
    public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
      return task.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, java.util.concurrent.ExecutionException {
      return task.get();
    }
  }
}
