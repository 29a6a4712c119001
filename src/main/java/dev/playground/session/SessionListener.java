package dev.playground.session;

import dev.playground.faults.FaultPlan;
import dev.playground.policy.PolicySet;
import java.time.Duration;
import java.util.Map;

/**
 * Told what a {@link Session} did, on the session's thread (or the thread that applied a change). Implementations
 * hand over to the FX thread themselves and must be thread-safe.
 */
public interface SessionListener {
  /** A run is open; its {@code run_started} has reached the window's consumer. */
  default void runOpened(RunInfo info) {}

  /** Opening a run failed; there is no run until another is opened. */
  default void runFailed(String message) {}

  /** A saved run is shown instead of a live one. */
  default void replayOpened(Replay replay) {}

  default void policiesChanged(PolicySet policies, Map<String, Duration> breakerDelays) {}

  /** The open run's story started: its timed faults count from {@code runMillis} of the run clock. */
  default void storyStarted(long runMillis) {}

  /** A plan was applied to a provider, or to {@link Session#ENGINE}. */
  default void faultsChanged(String provider, FaultPlan plan) {}
}
