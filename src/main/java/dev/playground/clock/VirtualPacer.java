package dev.playground.clock;

import dev.playground.common.DaemonThreads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link VirtualClock} on a thread of its own so a person can watch a virtual run: at a chosen speed
 * (1×, 10×, 100× scenario time per wall time) or as fast as possible. The speed can change while it runs.
 * Only presentation waits here; the run itself is as deterministic as any virtual run. Thread-safe.
 */
public final class VirtualPacer implements AutoCloseable {
  /** The speed meaning "do not wait at all". */
  public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final VirtualClock clock;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile double speed;
  private long wallAnchor;
  private long virtualAnchor;

  public VirtualPacer(VirtualClock clock, double speed) {
    this.clock = clock;
    setSpeed(speed);
    this.thread = DaemonThreads.named("virtual-pacer").newThread(this::drive);
  }

  public VirtualPacer start() {
    thread.start();
    return this;
  }

  /** Scenario milliseconds per wall millisecond, > 0, or {@link #AS_FAST_AS_POSSIBLE}. */
  public void setSpeed(double newSpeed) {
    if (!(newSpeed > 0)) throw new IllegalArgumentException("speed must be > 0, was " + newSpeed);
    synchronized (this) {
      speed = newSpeed;
      wallAnchor = System.nanoTime();
      virtualAnchor = clock.nowNanos();
    }
  }

  public double speed() {
    return speed;
  }

  private void drive() {
    while (running) {
      long next = clock.nextDueMillis();
      if (next < 0) {
        LockSupport.parkNanos(IDLE_PARK_NANOS);
        continue;
      }
      long waitNanos = 0;
      synchronized (this) {
        if (!Double.isInfinite(speed)) {
          long dueWall = wallAnchor + (long) ((TimeUnit.MILLISECONDS.toNanos(next) - virtualAnchor) / speed);
          waitNanos = dueWall - System.nanoTime();
        }
      }
      if (waitNanos > 0) LockSupport.parkNanos(Math.min(waitNanos, MAX_PARK_NANOS));
      else clock.step();
    }
  }

  /** Stops driving (tasks not yet due stay queued). */
  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
  }
}
