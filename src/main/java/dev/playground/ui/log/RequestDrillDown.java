package dev.playground.ui.log;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes one request's story, step by step, from its events. Stateless and thread-safe. */
public final class RequestDrillDown {
  private RequestDrillDown() {}

  /** The text shown for request {@code req}, one step a line, times relative to the request's start. */
  public static String describe(long req, List<RunEvent> events) {
    if (events.isEmpty()) return "Request #" + req + ": no events kept (it may have scrolled out of the log).";
    StringBuilder out = new StringBuilder("Request #").append(req).append('\n');
    long start = events.get(0).tMs();
    for (RunEvent e : events) {
      if (e instanceof RequestStarted s && s.prompt() != null) {
        out.append(String.format(Locale.ROOT, "%+8d ms  prompt: %s%n", e.tMs() - start, abbreviate(s.prompt(), 120)));
        continue;
      }
      out.append(String.format(Locale.ROOT, "%+8d ms  %-16s %s%n", e.tMs() - start, e.type(), EventRow.detail(e)));
      if (e instanceof AttemptFinished f) {
        if (f.requestId() != null) out.append("              request id: ").append(f.requestId()).append('\n');
        for (Map.Entry<String, String> h : new TreeMap<>(f.headers()).entrySet()) {
          out.append("              ").append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
      }
      if (e instanceof RequestFinished f && f.answer() != null && !f.answer().isBlank()) {
        out.append("              answer: ").append(abbreviate(f.answer(), 200)).append('\n');
      }
    }
    return out.toString();
  }

  private static String abbreviate(String s, int max) {
    String one = s.replace('\n', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "…";
  }
}
