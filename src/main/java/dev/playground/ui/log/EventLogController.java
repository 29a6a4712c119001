package dev.playground.ui.log;

import dev.playground.events.RunEvent;
import dev.playground.ui.OutcomeClass;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the event log table, its filters and the drill-down to an {@link EventLogViewModel}. FX thread. */
public final class EventLogController {
  @FXML private ComboBox<String> typeFilter;
  @FXML private TextField requestFilter;
  @FXML private ComboBox<String> outcomeFilter;
  @FXML private CheckBox followLatest;
  @FXML private Label filterError;
  @FXML private Label rowsInfo;
  @FXML private TableView<EventRow> eventTable;
  @FXML private TableColumn<EventRow, Object> seqColumn;
  @FXML private TableColumn<EventRow, Object> timeColumn;
  @FXML private TableColumn<EventRow, Object> typeColumn;
  @FXML private TableColumn<EventRow, Object> reqColumn;
  @FXML private TableColumn<EventRow, Object> outcomeColumn;
  @FXML private TableColumn<EventRow, Object> detailColumn;
  @FXML private TextArea drillDown;

  private final EventLogViewModel model;

  public EventLogController(EventLogViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    typeFilter.setItems(model.types());
    typeFilter.valueProperty().bindBidirectional(model.typeFilterProperty());
    outcomeFilter.setItems(model.outcomes());
    outcomeFilter.valueProperty().bindBidirectional(model.outcomeFilterProperty());
    requestFilter.textProperty().bindBidirectional(model.requestFilterProperty());
    filterError.textProperty().bind(model.filterErrorProperty());
    drillDown.textProperty().bind(model.drillDownProperty());

    column(seqColumn, EventRow::seq);
    column(timeColumn, EventRow::tMs);
    column(typeColumn, EventRow::type);
    column(reqColumn, EventRow::reqText);
    column(outcomeColumn, EventRow::outcome);
    column(detailColumn, EventRow::detail);
    eventTable.setItems(model.visibleRows());
    eventTable.setRowFactory(t -> new OutcomeRow(model));
    model.selectedRequestProperty().addListener((o, a, req) -> eventTable.refresh()); // mark the request's rows
    eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.select(row));
    model.visibleRows().addListener((ListChangeListener<EventRow>) c -> showCount());
    showCount();
    publishLater.start(); // rows staged before this view was built
  }

  private void showCount() {
    rowsInfo.setText(model.visibleRows().size() + " of " + model.rowCount() + " events");
  }

  /**
   * Feeds a batch; the table shows new rows at most every {@link #PUBLISH_INTERVAL_NANOS} (a table that changes
   * and scrolls at every frame costs more than a frame under a flood), then keeps the newest in view if asked.
   */
  public void apply(List<? extends RunEvent> batch) {
    model.stage(batch);
    publishLater.start();
  }

  private void publish() {
    lastPublish = System.nanoTime();
    if (!model.publish()) return;
    int shown = model.visibleRows().size();
    if (followLatest.isSelected() && shown > 0) eventTable.scrollTo(shown - 1);
  }

  static final long PUBLISH_INTERVAL_NANOS = 250_000_000L;
  private long lastPublish = System.nanoTime() - PUBLISH_INTERVAL_NANOS;
  private final AnimationTimer publishLater = new AnimationTimer() {
    @Override
    public void handle(long now) {
      if (System.nanoTime() - lastPublish >= PUBLISH_INTERVAL_NANOS) {
        publish();
        stop();
      }
    }
  };

  private static void column(TableColumn<EventRow, Object> column, Function<EventRow, Object> value) {
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
  }

  /**
   * Colours a row by its outcome class with pseudo-classes (:retryable, :fatal …): cheaper than changing style
   * classes, which makes JavaFX look the row's styles up again. The picked request's rows are :picked.
   */
  private static final class OutcomeRow extends TableRow<EventRow> {
    private static final PseudoClass[] BY_CLASS = Arrays.stream(OutcomeClass.values())
        .map(c -> PseudoClass.getPseudoClass(c.name().toLowerCase(Locale.ROOT))).toArray(PseudoClass[]::new);
    private static final PseudoClass PICKED = PseudoClass.getPseudoClass("picked");
    private final EventLogViewModel model;
    private OutcomeClass shown;

    OutcomeRow(EventLogViewModel model) {
      this.model = model;
    }

    @Override
    protected void updateItem(EventRow row, boolean empty) {
      super.updateItem(row, empty);
      pseudoClassStateChanged(PICKED, !empty && row != null && row.req() >= 0
          && row.req() == model.selectedRequestProperty().get());
      OutcomeClass now = empty || row == null || row.outcome().isEmpty() ? null : OutcomeClass.of(row.outcome());
      if (now == shown) return;
      if (shown != null) pseudoClassStateChanged(BY_CLASS[shown.ordinal()], false);
      if (now != null) pseudoClassStateChanged(BY_CLASS[now.ordinal()], true);
      shown = now;
    }
  }
}
