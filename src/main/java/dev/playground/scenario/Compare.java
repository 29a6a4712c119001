package dev.playground.scenario;

import dev.playground.clock.VirtualClock;
import dev.playground.events.BreakerStats;
import dev.playground.events.RunEvent;
import dev.playground.events.RunSummary;
import dev.playground.events.Rung;
import dev.playground.policy.PolicySet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A/B: two policy sets on the same scenario, the same seed and the same fault for each call. Both run in
 * virtual time with faults decided per logical call (request, rung, model, attempt), so the k-th attempt of a
 * request at a model meets the same fault on both sides whatever the policies did before it. Stateless.
 */
public final class Compare {
  private Compare() {}

  /** One side: a label and its policies. */
  public record Side(String label, PolicySet policies) {
    public Side {
      if (label == null || label.isBlank()) throw new IllegalArgumentException("label must not be empty");
      if (policies == null) throw new IllegalArgumentException("policies must not be null");
    }
  }

  /** Both runs and the table of their differences. */
  public record Result(Side a, Side b, List<RunEvent> eventsA, List<RunEvent> eventsB, RunSummary summaryA,
      RunSummary summaryB, List<Row> table) {}

  /** One metric of the table: each side's value and B relative to A. */
  public record Row(String metric, String a, String b, String change) {}

  /** Runs both sides to their end (in virtual time: milliseconds of wall time for minutes of scenario time). */
  public static Result run(Scenario scenario, Side a, Side b) {
    Scenario sa = scenario.withPolicies(a.policies());
    Scenario sb = scenario.withPolicies(b.policies());
    List<RunEvent> ea = Collections.synchronizedList(new ArrayList<>());
    List<RunEvent> eb = Collections.synchronizedList(new ArrayList<>());
    RunSummary ra = ScenarioRun.virtualByCall(sa, new VirtualClock(), null, ea::add).runToEnd(Duration.ofHours(1));
    RunSummary rb = ScenarioRun.virtualByCall(sb, new VirtualClock(), null, eb::add).runToEnd(Duration.ofHours(1));
    return new Result(a, b, List.copyOf(ea), List.copyOf(eb), ra, rb, table(ra, rb));
  }

  static List<Row> table(RunSummary a, RunSummary b) {
    List<Row> rows = new ArrayList<>();
    rows.add(count("requests", a.requests(), b.requests()));
    for (Rung r : Rung.values())
      rows.add(count("answered " + r.wireName(), a.byRung().getOrDefault(r, 0L), b.byRung().getOrDefault(r, 0L)));
    rows.add(count("outcome ok", a.byOutcome().getOrDefault("ok", 0L), b.byOutcome().getOrDefault("ok", 0L)));
    rows.add(count("calls (attempts)", a.attempts(), b.attempts()));
    rows.add(count("retries", a.retries(), b.retries()));
    rows.add(ratio("amplification", a.amplification(), b.amplification(), "%.2fx"));
    rows.add(ratio("p50 latency", a.requestLatency().p50Ms(), b.requestLatency().p50Ms(), "%.0f ms"));
    rows.add(ratio("p99 latency", a.requestLatency().p99Ms(), b.requestLatency().p99Ms(), "%.0f ms"));
    rows.add(ratio("time degraded", a.degradedMs() / 1000.0, b.degradedMs() / 1000.0, "%.1f s"));
    rows.add(count("breaker openings", openings(a), openings(b)));
    rows.add(count("breaker rejections", a.breakerRejections(), b.breakerRejections()));
    rows.add(count("fallbacks", a.fallbacks(), b.fallbacks()));
    rows.add(count("cache hits", a.cacheHits(), b.cacheHits()));
    return List.copyOf(rows);
  }

  private static long openings(RunSummary s) {
    return s.breakers().values().stream().mapToLong(BreakerStats::opened).sum();
  }

  private static Row count(String metric, long a, long b) {
    return new Row(metric, Long.toString(a), Long.toString(b), a == b ? "=" : (b > a ? "+" : "") + (b - a));
  }

  private static Row ratio(String metric, double a, double b, String format) {
    String change;
    if (a == b) change = "=";
    else if (a == 0) change = "new";
    else change = String.format(Locale.ROOT, "%.2fx", b / a);
    return new Row(metric, String.format(Locale.ROOT, format, a), String.format(Locale.ROOT, format, b), change);
  }

  /** The table as aligned text, for the command line. */
  public static String text(Result r) {
    int w = Math.max(r.a().label().length(), 10);
    StringBuilder out = new StringBuilder();
    String fmt = "%-20s %" + w + "s %" + w + "s %10s%n";
    out.append(String.format(Locale.ROOT, fmt, "", r.a().label(), r.b().label(), "B vs A"));
    for (Row row : r.table()) out.append(String.format(Locale.ROOT, fmt, row.metric(), row.a(), row.b(), row.change()));
    return out.toString();
  }
}
