package dev.playground.scenario;

import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RungFailed;
import dev.playground.events.RunEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every run log promises, whatever the clock: each request starts once and finishes once, after all of
 * its attempts have finished; each attempt that starts finishes; no rung gives up because a call was cancelled
 * under it. {@link #violations} lists every broken promise (empty when the log keeps them all).
 */
final class RunLogContract {
  private RunLogContract() {}

  /** The broken promises of {@code events} (in seq order), as readable lines. */
  static List<String> violations(List<RunEvent> events) {
    List<String> out = new ArrayList<>();
    Set<Long> started = new HashSet<>();
    Set<Long> finished = new HashSet<>();
    Map<Long, Set<Integer>> open = new HashMap<>();
    long expectedSeq = 0;
    for (RunEvent e : events) {
      if (e.seq() != expectedSeq) out.add("seq " + e.seq() + " where " + expectedSeq + " was due");
      expectedSeq = e.seq() + 1;
      if (!(e instanceof RequestEvent r)) continue;
      long req = r.req();
      if (e instanceof RequestStarted) {
        if (!started.add(req)) out.add("request " + req + " started twice");
        continue;
      }
      if (!started.contains(req)) out.add("request " + req + ": " + e.type() + " before request_started");
      if (finished.contains(req)) out.add("request " + req + ": " + e.type() + " after request_finished");
      if (e instanceof AttemptStarted a && !open.computeIfAbsent(req, k -> new HashSet<>()).add(a.attempt()))
        out.add("request " + req + ": attempt " + a.attempt() + " started twice");
      if (e instanceof AttemptFinished a && !open.getOrDefault(req, Set.of()).remove(a.attempt()))
        out.add("request " + req + ": attempt " + a.attempt() + " finished without starting");
      if (e instanceof RungFailed f && f.reason() != null && f.reason().contains("Cancellation"))
        out.add("request " + req + ": rung " + f.rung().wireName() + " failed on a cancellation (" + f.reason() + ")");
      if (e instanceof RequestFinished) {
        finished.add(req);
        Set<Integer> pending = open.getOrDefault(req, Set.of());
        if (!pending.isEmpty()) out.add("request " + req + " finished while attempts " + pending + " were in flight");
      }
    }
    for (long req : started)
      if (!finished.contains(req)) out.add("request " + req + " never finished");
    return out;
  }
}
