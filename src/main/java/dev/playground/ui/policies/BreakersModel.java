package dev.playground.ui.policies;

import dev.playground.events.BreakerState;
import dev.playground.policy.ManagedBreaker;
import dev.playground.ui.charts.BreakerModel.Countdown;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The running client's breakers, read from a source the wiring gives ({@code client::breakers}). A refresh
 * rebuilds the rows when the breakers changed (new policies, a model asked for the first time) and reads each
 * one's state. Not thread-safe: FX thread.
 */
public final class BreakersModel {
  private final ObservableList<BreakerRow> rows = FXCollections.observableArrayList();
  // one wrapper, kept: it passes changes on through a weak listener
  private final ObservableList<BreakerRow> rowsView = FXCollections.unmodifiableObservableList(rows);
  private Supplier<? extends Collection<ManagedBreaker>> source = List::of;
  private Function<String, Optional<Countdown>> countdowns = name -> Optional.empty();

  public ObservableList<BreakerRow> rows() {
    return rowsView;
  }

  /** Where the breakers come from; read at each {@link #refresh}. */
  public void setSource(Supplier<? extends Collection<ManagedBreaker>> breakers) {
    source = Objects.requireNonNull(breakers, "breakers");
    refresh();
  }

  /** Where an open breaker's countdown comes from: the breaker chart's, so both say the same. */
  public void setCountdowns(Function<String, Optional<Countdown>> source) {
    countdowns = Objects.requireNonNull(source, "source");
    refresh();
  }

  /** Reads the breakers and their states now. Cheap: a map read and a few volatile reads per breaker. */
  public void refresh() {
    List<ManagedBreaker> now = new ArrayList<>(source.get());
    boolean same = now.size() == rows.size();
    for (int i = 0; same && i < now.size(); i++) same = rows.get(i).breaker() == now.get(i);
    if (!same) rows.setAll(now.stream().map(b -> new BreakerRow(b, countdowns)).toList());
    else rows.forEach(BreakerRow::refresh);
  }

  /** True when a breaker is open: its countdown needs a refresh each second. */
  public boolean anyOpen() {
    return rows.stream().anyMatch(r -> r.stateProperty().get() == BreakerState.OPEN);
  }
}
