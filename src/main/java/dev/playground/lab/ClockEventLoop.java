package dev.playground.lab;

import dev.playground.clock.VirtualClock;
import java.util.concurrent.TimeUnit;

/** The event loop on the project's {@link VirtualClock}: one clock task per event. Not thread-safe. */
final class ClockEventLoop implements EventLoop {
  private final VirtualClock clock = new VirtualClock();
  private final Handler handler;

  ClockEventLoop(Handler handler) {
    this.handler = handler;
  }

  @Override
  public long nowNanos() {
    return clock.nowNanos();
  }

  @Override
  public void schedule(long delayNanos, int client, int kind) {
    clock.schedule(() -> {
      handler.on(client, kind);
      return null;
    }, delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void runUntilIdle() {
    clock.runUntilIdle();
  }
}
