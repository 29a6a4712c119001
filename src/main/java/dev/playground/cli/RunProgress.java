package dev.playground.cli;

import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a live {@code run} says on stderr while it goes: requests done of the total, scenario time, and the
 * retry waits under way (a lesson's backoff can hold a run for a minute with nothing else happening).
 * Fed the run's events; thread-safe.
 */
final class RunProgress implements Consumer<RunEvent> {
  private final int total;
  private final AtomicInteger done = new AtomicInteger();
  /** Request → when its next attempt is due (scenario ms), while it waits for a retry. */
  private final Map<Long, Long> waitingUntil = new ConcurrentHashMap<>();

  RunProgress(int total) {
    this.total = total;
  }

  @Override
  public void accept(RunEvent e) {
    if (e instanceof RetryScheduled r) waitingUntil.put(r.req(), r.tMs() + r.delayMs());
    else if (e instanceof AttemptStarted a) waitingUntil.remove(a.req());
    else if (e instanceof RequestFinished f) {
      waitingUntil.remove(f.req());
      done.incrementAndGet();
    }
  }

  /** One line for the moment {@code nowMs} of scenario time. */
  String line(long nowMs) {
    StringBuilder s = new StringBuilder("run: ").append(done.get()).append(" of ").append(total)
        .append(" requests done · ").append(seconds(nowMs)).append(" of scenario time");
    long longest = waitingUntil.values().stream().mapToLong(due -> due - nowMs).max().orElse(Long.MIN_VALUE);
    int waiting = waitingUntil.size();
    if (waiting == 1) s.append(" · a retry waits ").append(seconds(Math.max(0, longest))).append(" more");
    else if (waiting > 1)
      s.append(" · ").append(waiting).append(" retries wait, the longest ").append(seconds(Math.max(0, longest)))
          .append(" more");
    return s.toString();
  }

  /**
   * What to say before a live run whose story takes {@code storyMs} (its virtual run's length), or null when
   * it is short enough to need no warning.
   */
  static String estimate(long storyMs) {
    if (storyMs < 5_000) return null;
    return "its waits and timing make it about " + seconds(storyMs) + " live; add --virtual to run it in a moment";
  }

  static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
