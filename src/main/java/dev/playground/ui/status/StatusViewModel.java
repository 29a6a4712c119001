package dev.playground.ui.status;

import dev.playground.events.BreakerState;
import dev.playground.events.RunEvent.AttemptStarted;
import dev.playground.events.RunEvent.BreakerChanged;
import dev.playground.events.RunEvent.RequestFinished;
import dev.playground.events.RunEvent.RequestStarted;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import dev.playground.events.Rung;
import dev.playground.ui.charts.BreakerModel.Countdown;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar's state: a lamp per breaker, the run's counters, and a notice each time a breaker opens.
 * Not thread-safe: use on the FX thread once shown.
 */
public final class StatusViewModel {
  /** A breaker's lamp; its state changes in place. */
  public static final class Lamp {
    private final String breaker;
    private final ReadOnlyObjectWrapper<BreakerState> state;

    Lamp(String breaker, BreakerState state) {
      this.breaker = breaker;
      this.state = new ReadOnlyObjectWrapper<>(state);
    }

    public String breaker() { return breaker; }

    public ReadOnlyObjectProperty<BreakerState> stateProperty() { return state.getReadOnlyProperty(); }
  }

  /** A message to show briefly; a new object each time, so listeners fire even for the same text. */
  public record Notice(long seq, String message) {}

  /** More breakers than this are counted but get no lamp (the bar has no room). */
  public static final int MAX_LAMPS = 8;

  private final ObservableList<Lamp> lamps = FXCollections.observableArrayList();
  private final ObservableList<Lamp> lampsView = FXCollections.unmodifiableObservableList(lamps); // one view: it holds the listeners
  private final Map<String, Lamp> byName = new LinkedHashMap<>();
  private final long[] byRung = new long[Rung.values().length];
  private long requests, ok, attempts;
  private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper();
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<String> replay = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private Runnable onBackToLive = () -> {};
  private Function<String, Optional<Countdown>> countdowns = name -> Optional.empty();

  public StatusViewModel() {
    counters.set(format());
  }

  public ObservableList<Lamp> lamps() { return lampsView; }

  /** "requests 12 · ok 10 · full 8 · limited 1 · cached 1 · error 2 · attempts 30 · amplification 2.50×". */
  public ReadOnlyStringProperty countersProperty() { return counters.getReadOnlyProperty(); }

  public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }

  /** The name of the replayed run log shown, or null while a live run is shown. */
  public ReadOnlyObjectProperty<String> replayProperty() { return replay.getReadOnlyProperty(); }

  /** A short message at the right of the bar ("Saved 4 charts to …"). */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

  public void showMessage(String text) {
    message.set(text == null ? "" : text);
  }

  /** Shows the replay badge for {@code fileName}; null hides it. */
  public void setReplay(String fileName) {
    replay.set(fileName);
  }

  /**
   * Where an open breaker's countdown comes from (the breaker chart's): the notice of its opening says when it
   * half-opens in scenario time, which stays true while the notice is shown (a count of seconds left would not).
   */
  public void setCountdowns(Function<String, Optional<Countdown>> source) {
    countdowns = source == null ? name -> Optional.empty() : source;
  }

  /** What "Back to live" does. */
  public void setOnBackToLive(Runnable action) {
    onBackToLive = action == null ? () -> {} : action;
  }

  public void backToLive() {
    onBackToLive.run();
  }

  /** The counters by name, for the report: requests, ok, full, limited, cached, error, attempts, amplification. */
  public Map<String, Number> counterValues() {
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("requests", requests);
    out.put("ok", ok);
    for (Rung r : Rung.values()) out.put(r.wireName(), byRung[r.ordinal()]);
    out.put("attempts", attempts);
    out.put("amplification", amplification());
    return out;
  }

  /** Calls sent per logical request (attempts ÷ requests); 0 before the first request. */
  public double amplification() {
    return requests == 0 ? 0 : (double) attempts / requests;
  }

  public void apply(List<? extends RunEvent> batch) {
    boolean changed = false;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        requests = ok = attempts = 0;
        Arrays.fill(byRung, 0);
        lamps.clear();
        byName.clear();
        changed = true;
      } else if (e instanceof RequestStarted) {
        requests++;
        changed = true;
      } else if (e instanceof AttemptStarted a) {
        attempts++;
        lamp(a.provider() + "/" + a.model(), BreakerState.CLOSED); // a model called has a breaker, closed until told
        changed = true;
      } else if (e instanceof RequestFinished f) {
        byRung[f.rung().ordinal()]++;
        if (f.rung() != Rung.ERROR && "ok".equals(f.outcome())) ok++;
        changed = true;
      } else if (e instanceof BreakerChanged c) {
        Lamp lamp = lamp(c.breaker(), c.to());
        if (lamp != null) lamp.state.set(c.to());
        if (c.to() == BreakerState.OPEN) {
          String next = countdowns.apply(c.breaker()).map(d -> ": " + d.atText()).orElse("");
          notice.set(new Notice(c.seq(), String.format(Locale.ROOT, "Breaker %s opened (failure rate %.0f%%)%s%s",
              c.breaker(), c.failureRate() * 100, c.manual() ? ", by hand" : "", next)));
        }
      }
    }
    if (changed) counters.set(format());
  }

  private Lamp lamp(String breaker, BreakerState initial) {
    Lamp lamp = byName.get(breaker);
    if (lamp == null && byName.size() < MAX_LAMPS) {
      lamp = new Lamp(breaker, initial);
      byName.put(breaker, lamp);
      lamps.add(lamp);
    }
    return lamp;
  }

  private String format() {
    return String.format(Locale.ROOT,
        "requests %d · ok %d · full %d · limited %d · cached %d · error %d · attempts %d · amplification %.2f×",
        requests, ok, byRung[0], byRung[1], byRung[2], byRung[3], attempts, amplification());
  }
}
