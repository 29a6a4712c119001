package dev.playground.ui.charts;

import dev.playground.events.RetryReason;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerRejected;
import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RetryScheduled;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.ui.OutcomeClass;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retry timeline's data: one row per request (the latest {@link Retention#TIMELINE_ROWS}), a bar per
 * attempt from its start to its finish coloured by outcome, the waits between attempts, the Retry-After the
 * provider asked for, breaker rejections and the rung that answered. Plain Java; not thread-safe (FX thread).
 *
 * <p>Rows: 0 is the oldest request kept, the newest is at the bottom. x is scenario time in seconds.
 */
public final class RetryTimelineModel {
  /** Series of {@link #bars()}: the five outcome classes, then these. */
  public static final int IN_FLIGHT = OutcomeClass.values().length;
  public static final int WAIT_BACKOFF = IN_FLIGHT + 1;
  public static final int WAIT_RETRY_AFTER = IN_FLIGHT + 2;
  public static final int ASKED_RETRY_AFTER = IN_FLIGHT + 3;
  /** Series of {@link #marks()}: a rejection, and the finish coloured by rung (one series per rung). */
  public static final int MARK_REJECTED = 0;

  private static final List<String> BAR_KEYS = barKeys();
  private static final List<String> MARK_KEYS = markKeys();

  private final int maxRows;
  private final Map<Long, Track> tracks = new LinkedHashMap<>();
  private final IntervalBarsDataset bars = new IntervalBarsDataset(BAR_KEYS);
  private final PointsDataset marks = new PointsDataset(MARK_KEYS);
  private String[] rowLabels = new String[0];
  private long nowMs;

  public RetryTimelineModel() {
    this(Retention.TIMELINE_ROWS);
  }

  public RetryTimelineModel(int maxRows) {
    if (maxRows < 1) throw new IllegalArgumentException("maxRows must be ≥ 1, was " + maxRows);
    this.maxRows = maxRows;
  }

  public IntervalBarsDataset bars() { return bars; }

  public PointsDataset marks() { return marks; }

  /** The label of each row ("#12"), oldest first. */
  public String[] rowLabels() { return rowLabels.clone(); }

  public int rowCount() { return tracks.size(); }

  /** The latest scenario time seen, in ms. */
  public long nowMs() { return nowMs; }

  /** Takes a batch of events and refills the datasets once. */
  public void apply(List<? extends RunEvent> batch) {
    boolean changed = false;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        tracks.clear();
        nowMs = 0;
        changed = true;
        continue;
      }
      nowMs = Math.max(nowMs, e.tMs());
      if (e instanceof RequestEvent r) changed |= take(r);
    }
    while (tracks.size() > maxRows) {
      Iterator<Long> oldest = tracks.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    if (changed || !batch.isEmpty()) refill();
  }

  private boolean take(RequestEvent e) {
    // Rows open on a request's first event; later events of a request already scrolled away are dropped.
    Track t = e instanceof RunEvent.RequestStarted || e instanceof AttemptStarted
        ? tracks.computeIfAbsent(e.req(), Track::new)
        : tracks.get(e.req());
    if (t == null) return false;
    if (e instanceof AttemptStarted s) {
      t.attempts.add(new Attempt(s.attempt(), s.tMs()));
    } else if (e instanceof AttemptFinished f) {
      Attempt a = t.attempt(f.attempt());
      if (a == null) t.attempts.add(a = new Attempt(f.attempt(), f.tMs() - Math.round(f.latencyMs())));
      a.endMs = f.tMs();
      a.outcome = OutcomeClass.of(f.outcome());
    } else if (e instanceof RetryScheduled w) {
      t.waits.add(new long[] {w.tMs(), w.tMs() + w.delayMs(), w.reason() == RetryReason.RETRY_AFTER ? 1 : 0,
          w.retryAfterMs() == null ? -1 : w.retryAfterMs()});
    } else if (e instanceof BreakerRejected b) {
      t.rejections.add(b.tMs());
    } else if (e instanceof RequestFinished f) {
      t.finishedMs = f.tMs();
      t.rung = f.rung();
    } else {
      return false;
    }
    return true;
  }

  private void refill() {
    bars.clear();
    marks.clear();
    rowLabels = new String[tracks.size()];
    int row = 0;
    for (Track t : tracks.values()) {
      rowLabels[row] = "#" + t.req;
      for (Attempt a : t.attempts) {
        boolean done = a.endMs >= 0;
        int series = done ? a.outcome.ordinal() : IN_FLIGHT;
        long end = done ? a.endMs : Math.max(nowMs, a.startMs);
        bars.add(series, Retention.seconds(a.startMs), Retention.seconds(end), row - 0.34, row + 0.34);
      }
      for (long[] w : t.waits) {
        bars.add(w[2] == 1 ? WAIT_RETRY_AFTER : WAIT_BACKOFF,
            Retention.seconds(w[0]), Retention.seconds(w[1]), row - 0.1, row + 0.1);
        if (w[3] >= 0) {
          bars.add(ASKED_RETRY_AFTER, Retention.seconds(w[0]), Retention.seconds(w[0] + w[3]), row - 0.3, row - 0.2);
        }
      }
      for (long r : t.rejections) marks.add(MARK_REJECTED, Retention.seconds(r), row);
      if (t.rung != null) marks.add(1 + t.rung.ordinal(), Retention.seconds(t.finishedMs), row);
      row++;
    }
    bars.publish();
    marks.publish();
  }

  private static List<String> barKeys() {
    List<String> keys = new ArrayList<>();
    for (OutcomeClass c : OutcomeClass.values()) keys.add(c.label());
    keys.add("in flight");
    keys.add("wait (backoff)");
    keys.add("wait (Retry-After)");
    keys.add("Retry-After asked");
    return List.copyOf(keys);
  }

  private static List<String> markKeys() {
    List<String> keys = new ArrayList<>();
    keys.add("breaker rejected");
    for (Rung r : Rung.values()) keys.add("answered: " + r.wireName());
    return List.copyOf(keys);
  }

  private static final class Track {
    final long req;
    final List<Attempt> attempts = new ArrayList<>(4);
    final List<long[]> waits = new ArrayList<>(2); // start, end, retry_after?, asked (or -1)
    final List<Long> rejections = new ArrayList<>(0);
    long finishedMs = -1;
    Rung rung;

    Track(long req) {
      this.req = req;
    }

    Attempt attempt(int n) {
      for (int i = attempts.size() - 1; i >= 0; i--) if (attempts.get(i).n == n) return attempts.get(i);
      return null;
    }
  }

  private static final class Attempt {
    final int n;
    final long startMs;
    long endMs = -1;
    OutcomeClass outcome;

    Attempt(int n, long startMs) {
      this.n = n;
      this.startMs = startMs;
    }
  }
}
