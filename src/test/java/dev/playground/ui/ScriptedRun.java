package dev.playground.ui;

import dev.playground.clock.Seeds;
import dev.playground.events.BreakerState;
import dev.playground.events.RetryReason;
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
import dev.playground.events.Rung;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A deterministic, plausible run for tests, the demo and the benchmark: healthy calls, then a 429 storm on the
 * primary model (Retry-After waits, the breaker opening, rejections, fallbacks to a backup, cached answers).
 * The events come back sorted by time with {@code seq} 0, 1, 2 …
 */
public final class ScriptedRun {
  public static final String PRIMARY = "sim/gpt-4o-mini";
  public static final String BACKUP = "sim/gpt-4.1-nano";
  public static final long BREAKER_DELAY_MS = 10_000;

  private final long seed;
  private final List<RunEvent> out = new ArrayList<>();
  private BreakerState breaker = BreakerState.CLOSED;
  private long breakerChangedAt;
  private final List<Long> failures = new ArrayList<>();

  private ScriptedRun(long seed) {
    this.seed = seed;
  }

  /** {@code requests} requests, one every {@code spacingMs}; the storm starts at {@code stormAtMs}. */
  public static List<RunEvent> stormRun(long seed, int requests, long spacingMs, long stormAtMs) {
    ScriptedRun run = new ScriptedRun(seed);
    run.out.add(new RunStarted(0, 0, seed, "rate-limit storm (scripted)", "virtual", null, null));
    for (int i = 1; i <= requests; i++) run.request(i, i * spacingMs, i * spacingMs >= stormAtMs);
    return run.sorted();
  }

  private void request(long req, long t, boolean storm) {
    out.add(new RequestStarted(0, t, req, "question " + req));
    int attempt = 0;
    long now = t;
    if (breaker == BreakerState.OPEN && now >= breakerChangedAt + BREAKER_DELAY_MS) change(now, BreakerState.HALF_OPEN, 0.6);
    if (breaker == BreakerState.OPEN) {
      out.add(new BreakerRejected(0, now, req, PRIMARY));
      out.add(new FallbackUsed(0, now, req, PRIMARY, BACKUP, "breaker_open"));
      boolean backupOk = Seeds.unit(seed, req, 7) < 0.45;
      attempt++;
      long latency = latency(req, attempt);
      out.add(new AttemptStarted(0, now, req, attempt, 1, "sim", "gpt-4.1-nano", Rung.FULL));
      now += latency;
      if (backupOk) {
        out.add(finished(now, req, attempt, 1, "gpt-4.1-nano", "ok", 200, latency, null));
        out.add(new RequestFinished(0, now, req, Rung.FULL, "sim", "gpt-4.1-nano", "ok", now - t, attempt, "backup answer"));
        return;
      }
      out.add(finished(now, req, attempt, 1, "gpt-4.1-nano", "server_error", 503, latency, null));
      out.add(new RungFailed(0, now, req, Rung.FULL, "chain exhausted"));
      if (Seeds.unit(seed, req, 8) < 0.8) {
        out.add(new CacheHit(0, now + 2, req, "fallback", 42_000));
        out.add(new RequestFinished(0, now + 2, req, Rung.CACHED, "cache", "", "ok", now + 2 - t, attempt, "cached answer"));
      } else {
        out.add(new RequestFinished(0, now + 1, req, Rung.ERROR, "", "", "unavailable", now + 1 - t, attempt, "sorry"));
      }
      return;
    }
    for (int modelAttempt = 1; modelAttempt <= 3; modelAttempt++) {
      attempt++;
      long latency = storm ? 40 + (long) (Seeds.unit(seed, req, attempt) * 60) : latency(req, attempt);
      out.add(new AttemptStarted(0, now, req, attempt, modelAttempt, "sim", "gpt-4o-mini", Rung.FULL));
      now += latency;
      if (!storm) {
        out.add(finished(now, req, attempt, modelAttempt, "gpt-4o-mini", "ok", 200, latency, null));
        if (breaker == BreakerState.HALF_OPEN) change(now, BreakerState.CLOSED, 0.0);
        out.add(new RequestFinished(0, now, req, Rung.FULL, "sim", "gpt-4o-mini", "ok", now - t, attempt, "answer " + req));
        return;
      }
      long retryAfter = 1000 + 500 * (long) (Seeds.unit(seed, req, attempt, 3) * 3);
      out.add(finished(now, req, attempt, modelAttempt, "gpt-4o-mini", "rate_limited", 429, latency, retryAfter));
      failures.add(now);
      if (breaker == BreakerState.HALF_OPEN || failures.stream().filter(f -> f > failures.get(failures.size() - 1) - 5000).count() >= 5) {
        change(now, BreakerState.OPEN, 0.83);
        failures.clear();
        out.add(new FallbackUsed(0, now, req, PRIMARY, BACKUP, "breaker_open"));
        out.add(new RungFailed(0, now, req, Rung.FULL, "breaker open"));
        out.add(new CacheHit(0, now + 1, req, "fallback", 30_000));
        out.add(new RequestFinished(0, now + 1, req, Rung.CACHED, "cache", "", "ok", now + 1 - t, attempt, "cached"));
        return;
      }
      if (modelAttempt < 3) {
        out.add(new RetryScheduled(0, now, req, attempt, "sim", "gpt-4o-mini", retryAfter, RetryReason.RETRY_AFTER, retryAfter));
        now += retryAfter;
      }
    }
    out.add(new RungFailed(0, now, req, Rung.FULL, "retries exhausted"));
    out.add(new RequestFinished(0, now + 1, req, Rung.LIMITED, "sim", "gpt-4.1-nano", "ok", now + 1 - t, attempt, "limited"));
  }

  private void change(long t, BreakerState to, double rate) {
    out.add(new BreakerChanged(0, t, PRIMARY, breaker, to, rate, false));
    breaker = to;
    breakerChangedAt = t;
  }

  private long latency(long req, int attempt) {
    return 250 + (long) (Seeds.unit(seed, req, attempt, 1) * 700);
  }

  private static AttemptFinished finished(long t, long req, int attempt, int modelAttempt, String model, String outcome,
      Integer status, long latency, Long retryAfter) {
    Map<String, String> headers = retryAfter == null ? Map.of("x-request-id", "req_" + req + "_" + attempt)
        : Map.of("retry-after", String.valueOf(retryAfter / 1000.0), "retry-after-ms", String.valueOf(retryAfter),
            "x-request-id", "req_" + req + "_" + attempt);
    return new AttemptFinished(0, t, req, attempt, modelAttempt, "sim", model, Rung.FULL, outcome, status, latency,
        retryAfter, "req_" + req + "_" + attempt, "ok".equals(outcome) ? null : outcome + " from the simulated provider",
        headers);
  }

  private List<RunEvent> sorted() {
    List<RunEvent> events = new ArrayList<>(out);
    events.sort(Comparator.comparingLong(RunEvent::tMs)); // stable: a request's own order is kept at equal times
    List<RunEvent> numbered = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) numbered.add(Renumber.withSeq(events.get(i), i));
    return numbered;
  }
}
