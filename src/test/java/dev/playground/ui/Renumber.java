package dev.playground.ui;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.CacheHit;
import dev.playground.events.RunEvent.FallbackUsed;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent.RungFailed;
import dev.playground.events.RunEvent;

/** Copies of events with another seq (and time), for scripted runs. Stateless. */
public final class Renumber {
  private Renumber() {}

  public static RunEvent withSeq(RunEvent e, long seq) {
    return shifted(e, seq, 0, 0);
  }

  /** {@code e} with a new seq, its time moved by {@code dtMs} and its request moved by {@code dReq}. */
  public static RunEvent shifted(RunEvent e, long seq, long dtMs, long dReq) {
    long t = e.tMs() + dtMs;
    if (e instanceof RunStarted r) return new RunStarted(seq, t, r.seed(), r.scenario(), r.clock(), r.policies(), r.faults());
    if (e instanceof RequestStarted r) return new RequestStarted(seq, t, r.req() + dReq, r.prompt());
    if (e instanceof AttemptStarted a) {
      return new AttemptStarted(seq, t, a.req() + dReq, a.attempt(), a.modelAttempt(), a.provider(), a.model(), a.rung());
    }
    if (e instanceof AttemptFinished f) {
      return new AttemptFinished(seq, t, f.req() + dReq, f.attempt(), f.modelAttempt(), f.provider(), f.model(), f.rung(),
          f.outcome(), f.status(), f.latencyMs(), f.retryAfterMs(), f.requestId(), f.error(), f.headers());
    }
    if (e instanceof RetryScheduled r) {
      return new RetryScheduled(seq, t, r.req() + dReq, r.attempt(), r.provider(), r.model(), r.delayMs(), r.reason(),
          r.retryAfterMs());
    }
    if (e instanceof BreakerChanged b) return new BreakerChanged(seq, t, b.breaker(), b.from(), b.to(), b.failureRate(), b.manual());
    if (e instanceof BreakerRejected b) return new BreakerRejected(seq, t, b.req() + dReq, b.breaker());
    if (e instanceof FallbackUsed f) return new FallbackUsed(seq, t, f.req() + dReq, f.from(), f.to(), f.reason());
    if (e instanceof RungFailed r) return new RungFailed(seq, t, r.req() + dReq, r.rung(), r.reason());
    if (e instanceof CacheHit c) return new CacheHit(seq, t, c.req() + dReq, c.stage(), c.ageMs());
    if (e instanceof RequestFinished f) {
      return new RequestFinished(seq, t, f.req() + dReq, f.rung(), f.provider(), f.model(), f.outcome(), f.latencyMs(),
          f.attempts(), f.answer());
    }
    throw new IllegalArgumentException("cannot renumber a " + e.type());
  }
}
