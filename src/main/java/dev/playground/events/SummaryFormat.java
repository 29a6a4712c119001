package dev.playground.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON forms of a {@link RunSummary}. Stateless and thread-safe. */
final class SummaryFormat {
  private static final int LABEL_WIDTH = 18;

  private SummaryFormat() {}

  static String text(RunSummary s) {
    var out = new StringBuilder("Run summary\n");
    line(out, "duration", duration(s.durationMs()) + " (run clock)");
    line(out, "requests", s.requests() + " started, " + s.finished() + " answered, "
        + Math.max(0, s.requests() - s.finished()) + " in flight");
    var rungs = new ArrayList<String>();
    s.byRung().forEach((rung, n) -> rungs.add(rung.wireName() + " " + n + " (" + percent(n, s.finished()) + ")"));
    line(out, "answered by rung", String.join(", ", rungs));
    line(out, "outcomes", joined(s.byOutcome(), "none yet"));
    line(out, "attempts", "calls " + s.attempts() + ", retries " + s.retries() + ", amplification "
        + String.format(Locale.ROOT, "%.2f", s.amplification()) + "x");
    line(out, "calls by model", joined(s.callsByModel(), "none"));
    line(out, "request latency", latency(s.requestLatency()));
    line(out, "attempt latency", latency(s.attemptLatency()));
    var breakers = new ArrayList<String>();
    s.breakers().forEach((name, b) -> breakers.add(name + ": now " + b.state().wireName() + ", transitions "
        + b.transitions() + ", opened " + b.opened() + "x, open " + duration(b.openMs())));
    if (breakers.isEmpty()) breakers.add("no transitions");
    for (int i = 0; i < breakers.size(); i++) line(out, i == 0 ? "breakers" : "", breakers.get(i));
    line(out, "time degraded", duration(s.degradedMs()) + " (" + percent(s.degradedMs(), s.durationMs())
        + " of the run)");
    line(out, "also", "breaker rejections " + s.breakerRejections() + ", fallbacks " + s.fallbacks()
        + ", cache hits " + s.cacheHits() + ", throttled " + s.throttled());
    return out.toString();
  }

  static ObjectNode json(RunSummary s) {
    var f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    count(root, "requests", s.requests());
    count(root, "finished", s.finished());
    count(root, "in_flight", Math.max(0, s.requests() - s.finished()));
    ObjectNode rungs = root.putObject("by_rung");
    s.byRung().forEach((rung, n) -> count(rungs, rung.wireName(), n));
    ObjectNode outcomes = root.putObject("by_outcome");
    s.byOutcome().forEach((outcome, n) -> count(outcomes, outcome, n));
    count(root, "attempts", s.attempts());
    count(root, "retries", s.retries());
    root.put("amplification", s.amplification());
    ObjectNode models = root.putObject("calls_by_model");
    s.callsByModel().forEach((model, n) -> count(models, model, n));
    latency(root.putObject("request_latency_ms"), s.requestLatency());
    latency(root.putObject("attempt_latency_ms"), s.attemptLatency());
    ObjectNode breakers = root.putObject("breakers");
    s.breakers().forEach((name, b) -> {
      ObjectNode node = breakers.putObject(name);
      node.put("state", b.state().wireName());
      count(node, "transitions", b.transitions());
      count(node, "opened", b.opened());
      count(node, "open_ms", b.openMs());
    });
    count(root, "breaker_rejections", s.breakerRejections());
    count(root, "fallbacks", s.fallbacks());
    count(root, "cache_hits", s.cacheHits());
    count(root, "throttled", s.throttled());
    count(root, "degraded_ms", s.degradedMs());
    count(root, "duration_ms", s.durationMs());
    return root;
  }

  // an int where it fits, as the JSON reader builds it, so a run_finished reads back equal
  private static void count(ObjectNode node, String key, long value) {
    if (value == (int) value) node.put(key, (int) value);
    else node.put(key, value);
  }

  private static void latency(ObjectNode node, LatencyStats stats) {
    count(node, "count", stats.count());
    if (stats.count() == 0) return;
    node.put("p50", stats.p50Ms());
    node.put("p90", stats.p90Ms());
    node.put("p99", stats.p99Ms());
    node.put("max", stats.maxMs());
    node.put("mean", stats.meanMs());
  }

  private static String latency(LatencyStats stats) {
    if (stats.count() == 0) return "none yet";
    return "p50 " + ms(stats.p50Ms()) + ", p90 " + ms(stats.p90Ms()) + ", p99 " + ms(stats.p99Ms()) + ", max "
        + ms(stats.maxMs());
  }

  private static String ms(double ms) {
    return String.format(Locale.ROOT, "%.1f ms", ms);
  }

  private static String duration(long ms) {
    return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  private static String joined(Map<String, Long> counts, String empty) {
    if (counts.isEmpty()) return empty;
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(label).append(" ".repeat(Math.max(1, LABEL_WIDTH - label.length()))).append(value)
        .append('\n');
  }
}
