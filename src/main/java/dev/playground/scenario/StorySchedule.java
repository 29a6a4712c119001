package dev.playground.scenario;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's story: its timed faults (the rules with a window, the providers' and the engine's), in the order
 * they begin, and how long the story lasts (its load, or its last window). What the window's story strip shows.
 * Immutable.
 *
 * @param lengthMs the story's length: the load's duration at its rate, or the end of its last closed window, or
 *     10 s after its last opening, whichever is longest
 */
public record StorySchedule(List<Timed> timed, long lengthMs) {
  /** A window that never closes within a day is drawn open-ended. */
  static final long OPEN_ENDED_MS = 24L * 60 * 60 * 1000;

  /**
   * One timed fault: what breaks ({@code target}: a provider, its models, or the engine's part), how (the kind),
   * and when.
   *
   * @param toMs the end of the window, or null when it stays until the end of the run
   */
  public record Timed(String target, String what, long fromMs, Long toMs) {
    /** "service_unavailable 10–40 s (openai)". */
    public String label() {
      String when = toMs == null ? "from " + seconds(fromMs) + " s" : seconds(fromMs) + "–" + seconds(toMs) + " s";
      return what + " " + when + " (" + target + ")";
    }
  }

  public StorySchedule {
    timed = List.copyOf(timed);
  }

  public boolean isEmpty() {
    return timed.isEmpty();
  }

  public static StorySchedule of(Scenario s) {
    List<Timed> timed = new ArrayList<>();
    for (ProviderSpec p : s.providers()) add(timed, p.faults(), p.name());
    add(timed, s.engineFaults(), "engine");
    timed.sort(Comparator.comparingLong(Timed::fromMs));
    long length = 0;
    if (s.load().byRate()) length = Math.round(s.load().requests() * 1000.0 / s.load().ratePerSecond());
    for (Timed t : timed) length = Math.max(length, t.toMs() == null ? t.fromMs() + 10_000 : t.toMs());
    return new StorySchedule(timed, length);
  }

  private static void add(List<Timed> out, FaultPlan plan, String where) {
    if (plan == null) return;
    for (FaultRule r : plan.rules()) {
      if (r.window() == null) continue;
      String target = where;
      if (!r.models().isEmpty()) target = where + " " + String.join(", ", r.models());
      if (!r.target().wireName().equals("chat")) target = where + " " + r.target().wireName();
      String what = r.kind() != null ? r.kind().wireName() : "sequence";
      Long to = r.window().toMs() == null || r.window().toMs() >= OPEN_ENDED_MS ? null : r.window().toMs();
      out.add(new Timed(target, what, r.window().fromMs(), to));
    }
  }

  static String seconds(long ms) {
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
  }
}
