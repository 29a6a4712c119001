package dev.playground.ui.compare;

import dev.playground.scenario.Compare;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the table of differences: a metric, both sides' values, B relative to A, and whether that change
 * is for the better, the worse, or neither. Immutable and thread-safe.
 */
record DiffRow(String metric, String a, String b, String change, Verdict verdict) {
  /** How B's value compares with A's for this metric. */
  enum Verdict {
    BETTER, WORSE, SAME,
    /** Different, but neither better nor worse in itself (requests, rungs between full and error, fallbacks …). */
    DIFFERENT
  }

  /** Which way is better, for the metrics {@link Compare} reports; absent = neither. */
  private static final Map<String, Integer> BETTER_WHEN = Map.ofEntries(
      Map.entry("answered full", 1),
      Map.entry("answered error", -1),
      Map.entry("outcome ok", 1),
      Map.entry("calls (attempts)", -1),
      Map.entry("retries", -1),
      Map.entry("amplification", -1),
      Map.entry("p50 latency", -1),
      Map.entry("p99 latency", -1),
      Map.entry("time degraded", -1),
      Map.entry("breaker openings", -1));
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?");

  static DiffRow of(Compare.Row row) {
    return new DiffRow(row.metric(), row.a(), row.b(), row.change(), verdict(row));
  }

  static Verdict verdict(Compare.Row row) {
    Double a = number(row.a());
    Double b = number(row.b());
    if (a == null || b == null) return row.a().equals(row.b()) ? Verdict.SAME : Verdict.DIFFERENT;
    int cmp = Double.compare(b, a);
    if (cmp == 0) return Verdict.SAME;
    Integer better = BETTER_WHEN.get(row.metric());
    if (better == null) return Verdict.DIFFERENT;
    return cmp == better ? Verdict.BETTER : Verdict.WORSE;
  }

  /** True if higher or lower is better for this metric (it gets marked). */
  static boolean judged(String metric) {
    return BETTER_WHEN.containsKey(metric);
  }

  private static Double number(String text) {
    Matcher m = NUMBER.matcher(text.strip());
    return m.find() ? Double.valueOf(m.group()) : null;
  }
}
