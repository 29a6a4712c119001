package dev.playground.session;

/** Told how far a load run is; called from any thread. Implementations must be thread-safe. */
@FunctionalInterface
public interface LoadProgress {
  /** {@code done} of {@code total} requests have finished (answered on any rung). */
  void update(int done, int total);
}
