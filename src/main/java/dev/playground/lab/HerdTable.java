package dev.playground.lab;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Writes a lab result as a table for people and as CSV for tools. Thread-safe (stateless). */
public final class HerdTable {
  /** The CSV header: one row per strategy and client count, the means over the trials. */
  public static final String CSV_HEADER = "strategy,clients,calls,completion_ms";

  private HerdTable() {}

  /** The CSV: {@link #CSV_HEADER}, then one line per row; numbers are means with one decimal. */
  public static String csv(HerdResult result) {
    var out = new StringBuilder(CSV_HEADER).append('\n');
    for (HerdRow r : result.rows()) {
      out.append(r.strategy().id()).append(',').append(r.clients()).append(',')
          .append(decimal(r.callsMean())).append(',').append(decimal(r.completionMsMean())).append('\n');
    }
    return out.toString();
  }

  /** Two matrices, strategies down and client counts across: total calls, then completion time. */
  public static String text(HerdResult result) {
    HerdSettings s = result.settings();
    var out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Thundering herd: %d trial%s per point, seed %d, backoff base %s, cap %s, network %s ± %s each way%n",
        s.trials(), s.trials() == 1 ? "" : "s", s.seed(), HerdSettings.ms(s.base()), HerdSettings.ms(s.cap()),
        HerdSettings.ms(s.networkMean()), HerdSettings.ms(s.networkSd())));
    String calls = "Total calls (mean)";
    String completion = "Completion ms (mean)";
    int first = Math.max(calls.length(), completion.length());
    for (HerdStrategy strategy : result.strategies()) first = Math.max(first, strategy.label().length());
    out.append('\n');
    matrix(out, result, calls, first, HerdRow::callsMean);
    out.append('\n');
    matrix(out, result, completion, first, HerdRow::completionMsMean);
    return out.toString();
  }

  private static void matrix(
      StringBuilder out, HerdResult result, String title, int first, ToDoubleFunction<HerdRow> value) {
    List<Integer> clients = result.clients();
    int width = "100 clients".length();
    for (HerdStrategy s : result.strategies()) {
      for (int n : clients) width = Math.max(width, decimal(value.applyAsDouble(result.row(s, n))).length());
    }
    out.append(pad(title, first, false));
    for (int n : clients) out.append("  ").append(pad(n + (n == 1 ? " client" : " clients"), width, true));
    out.append('\n');
    for (HerdStrategy s : result.strategies()) {
      out.append(pad(s.label(), first, false));
      for (int n : clients) out.append("  ").append(pad(decimal(value.applyAsDouble(result.row(s, n))), width, true));
      out.append('\n');
    }
  }

  private static String pad(String text, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - text.length()));
    return right ? fill + text : text + fill;
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
