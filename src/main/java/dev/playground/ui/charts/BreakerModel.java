package dev.playground.ui.charts;

import dev.playground.events.BreakerState;
import dev.playground.events.RunEvent.AttemptFinished;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import dev.playground.ui.OutcomeClass;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The breaker chart's data: each breaker's state over time as a step line (closed 0, half-open 1, open 2), the
 * failure rate of its calls, and the countdown to half-open while it is open (when its delay is known). Plain
 * Java; not thread-safe (FX thread).
 *
 * <p>The failure rate is the share of failed calls among the breaker's latest {@link #RATE_WINDOW} calls, as
 * the window sees them; at a transition the rate the breaker reported replaces it. Series keep the latest
 * {@link Retention#WINDOW_MS} of scenario time. Up to {@link #MAX_BREAKERS} breakers are drawn.
 */
public final class BreakerModel {
  public static final int MAX_BREAKERS = 8;
  static final int RATE_WINDOW = 20;
  private static final long RATE_POINT_MS = 250; // at most one rate point per breaker per quarter second

  private final Map<String, Breaker> breakers = new LinkedHashMap<>();
  private final Map<String, Duration> delays = new HashMap<>();
  private final PointsDataset states = new PointsDataset(List.of());
  private final PointsDataset rates = new PointsDataset(List.of());
  private long nowMs;

  /**
   * A breaker that is open, and when it will let a trial call through. The one countdown the window shows: the
   * breaker chart's band, the Policies tab's card and the status bar all read it.
   */
  public record Countdown(String breaker, long openedAtMs, long halfOpenAtMs, long remainingMs) {
    /** "half-open in 4.3 s", or "half-open due" once the delay has passed (the next call asks). */
    public String text() {
      return text(remainingMs);
    }

    /** "half-open at 32.0 s" (scenario time): for words that stay on screen while the clock runs, such as a toast. */
    public String atText() {
      return String.format(Locale.ROOT, "half-open at %.1f s", halfOpenAtMs / 1000.0);
    }

    /** The countdown's words for {@code remainingMs} left: the one way the window writes it. */
    public static String text(long remainingMs) {
      return remainingMs > 0
          ? String.format(Locale.ROOT, "half-open in %.1f s", remainingMs / 1000.0)
          : "half-open due (the next call asks)";
    }
  }

  private LongSupplier clock; // the run's clock (scenario ms); null: the latest event's time

  public PointsDataset states() { return states; }

  public PointsDataset rates() { return rates; }

  /** The breakers seen, in order of first appearance ("provider/model"). */
  public List<String> breakers() { return List.copyOf(breakers.keySet()); }

  public Optional<BreakerState> state(String breaker) {
    return Optional.ofNullable(breakers.get(breaker)).map(b -> b.state);
  }

  /** Scenario time now: the run clock's when one is set, else the latest event's. */
  public long nowMs() {
    LongSupplier c = clock;
    return c == null ? nowMs : Math.max(nowMs, c.getAsLong());
  }

  /** Where "now" comes from for the countdowns: the open run's clock, or null (a replay: its last event). */
  public void setClock(LongSupplier runClock) {
    clock = runClock;
  }

  /** The breaker's countdown now, if it is open and its delay is known. */
  public Optional<Countdown> countdown(String breaker) {
    return countdowns().stream().filter(c -> c.breaker().equals(breaker)).findFirst();
  }

  /** The breaker's OPEN delay, from its policy; without it no countdown is shown. Null forgets it. */
  public void setDelay(String breaker, Duration delay) {
    if (delay == null) delays.remove(breaker);
    else if (delay.isNegative()) throw new IllegalArgumentException("breaker delay must be ≥ 0, was " + delay);
    else delays.put(breaker, delay);
  }

  /** The open breakers whose delay is known, with the time left until half-open (0 when due). */
  public List<Countdown> countdowns() {
    List<Countdown> out = new ArrayList<>();
    long now = nowMs();
    for (Breaker b : breakers.values()) {
      Duration delay = delays.get(b.name);
      if (b.state != BreakerState.OPEN || delay == null) continue;
      long due = b.changedAtMs + delay.toMillis();
      out.add(new Countdown(b.name, b.changedAtMs, due, Math.max(0, due - now)));
    }
    return out;
  }

  public void apply(List<? extends RunEvent> batch) {
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        breakers.clear();
        nowMs = 0;
        continue;
      }
      nowMs = Math.max(nowMs, e.tMs());
      if (e instanceof BreakerChanged c) {
        Breaker b = breaker(c.breaker(), c.from(), c.tMs());
        if (b == null) continue;
        b.state = c.to();
        b.changedAtMs = c.tMs();
        b.steps.add(new double[] {c.tMs(), level(c.to())});
        b.addRate(c.tMs(), c.failureRate(), true);
      } else if (e instanceof AttemptFinished f) {
        OutcomeClass outcome = OutcomeClass.of(f.outcome());
        if (outcome == OutcomeClass.REJECTED) continue;
        Breaker b = breaker(f.provider() + "/" + f.model(), BreakerState.CLOSED, f.tMs());
        if (b == null) continue;
        b.recent.addLast(outcome != OutcomeClass.OK);
        if (b.recent.size() > RATE_WINDOW) b.recent.removeFirst();
        long failed = b.recent.stream().filter(x -> x).count();
        b.addRate(f.tMs(), (double) failed / b.recent.size(), false);
      }
    }
    refill();
  }

  private Breaker breaker(String name, BreakerState initial, long tMs) {
    Breaker b = breakers.get(name);
    if (b == null && breakers.size() < MAX_BREAKERS) {
      b = new Breaker(name, initial, tMs);
      breakers.put(name, b);
    }
    return b;
  }

  private void refill() {
    long cut = nowMs - Retention.WINDOW_MS;
    if (states.getSeriesCount() != breakers.size()) {
      // one series per breaker, named after it, so the legend reads "provider/model"
      List<String> names = List.copyOf(breakers.keySet());
      states.setSeriesKeys(names);
      rates.setSeriesKeys(names);
    }
    states.clear();
    rates.clear();
    int slot = 0;
    for (Breaker b : breakers.values()) {
      // keep the last step before the cut so the line still starts at the left edge
      while (b.steps.size() > 1 && b.steps.get(1)[0] <= cut) b.steps.remove(0);
      while (!b.rates.isEmpty() && b.rates.peekFirst()[0] < cut) b.rates.removeFirst();
      double offset = slot * 0.04; // overlapping breakers stay distinguishable
      for (double[] s : b.steps) states.add(slot, Retention.seconds((long) s[0]), s[1] + offset);
      states.add(slot, Retention.seconds(nowMs), level(b.state) + offset); // the current state reaches "now"
      for (double[] r : b.rates) rates.add(slot, Retention.seconds((long) r[0]), r[1]);
      slot++;
    }
    states.publish();
    rates.publish();
  }

  /** The step line's level for a state: closed 0, half-open 1, open 2. */
  public static int level(BreakerState s) {
    return switch (s) {
      case CLOSED -> 0;
      case HALF_OPEN -> 1;
      case OPEN -> 2;
    };
  }


  private static final class Breaker {
    final String name;
    final List<double[]> steps = new ArrayList<>();
    final ArrayDeque<double[]> rates = new ArrayDeque<>();
    final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    BreakerState state;
    long changedAtMs;

    Breaker(String name, BreakerState initial, long tMs) {
      this.name = name;
      this.state = initial;
      this.changedAtMs = tMs;
      steps.add(new double[] {tMs, level(initial)});
    }

    void addRate(long tMs, double rate, boolean reported) {
      double[] last = rates.peekLast();
      if (!reported && last != null && tMs - last[0] < RATE_POINT_MS) {
        last[1] = rate; // same quarter second: move the point instead of adding one
        return;
      }
      rates.addLast(new double[] {tMs, rate});
    }
  }
}
