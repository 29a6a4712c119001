package dev.playground.ui.policies;

import dev.playground.events.BreakerState;
import dev.playground.policy.ManagedBreaker;
import dev.playground.ui.charts.BreakerModel.Countdown;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One breaker of the running client as the panel shows it: its state, what happens next, and manual
 * open / close / half-open. Reads the breaker (thread-safe) when refreshed. Not thread-safe: FX thread.
 */
public final class BreakerRow {
  private final ManagedBreaker breaker;
  private final Function<String, Optional<Countdown>> countdowns;
  private final ReadOnlyObjectWrapper<BreakerState> state = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");

  BreakerRow(ManagedBreaker breaker, Function<String, Optional<Countdown>> countdowns) {
    this.breaker = breaker;
    this.countdowns = countdowns;
    refresh();
  }

  /** "provider/model". */
  public String name() { return breaker.name(); }

  ManagedBreaker breaker() { return breaker; }

  public ReadOnlyObjectProperty<BreakerState> stateProperty() { return state.getReadOnlyProperty(); }

  /**
   * "calls go through · delay 30 s", "refuses calls · half-open in 12.3 s" (the breaker chart's countdown, the
   * same at the same instant), "lets trial calls through".
   */
  public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

  public void open() {
    breaker.open();
    refresh();
  }

  public void close() {
    breaker.close();
    refresh();
  }

  public void halfOpen() {
    breaker.halfOpen();
    refresh();
  }

  /** Reads the breaker's state now. */
  void refresh() {
    BreakerState s = breaker.state();
    state.set(s);
    detail.set(switch (s) {
      case CLOSED -> "calls go through · opens per the policy · delay " + PoliciesViewModel.seconds(breaker.delay());
      case OPEN -> "refuses calls · " + countdowns.apply(breaker.name()).map(Countdown::text)
          .orElse(Countdown.text(breaker.remainingDelay().toMillis()));
      case HALF_OPEN -> "lets trial calls through: they close or reopen it";
    });
  }
}
