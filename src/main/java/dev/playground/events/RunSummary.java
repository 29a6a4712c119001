package dev.playground.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The numbers of a run, kept up to date one event at a time: feed it a finished log, or subscribe it to a
 * {@link RunRecorder} (or the UI's batcher) and read it while the run goes. Thread-safe (one lock; events must
 * arrive in {@code seq} order).
 *
 * <ul>
 *   <li>requests: {@code request_started} events; by rung and by outcome: {@code request_finished} events.
 *   <li>attempts: HTTP calls the providers saw, i.e. {@code attempt_finished} events whose outcome is not
 *       {@code rejected} (a breaker rejection sends nothing); retries: {@code retry_scheduled} events.
 *   <li>amplification: attempts ÷ requests (1.0 = one call per logical request; 0 before any request).
 *   <li>latency: of finished requests and of calls, see {@link LatencyStats}.
 *   <li>time degraded: the run-clock time during which the most recent answer was below {@code full}: it starts
 *       when a request finishes at {@code limited}, {@code cached} or {@code error} and ends when one finishes at
 *       {@code full} (or at the latest event).
 *   <li>duration: from the first event to the latest one.
 * </ul>
 */
public final class RunSummary implements Consumer<RunEvent> {
  private long requests;
  private long finished;
  private final EnumMap<Rung, Long> byRung = new EnumMap<>(Rung.class);
  private final TreeMap<String, Long> byOutcome = new TreeMap<>();
  private long attempts;
  private long retries;
  private final TreeMap<String, Long> callsByModel = new TreeMap<>();
  private final Histogram requestMicros = new Histogram(3);
  private final Histogram attemptMicros = new Histogram(3);
  private double requestMinMs = Double.MAX_VALUE;
  private double requestMaxMs;
  private double requestSumMs;
  private double attemptMinMs = Double.MAX_VALUE;
  private double attemptMaxMs;
  private double attemptSumMs;
  private final TreeMap<String, Breaker> breakers = new TreeMap<>();
  private long breakerRejections;
  private long fallbacks;
  private long cacheHits;
  private long throttled;
  private long degradedMs;
  private Long degradedSince; // t_ms of the answer that started the current degraded stretch
  private Long firstTMs;
  private long lastTMs;

  public RunSummary() {
    for (Rung r : Rung.values()) byRung.put(r, 0L);
  }

  /** The summary of {@code events}. */
  public static RunSummary of(Iterable<? extends RunEvent> events) {
    var summary = new RunSummary();
    for (RunEvent e : events) summary.accept(e);
    return summary;
  }

  /** The summary of {@code events}, consumed in order. */
  public static RunSummary of(Stream<? extends RunEvent> events) {
    var summary = new RunSummary();
    events.forEachOrdered(summary::accept);
    return summary;
  }

  @Override
  public synchronized void accept(RunEvent event) {
    if (firstTMs == null) firstTMs = event.tMs();
    lastTMs = Math.max(lastTMs, event.tMs());
    if (event instanceof RunEvent.RequestStarted) {
      requests++;
    } else if (event instanceof RunEvent.AttemptFinished f) {
      if (!"rejected".equals(f.outcome())) {
        attempts++;
        callsByModel.merge(f.provider() + "/" + f.model(), 1L, Long::sum);
        attemptMicros.recordValue(micros(f.latencyMs()));
        attemptMinMs = Math.min(attemptMinMs, f.latencyMs());
        attemptMaxMs = Math.max(attemptMaxMs, f.latencyMs());
        attemptSumMs += f.latencyMs();
      }
    } else if (event instanceof RunEvent.RetryScheduled) {
      retries++;
    } else if (event instanceof RunEvent.RequestFinished f) {
      finished++;
      if (f.rung() != null) byRung.merge(f.rung(), 1L, Long::sum);
      byOutcome.merge(String.valueOf(f.outcome()), 1L, Long::sum);
      requestMicros.recordValue(micros(f.latencyMs()));
      requestMinMs = Math.min(requestMinMs, f.latencyMs());
      requestMaxMs = Math.max(requestMaxMs, f.latencyMs());
      requestSumMs += f.latencyMs();
      boolean degraded = f.rung() != Rung.FULL;
      if (degraded && degradedSince == null) {
        degradedSince = f.tMs();
      } else if (!degraded && degradedSince != null) {
        degradedMs += Math.max(0, f.tMs() - degradedSince);
        degradedSince = null;
      }
    } else if (event instanceof RunEvent.BreakerChanged b) {
      breakers.computeIfAbsent(b.breaker(), k -> new Breaker()).change(b);
    } else if (event instanceof RunEvent.BreakerRejected) {
      breakerRejections++;
    } else if (event instanceof RunEvent.FallbackUsed) {
      fallbacks++;
    } else if (event instanceof RunEvent.CacheHit) {
      cacheHits++;
    } else if (event instanceof RunEvent.Throttled) {
      throttled++;
    }
  }

  /** Logical requests started. */
  public synchronized long requests() {
    return requests;
  }

  /** Logical requests answered (at any rung, {@code error} included). */
  public synchronized long finished() {
    return finished;
  }

  /** Answered requests by the rung that answered; every rung is present. */
  public synchronized Map<Rung, Long> byRung() {
    return Collections.unmodifiableMap(new EnumMap<>(byRung));
  }

  /** Answered requests by outcome ({@code ok}, {@code server_error} …), sorted by outcome. */
  public synchronized Map<String, Long> byOutcome() {
    return new LinkedHashMap<>(byOutcome);
  }

  /** HTTP calls the providers saw. */
  public synchronized long attempts() {
    return attempts;
  }

  /** Scheduled retries. */
  public synchronized long retries() {
    return retries;
  }

  /** Calls per logical request: {@link #attempts()} ÷ {@link #requests()}, 0 before the first request. */
  public synchronized double amplification() {
    return requests == 0 ? 0 : (double) attempts / requests;
  }

  /** Calls by "provider/model", sorted. */
  public synchronized Map<String, Long> callsByModel() {
    return new LinkedHashMap<>(callsByModel);
  }

  /** Latency of answered requests. */
  public synchronized LatencyStats requestLatency() {
    return LatencyStats.of(requestMicros, requestMinMs, requestMaxMs, requestSumMs);
  }

  /** Latency of calls. */
  public synchronized LatencyStats attemptLatency() {
    return LatencyStats.of(attemptMicros, attemptMinMs, attemptMaxMs, attemptSumMs);
  }

  /** Each breaker that changed state, by name, sorted. */
  public synchronized Map<String, BreakerStats> breakers() {
    var out = new LinkedHashMap<String, BreakerStats>();
    breakers.forEach((name, b) -> out.put(name, b.stats(lastTMs)));
    return out;
  }

  public synchronized long breakerRejections() {
    return breakerRejections;
  }

  public synchronized long fallbacks() {
    return fallbacks;
  }

  public synchronized long cacheHits() {
    return cacheHits;
  }

  public synchronized long throttled() {
    return throttled;
  }

  /** Run-clock time during which the latest answer was below {@code full}; see the class comment. */
  public synchronized long degradedMs() {
    return degradedMs + (degradedSince == null ? 0 : Math.max(0, lastTMs - degradedSince));
  }

  /** Run-clock time from the first event to the latest. */
  public synchronized long durationMs() {
    return firstTMs == null ? 0 : lastTMs - firstTMs;
  }

  /** The summary for a terminal: one aligned line per figure; secrets masked as in the run log. */
  public synchronized String toText() {
    return Redaction.environment().apply(SummaryFormat.text(this));
  }

  /** The summary as JSON (the {@code counts} of {@code run_finished}); keys in a fixed order. */
  public synchronized ObjectNode toJson() {
    return SummaryFormat.json(this);
  }

  private static long micros(double ms) {
    return Double.isFinite(ms) ? Math.max(0, Math.round(ms * 1000)) : 0;
  }

  /** One breaker's history so far. */
  private static final class Breaker {
    BreakerState state = BreakerState.CLOSED;
    long transitions;
    long opened;
    long openMs;
    long openSince;

    void change(RunEvent.BreakerChanged b) {
      if (state == BreakerState.OPEN) openMs += Math.max(0, b.tMs() - openSince);
      transitions++;
      if (b.to() == BreakerState.OPEN) {
        opened++;
        openSince = b.tMs();
      }
      state = b.to() == null ? state : b.to();
    }

    BreakerStats stats(long now) {
      long open = openMs + (state == BreakerState.OPEN ? Math.max(0, now - openSince) : 0);
      return new BreakerStats(state, transitions, opened, open);
    }
  }
}
