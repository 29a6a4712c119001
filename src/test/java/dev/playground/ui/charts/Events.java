package dev.playground.ui.charts;

import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import java.util.Map;

/** Short constructors for the events the chart tests feed. */
final class Events {
  private Events() {}

  static RunEvent started(long t, long req) {
    return new RunEvent.RequestStarted(0, t, req, "q");
  }

  static RunEvent attempt(long t, long req, int n) {
    return new RunEvent.AttemptStarted(0, t, req, n, n, "sim", "m", Rung.FULL);
  }

  static RunEvent finished(long t, long req, int n, String outcome, Long retryAfterMs) {
    return new RunEvent.AttemptFinished(0, t, req, n, n, "sim", "m", Rung.FULL, outcome, "ok".equals(outcome) ? 200 : 429,
        100, retryAfterMs, null, null, Map.of());
  }

  static RunEvent retry(long t, long req, int n, long delay, Long asked) {
    return new RunEvent.RetryScheduled(0, t, req, n, "sim", "m", delay,
        asked == null ? RetryReason.BACKOFF : RetryReason.RETRY_AFTER, asked);
  }

  static RunEvent breaker(long t, BreakerState from, BreakerState to) {
    return new RunEvent.BreakerChanged(0, t, "sim/m", from, to, 0.8, false);
  }

  static RunEvent answered(long t, long req, Rung rung, double latency) {
    return new RunEvent.RequestFinished(0, t, req, rung, "sim", "m", rung == Rung.ERROR ? "unavailable" : "ok",
        latency, 1, "a");
  }
}
