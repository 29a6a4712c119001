package dev.playground.lab;

/**
 * A discrete-event loop in virtual time for one trial: each client has at most one pending event; events run in
 * time order, and events due at the same nanosecond run in the order they were scheduled. Not thread-safe.
 */
interface EventLoop {
  /** Virtual nanoseconds since the trial started. */
  long nowNanos();

  /** Hands {@code client}'s next event of {@code kind} to the handler once {@code delayNanos} have passed. */
  void schedule(long delayNanos, int client, int kind);

  /** Runs events until none is left. */
  void runUntilIdle();

  /** What an event does when its time comes. */
  @FunctionalInterface
  interface Handler {
    void on(int client, int kind);
  }

  /** Makes a fresh loop (time 0, nothing pending) for a trial of {@code clients} clients. */
  @FunctionalInterface
  interface Factory {
    EventLoop create(int clients, Handler handler);
  }
}
