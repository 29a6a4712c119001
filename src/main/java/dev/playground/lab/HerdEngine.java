package dev.playground.lab;

/**
 * Which discrete-event loop runs the lab's virtual time. Both follow the same rules (time jumps to the earliest
 * event; events due at the same nanosecond run in scheduling order) and give identical results; they differ
 * only in speed. Immutable and thread-safe.
 */
public enum HerdEngine {
  /** The project's {@link dev.playground.clock.VirtualClock}, one scheduled task per event: the default. */
  VIRTUAL_CLOCK,
  /** The lab's own heap of client numbers with no allocation per event: a baseline for the clock's cost. */
  EVENT_LOOP;

  EventLoop.Factory loops() {
    return switch (this) {
      case VIRTUAL_CLOCK -> (clients, handler) -> new ClockEventLoop(handler);
      case EVENT_LOOP -> HeapEventLoop::new;
    };
  }
}
