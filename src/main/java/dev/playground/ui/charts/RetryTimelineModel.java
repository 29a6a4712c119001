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
 * The retry timeline's data: one lane per request (the latest {@link Retention#TIMELINE_ROWS} are kept), a bar
 * per attempt from its start to its finish coloured by outcome, the waits between attempts, the Retry-After the
 * provider asked for, breaker rejections and the rung that answered. Only a window of lanes is shown, as many as
 * fit at a readable height: the newest while {@link #following()}, or wherever it was scrolled to. One request
 * can be highlighted. Plain Java; not thread-safe (FX thread).
 *
 * <p>Rows of the datasets: 0 is the first lane of the window, the newest requests are at the bottom. x is
 * scenario time in seconds.
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

  /** The fewest lanes a window shows, however little room there is. */
  public static final int MIN_LANES = 3;

  private final int maxRows;
  private final Map<Long, Track> tracks = new LinkedHashMap<>();
  private final IntervalBarsDataset bars = new IntervalBarsDataset(BAR_KEYS);
  private final PointsDataset marks = new PointsDataset(MARK_KEYS);
  private String[] rowLabels = new String[0];
  private long[] rowRequests = new long[0];
  private long nowMs;
  private int lanes = 12;
  private int first;
  private boolean follow = true;
  private long highlighted = -1;
  private double spanStart;
  private double spanEnd;

  public RetryTimelineModel() {
    this(Retention.TIMELINE_ROWS);
  }

  public RetryTimelineModel(int maxRows) {
    if (maxRows < 1) throw new IllegalArgumentException("maxRows must be ≥ 1, was " + maxRows);
    this.maxRows = maxRows;
  }

  public IntervalBarsDataset bars() { return bars; }

  public PointsDataset marks() { return marks; }

  /** The label of each lane of the window ("#12"), oldest first. */
  public String[] rowLabels() { return rowLabels.clone(); }

  /** Requests kept (lanes there are to scroll through). */
  public int rowCount() { return tracks.size(); }

  /** How many lanes the window shows. */
  public int lanes() { return lanes; }

  /** The index (among the requests kept) of the window's first lane. */
  public int firstRow() { return first; }

  /** True while the window keeps the newest requests in view. */
  public boolean following() { return follow; }

  /** The highlighted request, or -1. */
  public long highlighted() { return highlighted; }

  /** The window's lane of the highlighted request, or -1 when it is not in view. */
  public int highlightedLane() {
    for (int i = 0; i < rowRequests.length; i++) if (rowRequests[i] == highlighted) return i;
    return -1;
  }

  /** The request in lane {@code lane} of the window, or -1. */
  public long requestAt(int lane) {
    return lane >= 0 && lane < rowRequests.length ? rowRequests[lane] : -1;
  }

  /** From the first attempt to the last thing seen in the window's lanes, in seconds; both 0 when empty. */
  public double spanStart() { return spanStart; }

  public double spanEnd() { return spanEnd; }

  /** How many lanes fit; the window keeps its first lane (or the newest, when following). */
  public void setLanes(int n) {
    int fit = Math.max(MIN_LANES, n);
    if (fit == lanes) return;
    lanes = fit;
    placeWindow();
    refill();
  }

  /** Follows the newest requests (true), or stays where it is (false). */
  public void setFollow(boolean on) {
    if (follow == on) return;
    follow = on;
    placeWindow();
    refill();
  }

  /** Shows the lanes from {@code firstRow} on and stops following. */
  public void scrollTo(int firstRow) {
    follow = false;
    first = Math.max(0, Math.min(firstRow, Math.max(0, tracks.size() - lanes)));
    refill();
  }

  /**
   * Highlights request {@code req} and, if it is kept but not in view, scrolls its lane into the window (which
   * stops following). Returns false when the request is no longer kept. -1 clears the highlight.
   */
  public boolean highlight(long req) {
    highlighted = req;
    if (req < 0) {
      refill();
      return true;
    }
    int index = indexOf(req);
    if (index < 0) {
      refill();
      return false;
    }
    if (index < first || index >= first + lanes) {
      follow = false;
      first = Math.max(0, Math.min(index - lanes / 2, tracks.size() - lanes));
    }
    refill();
    return true;
  }

  private int indexOf(long req) {
    int i = 0;
    for (Long r : tracks.keySet()) {
      if (r == req) return i;
      i++;
    }
    return -1;
  }

  private void placeWindow() {
    int max = Math.max(0, tracks.size() - lanes);
    first = follow ? max : Math.min(first, max);
  }

  /** The latest scenario time seen, in ms. */
  public long nowMs() { return nowMs; }

  /** Takes a batch of events and refills the datasets once. */
  public void apply(List<? extends RunEvent> batch) {
    boolean changed = false;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        tracks.clear();
        nowMs = 0;
        first = 0;
        follow = true;
        highlighted = -1;
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
      if (!follow && first > 0) first--; // the lanes in view stay in view
    }
    placeWindow();
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
    int shown = Math.max(0, Math.min(lanes, tracks.size() - first));
    rowLabels = new String[shown];
    rowRequests = new long[shown];
    double from = Double.MAX_VALUE;
    double to = 0;
    int index = 0;
    int row = 0;
    for (Track t : tracks.values()) {
      if (index++ < first) continue;
      if (row == shown) break;
      rowLabels[row] = "#" + t.req;
      rowRequests[row] = t.req;
      for (Attempt a : t.attempts) {
        boolean done = a.endMs >= 0;
        int series = done ? a.outcome.ordinal() : IN_FLIGHT;
        long end = done ? a.endMs : Math.max(nowMs, a.startMs);
        bars.add(series, Retention.seconds(a.startMs), Retention.seconds(end), row - 0.34, row + 0.34);
        from = Math.min(from, Retention.seconds(a.startMs));
        to = Math.max(to, Retention.seconds(end));
      }
      for (long[] w : t.waits) {
        bars.add(w[2] == 1 ? WAIT_RETRY_AFTER : WAIT_BACKOFF,
            Retention.seconds(w[0]), Retention.seconds(w[1]), row - 0.1, row + 0.1);
        to = Math.max(to, Retention.seconds(w[1]));
        if (w[3] >= 0) {
          bars.add(ASKED_RETRY_AFTER, Retention.seconds(w[0]), Retention.seconds(w[0] + w[3]), row - 0.3, row - 0.2);
          to = Math.max(to, Retention.seconds(w[0] + w[3]));
        }
      }
      for (long r : t.rejections) {
        marks.add(MARK_REJECTED, Retention.seconds(r), row);
        from = Math.min(from, Retention.seconds(r));
        to = Math.max(to, Retention.seconds(r));
      }
      if (t.rung != null) {
        marks.add(1 + t.rung.ordinal(), Retention.seconds(t.finishedMs), row);
        to = Math.max(to, Retention.seconds(t.finishedMs));
      }
      row++;
    }
    spanStart = from == Double.MAX_VALUE ? 0 : from;
    spanEnd = from == Double.MAX_VALUE ? 0 : to;
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
