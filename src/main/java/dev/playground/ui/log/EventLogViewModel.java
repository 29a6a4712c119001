package dev.playground.ui.log;

import dev.playground.events.RunEvent.RequestEvent;
import dev.playground.events.RunEvent.RunStarted;
import dev.playground.events.RunEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The event log's state: the latest {@link #MAX_ROWS} events as rows, filters by type, request and outcome, and
 * the drill-down into one request (the latest {@link #MAX_REQUESTS} requests are kept). Not thread-safe: use on
 * the FX thread once its lists are shown.
 */
public final class EventLogViewModel {
  public static final int MAX_ROWS = 5_000;
  public static final int MAX_REQUESTS = 2_000;
  public static final String ANY_TYPE = "any type";
  public static final String ANY_OUTCOME = "any outcome";
  public static final String FAILED = "any failure";

  private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
  private final FilteredList<EventRow> visible = new FilteredList<>(rows);
  private final ObservableList<String> types = FXCollections.observableArrayList(ANY_TYPE);
  private final ObservableList<String> outcomes = FXCollections.observableArrayList(ANY_OUTCOME, FAILED);
  private final ObservableList<String> typesView = FXCollections.unmodifiableObservableList(types);
  private final ObservableList<String> outcomesView = FXCollections.unmodifiableObservableList(outcomes);
  private final TreeSet<String> seenTypes = new TreeSet<>();
  private final TreeSet<String> seenOutcomes = new TreeSet<>();
  private final Map<Long, List<RunEvent>> byRequest = new LinkedHashMap<>();

  private final StringProperty typeFilter = new SimpleStringProperty(ANY_TYPE);
  private final StringProperty requestFilter = new SimpleStringProperty("");
  private final StringProperty outcomeFilter = new SimpleStringProperty(ANY_OUTCOME);
  private final LongProperty selectedRequest = new SimpleLongProperty(-1);
  private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper drillDown = new ReadOnlyStringWrapper(
      "Select a row to see its request\nstep by step.");

  public EventLogViewModel() {
    selectedRequest.addListener((o, a, req) -> showRequest(req.longValue()));
    typeFilter.addListener((o, a, b) -> refilter());
    requestFilter.addListener((o, a, b) -> refilter());
    outcomeFilter.addListener((o, a, b) -> refilter());
  }

  /** The rows that pass the filters, oldest first. */
  public ObservableList<EventRow> visibleRows() { return visible; }

  /** Every kept row, unfiltered. */
  public int rowCount() { return rows.size(); }

  public ObservableList<String> types() { return typesView; }

  public ObservableList<String> outcomes() { return outcomesView; }

  public StringProperty typeFilterProperty() { return typeFilter; }

  /** A request number ("12" or "#12"), or blank for every request. */
  public StringProperty requestFilterProperty() { return requestFilter; }

  public StringProperty outcomeFilterProperty() { return outcomeFilter; }

  /** Why the request filter was not applied, or "". */
  public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }

  public ReadOnlyStringProperty drillDownProperty() { return drillDown.getReadOnlyProperty(); }

  /** The request shown in the drill-down (picked here or on the timeline): -1 for none. */
  public LongProperty selectedRequestProperty() { return selectedRequest; }

  private final List<EventRow> staged = new ArrayList<>();
  private boolean clearOnPublish;

  /** Takes a batch and shows it at once. */
  public void apply(List<? extends RunEvent> batch) {
    stage(batch);
    publish();
  }

  /**
   * Takes a batch into the drill-down and the filters' choices, and keeps its rows for the next
   * {@link #publish()}: the table need not change at every frame.
   */
  public void stage(List<? extends RunEvent> batch) {
    List<EventRow> added = staged;
    for (RunEvent e : batch) {
      if (e instanceof RunStarted) {
        clearOnPublish = true;
        added.clear();
        byRequest.clear();
      }
      added.add(EventRow.of(e));
      // insert in place: replacing the items would make a combo box drop the chosen filter
      if (seenTypes.add(e.type())) types.add(1 + seenTypes.headSet(e.type()).size(), e.type());
      String outcome = EventRow.outcome(e);
      if (!outcome.isEmpty() && seenOutcomes.add(outcome)) outcomes.add(2 + seenOutcomes.headSet(outcome).size(), outcome);
      if (e instanceof RequestEvent r) byRequest.computeIfAbsent(r.req(), k -> new ArrayList<>()).add(e);
    }
    if (added.size() > MAX_ROWS) added.subList(0, added.size() - MAX_ROWS).clear();
    for (Iterator<Long> it = byRequest.keySet().iterator(); byRequest.size() > MAX_REQUESTS; ) {
      it.next();
      it.remove();
    }
  }

  /** Moves the staged rows into the table's list; true if it changed. */
  public boolean publish() {
    if (clearOnPublish) {
      rows.clear();
      clearOnPublish = false;
    } else if (staged.isEmpty()) {
      return false;
    }
    int overflow = rows.size() + staged.size() - MAX_ROWS;
    if (overflow > 0) rows.remove(0, overflow); // one change for the whole batch
    rows.addAll(staged);
    staged.clear();
    return true;
  }

  /** Shows the row's request in the drill-down and picks it (a row of a run-level event shows that event). */
  public void select(EventRow row) {
    if (row == null) return;
    if (row.req() < 0) {
      drillDown.set(row.type() + ": " + row.detail());
      return;
    }
    if (selectedRequest.get() == row.req()) showRequest(row.req());
    else selectedRequest.set(row.req());
  }

  private void showRequest(long req) {
    if (req < 0) return;
    drillDown.set(RequestDrillDown.describe(req, byRequest.getOrDefault(req, List.of())));
  }

  private void refilter() {
    String type = typeFilter.get();
    String outcome = outcomeFilter.get();
    long req = -1;
    String text = requestFilter.get() == null ? "" : requestFilter.get().trim();
    if (!text.isEmpty()) {
      try {
        req = Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
        if (req < 0) throw new NumberFormatException();
        filterError.set("");
      } catch (NumberFormatException ex) {
        filterError.set("request must be a request number like 12 or #12, was \"" + text + "\"");
        return; // keep the previous filter rather than half-apply this one
      }
    } else {
      filterError.set("");
    }
    long wanted = req;
    Predicate<EventRow> p = r -> (type == null || ANY_TYPE.equals(type) || type.equals(r.type()))
        && (wanted < 0 || r.req() == wanted)
        && (outcome == null || ANY_OUTCOME.equals(outcome)
            || (FAILED.equals(outcome) ? !r.outcome().isEmpty() && !"ok".equals(r.outcome()) : outcome.equals(r.outcome())));
    visible.setPredicate(p);
  }
}
