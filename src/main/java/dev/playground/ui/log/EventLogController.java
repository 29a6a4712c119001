package dev.playground.ui.log;

import dev.playground.events.RunEvent;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import dev.playground.ui.OutcomeClass;

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
    eventTable.setRowFactory(t -> new OutcomeRow());
    eventTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> model.select(row));
  }

  /** Feeds a batch, then keeps the newest row in view if asked to. */
  public void apply(List<? extends RunEvent> batch) {
    model.apply(batch);
    int shown = model.visibleRows().size();
    rowsInfo.setText(shown + " of " + model.rowCount() + " events");
    if (followLatest.isSelected() && shown > 0) eventTable.scrollTo(shown - 1);
  }

  private static void column(TableColumn<EventRow, Object> column, Function<EventRow, Object> value) {
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
  }

  /** Colours a row by its outcome class (style classes outcome-ok, outcome-retryable …). */
  private static final class OutcomeRow extends TableRow<EventRow> {
    @Override
    protected void updateItem(EventRow row, boolean empty) {
      super.updateItem(row, empty);
      getStyleClass().removeIf(c -> c.startsWith("outcome-"));
      if (!empty && row != null && !row.outcome().isEmpty()) {
        getStyleClass().add("outcome-" + OutcomeClass.of(row.outcome()).name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }
}
