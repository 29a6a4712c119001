package dev.playground.ui.lab;

import dev.playground.lab.HerdResult;
import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The published conclusions of Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015), and
 * whether a lab run reproduced each one, with its own numbers as the evidence. Stateless and thread-safe.
 */
final class HerdConclusions {
  /** The crowd the blog's headline result is about. */
  static final int PUBLISHED_CLIENTS = 100;

  private HerdConclusions() {}

  /** One conclusion: the claim, whether this run shows it, and the numbers that say so. Immutable. */
  record Conclusion(String claim, boolean reproduced, String evidence) {}

  static List<Conclusion> of(HerdResult result) {
    List<Integer> clients = result.clients();
    if (!result.strategies().containsAll(List.of(HerdStrategy.values())) || clients.isEmpty()) return List.of();
    List<Conclusion> out = new ArrayList<>();
    out.add(jitterHalvesTheWork(result, clients.get(clients.size() - 1)));
    out.add(exponentialIsSlowest(result, clients));
    out.add(fullAndEqualDoTheSameWork(result, clients));
    out.add(noBackoffIsFastestAndBusiest(result, clients));
    return List.copyOf(out);
  }

  private static Conclusion jitterHalvesTheWork(HerdResult r, int n) {
    double exp = r.row(HerdStrategy.EXPONENTIAL, n).callsMean();
    double full = r.row(HerdStrategy.FULL_JITTER, n).callsMean() / exp;
    double equal = r.row(HerdStrategy.EQUAL_JITTER, n).callsMean() / exp;
    String evidence = String.format(Locale.ROOT, "At %d clients full jitter makes %.2f× and equal jitter %.2f× the calls "
        + "of exponential backoff.", n, full, equal);
    if (n < PUBLISHED_CLIENTS) evidence += " The published result is at " + PUBLISHED_CLIENTS + " clients: the effect grows with the crowd.";
    return new Conclusion("Jitter more than halves the work of exponential backoff without jitter.",
        full < 0.5 && equal < 0.5, evidence);
  }

  private static Conclusion exponentialIsSlowest(HerdResult r, List<Integer> clients) {
    int slowest = 0;
    for (int n : clients) {
      double exp = r.row(HerdStrategy.EXPONENTIAL, n).completionMsMean();
      boolean max = true;
      for (HerdStrategy s : HerdStrategy.values()) max &= r.row(s, n).completionMsMean() <= exp;
      if (max) slowest++;
    }
    int n = clients.get(clients.size() - 1);
    HerdStrategy next = null;
    for (HerdStrategy s : HerdStrategy.values()) {
      if (s == HerdStrategy.EXPONENTIAL) continue;
      if (next == null || r.row(s, n).completionMsMean() > r.row(next, n).completionMsMean()) next = s;
    }
    String evidence = String.format(Locale.ROOT, "Slowest at %d of %d client counts; at %d clients it takes %s, the next "
        + "slowest (%s) %s.", slowest, clients.size(), n, seconds(r.row(HerdStrategy.EXPONENTIAL, n).completionMsMean()),
        next.label().toLowerCase(Locale.ROOT), seconds(r.row(next, n).completionMsMean()));
    return new Conclusion("Exponential backoff without jitter is the slowest to finish.", slowest == clients.size(), evidence);
  }

  private static Conclusion fullAndEqualDoTheSameWork(HerdResult r, List<Integer> clients) {
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (int n : clients) {
      double ratio = r.row(HerdStrategy.FULL_JITTER, n).callsMean() / r.row(HerdStrategy.EQUAL_JITTER, n).callsMean();
      lo = Math.min(lo, ratio);
      hi = Math.max(hi, ratio);
    }
    String range = String.format(Locale.ROOT, lo == hi ? "%.2f" : "%.2f–%.2f", lo, hi);
    return new Conclusion("Full and equal jitter do about the same work.", lo >= 0.85 && hi <= 1.15,
        "Full jitter's calls are " + range + "× equal jitter's (about the same: within 0.85–1.15).");
  }

  private static Conclusion noBackoffIsFastestAndBusiest(HerdResult r, List<Integer> clients) {
    int held = 0;
    for (int n : clients) {
      HerdRow none = r.row(HerdStrategy.NO_BACKOFF, n);
      boolean ok = true;
      for (HerdStrategy s : HerdStrategy.values()) {
        HerdRow other = r.row(s, n);
        ok &= none.completionMsMean() <= other.completionMsMean() && none.callsMean() >= other.callsMean();
      }
      if (ok) held++;
    }
    int n = clients.get(clients.size() - 1);
    String evidence = String.format(Locale.ROOT, "True at %d of %d client counts; at %d clients it makes %.1f calls "
        + "per client and finishes in %s.", held, clients.size(), n,
        r.row(HerdStrategy.NO_BACKOFF, n).callsPerClient(), seconds(r.row(HerdStrategy.NO_BACKOFF, n).completionMsMean()));
    return new Conclusion("No backoff finishes first, and does the most work.", held == clients.size(), evidence);
  }

  static String seconds(double ms) {
    return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }
}
