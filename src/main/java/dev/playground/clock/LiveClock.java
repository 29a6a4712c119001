package dev.playground.clock;

import dev.playground.common.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    var executor = new ScheduledThreadPoolExecutor(threads, DaemonThreads.numbered("run-clock"));
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

  /**
   * Always hands the task to a timer thread, even with no delay: never runs it on the calling thread. Failsafe
   * relies on that: right after scheduling a retry it cancels what the previous attempt left behind, and a
   * retry that had already run inside this call would be what it cancels.
   */
  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit) {
    return timer.schedule(task, Math.max(0, delay), unit);
  }

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
