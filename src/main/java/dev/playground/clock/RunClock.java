package dev.playground.clock;

import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The run's one source of time: what time it is and how to do something later. Live clocks wait in real
 * time; virtual clocks jump. Implementations are thread-safe.
 *
 * <p>{@link #schedule} has the shape of Failsafe's {@code Scheduler}, so the engine passes
 * {@code clock::schedule} to {@code FailsafeExecutor.with(...)} and retry waits follow this clock.
 */
public interface RunClock {
  /** Milliseconds since the run started. */
  long nowMillis();

  /** Nanoseconds since the run started, for latencies. */
  long nowNanos();

  /**
   * Runs {@code task} once {@code delay} has passed on this clock, never on the calling thread before this
   * method returns (Failsafe's retries depend on it; see {@code LiveClock#schedule}).
   */
  ScheduledFuture<?> schedule(Callable<?> task, long delay, TimeUnit unit);

  /** True if time jumps instead of passing. */
  boolean isVirtual();
}
