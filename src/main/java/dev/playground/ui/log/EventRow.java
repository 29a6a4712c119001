package dev.playground.ui.log;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.CacheHit;
import dev.playground.events.RunEvent.FallbackUsed;
import dev.playground.events.RunEvent.FaultsChanged;
import dev.playground.events.RunEvent.PoliciesChanged;
import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent.RunFinished;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent.RungFailed;
import dev.playground.events.RunEvent.Throttled;
import dev.playground.events.RunEvent;
import java.util.Locale;

/**
 * One line of the event log table: the event and the columns filtered on. Immutable. The detail text is made
 * only when a cell shows it: under a flood most rows are never seen.
 *
 * @param req the request, or -1 for run-level events
 * @param outcome the event's outcome ("ok", "rate_limited" …, "rejected"), or "" when it has none
 */
public record EventRow(long seq, long tMs, String type, long req, String outcome, RunEvent event) {
  public static EventRow of(RunEvent e) {
    long req = e instanceof RequestEvent r ? r.req() : -1;
    return new EventRow(e.seq(), e.tMs(), e.type(), req, outcome(e), e);
  }

  /** A short, readable line about the event. */
  public String detail() {
    return detail(event);
  }

  /** The request column's text: "#12", or "" for run-level events. */
  public String reqText() {
    return req < 0 ? "" : "#" + req;
  }

  static String outcome(RunEvent e) {
    if (e instanceof AttemptFinished f) return f.outcome();
    if (e instanceof RequestFinished f) return f.outcome();
    if (e instanceof BreakerRejected) return "rejected";
    if (e instanceof Throttled t) return t.rejected() ? "rejected" : "";
    return "";
  }

  /** A short, readable line about the event (never the prompt's or answer's full text). */
  static String detail(RunEvent e) {
    if (e instanceof AttemptStarted s) {
      return String.format(Locale.ROOT, "attempt %d → %s/%s (rung %s)", s.attempt(), s.provider(), s.model(),
          s.rung().wireName());
    }
    if (e instanceof AttemptFinished f) {
      return String.format(Locale.ROOT, "attempt %d %s/%s: %s%s in %.0f ms%s%s", f.attempt(), f.provider(),
          f.model(), f.outcome(), f.status() == null ? "" : " (" + f.status() + ")", f.latencyMs(),
          f.retryAfterMs() == null ? "" : ", Retry-After " + f.retryAfterMs() + " ms",
          f.error() == null || f.error().isBlank() ? "" : ": " + f.error());
    }
    if (e instanceof RetryScheduled r) {
      return String.format(Locale.ROOT, "wait %d ms before attempt %d (%s%s)", r.delayMs(), r.attempt() + 1,
          r.reason().wireName(), r.retryAfterMs() == null ? "" : ", asked " + r.retryAfterMs() + " ms");
    }
    if (e instanceof BreakerChanged b) {
      return String.format(Locale.ROOT, "%s: %s → %s (failure rate %.0f%%%s)", b.breaker(), b.from().label(),
          b.to().label(), b.failureRate() * 100, b.manual() ? ", manual" : "");
    }
    if (e instanceof BreakerRejected b) return b.breaker() + " is open: not called";
    if (e instanceof Throttled t) {
      return t.policy() + (t.rejected() ? " rejected the call" : " delayed the call " + t.waitedMs() + " ms");
    }
    if (e instanceof FallbackUsed f) return f.from() + " → " + f.to() + (f.reason() == null ? "" : " (" + f.reason() + ")");
    if (e instanceof RungFailed r) return "rung " + r.rung().wireName() + " gave up" + (r.reason() == null ? "" : ": " + r.reason());
    if (e instanceof CacheHit c) return String.format(Locale.ROOT, "cache hit (%s), %.0f ms old", c.stage(), c.ageMs());
    if (e instanceof RequestFinished f) {
      return String.format(Locale.ROOT, "answered on rung %s by %s/%s in %.0f ms, %d attempt%s", f.rung().wireName(),
          f.provider(), f.model(), f.latencyMs(), f.attempts(), f.attempts() == 1 ? "" : "s");
    }
    if (e instanceof RequestStarted) return "request started";
    if (e instanceof RunStarted r) return "run started: " + r.scenario() + ", seed " + r.seed() + ", " + r.clock() + " clock";
    if (e instanceof FaultsChanged f) return "faults changed on " + f.provider();
    if (e instanceof PoliciesChanged) return "policies changed";
    if (e instanceof RunFinished) return "run finished";
    return e.type();
  }
}
