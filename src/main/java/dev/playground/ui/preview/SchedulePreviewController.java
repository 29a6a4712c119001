package dev.playground.ui.preview;

import dev.playground.ui.Invalid;
import java.awt.Color;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.fx.ChartViewer;

/** Binds the schedule preview's controls, table, chart and comparison tables to its view model. FX thread. */
final class SchedulePreviewController {
  @FXML private TextField seedField;
  @FXML private TextField requestField;
  @FXML private TextField modelField;
  @FXML private CheckBox retryAfterBox;
  @FXML private TextField retryAfterField;
  @FXML private Label errorLabel;
  @FXML private Label summaryLabel;
  @FXML private StackPane chartSlot;
  @FXML private FlowPane chartLegend;
  @FXML private TableView<PreviewRow> rowsTable;
  @FXML private TableColumn<PreviewRow, Number> attemptColumn;
  @FXML private TableColumn<PreviewRow, String> waitColumn;
  @FXML private TableColumn<PreviewRow, String> startColumn;
  @FXML private TableColumn<PreviewRow, String> nominalWaitColumn;
  @FXML private TableColumn<PreviewRow, String> nominalStartColumn;
  @FXML private TableColumn<PreviewRow, String> waitBandColumn;
  @FXML private TableColumn<PreviewRow, String> startBandColumn;
  @FXML private TableColumn<PreviewRow, String> reasonColumn;
  @FXML private VBox comparisonBox;
  @FXML private Label presetNoteLabel;

  private final SchedulePreviewViewModel model;
  private final SchedulePreviewChart chart;

  SchedulePreviewController(SchedulePreviewViewModel model, SchedulePreviewChart chart) {
    this.model = model;
    this.chart = chart;
  }

  @FXML
  private void initialize() {
    seedField.textProperty().bindBidirectional(model.seedProperty());
    requestField.textProperty().bindBidirectional(model.requestProperty());
    modelField.textProperty().bindBidirectional(model.modelProperty());
    retryAfterBox.selectedProperty().bindBidirectional(model.assumeRetryAfterProperty());
    retryAfterField.textProperty().bindBidirectional(model.retryAfterSecondsProperty());
    retryAfterField.disableProperty().bind(retryAfterBox.selectedProperty().not());
    mark(seedField, model.seedErrorProperty());
    mark(requestField, model.requestErrorProperty());
    mark(modelField, model.modelErrorProperty());
    mark(retryAfterField, model.retryAfterErrorProperty());
    summaryLabel.textProperty().bind(model.summaryProperty());
    presetNoteLabel.textProperty().bind(model.presetNoteProperty());
    presetNoteLabel.managedProperty().bind(presetNoteLabel.textProperty().isNotEmpty());

    attemptColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().attempt()));
    header(attemptColumn, "The attempt: 1 is the first call, 2 the first retry, and so on.");
    text(waitColumn, PreviewRow::delay, "The wait before this attempt, as this seed's run does it.");
    text(startColumn, PreviewRow::start, "When this attempt starts, counted from the first attempt's start.");
    text(nominalWaitColumn, PreviewRow::nominalWait, "The wait without jitter: the backoff (or the capped Retry-After).");
    text(nominalStartColumn, PreviewRow::nominalStart, "When the attempt would start without jitter.");
    text(waitBandColumn, PreviewRow::waitBand, "The least and the most this wait can be, whatever the seed.");
    text(startBandColumn, PreviewRow::startBand, "The earliest and the latest this attempt can start (capped by the time budget).");
    text(reasonColumn, PreviewRow::reason, "Why it waits: the policy's backoff, or the provider's Retry-After.");
    reasonColumn.visibleProperty().bind(model.assumeRetryAfterProperty()); // otherwise every wait is a backoff
    rowsTable.setItems(model.rows());
    rowsTable.setPlaceholder(new Label("No retry policy: nothing to preview."));

    ChartViewer viewer = new ChartViewer(chart.chart());
    viewer.setId("previewChart");
    viewer.setMinSize(80, 60);
    chartSlot.getChildren().add(viewer);
    legend();
    chart.show(model.previewProperty().get());
    model.previewProperty().addListener((o, a, p) -> chart.show(p));

    model.comparisons().addListener((ListChangeListener<BackoffTable>) c -> comparisons());
    comparisons();
  }

  private void comparisons() {
    comparisonBox.getChildren().clear();
    for (BackoffTable t : model.comparisons()) comparisonBox.getChildren().add(table(t));
  }

  private static VBox table(BackoffTable t) {
    VBox box = new VBox(4);
    box.getStyleClass().add("backoff-table");
    Label title = new Label(t.title());
    title.getStyleClass().add("backoff-title");
    title.setWrapText(true);
    Label python = new Label(t.python().replace("(stop=", "(\n    stop=").replace(", wait=", ",\n    wait="));
    python.getStyleClass().add("code");
    python.setWrapText(true);
    python.setTooltip(tip("The tenacity settings, as the lesson writes them in Python."));
    GridPane grid = new GridPane();
    grid.getStyleClass().add("backoff-grid");
    int col = 0;
    grid.add(head("after", "The wait after this attempt failed."), col++, 0);
    if (t.hasLesson()) grid.add(head("lesson", "The waits the lesson's table shows."), col++, 0);
    grid.add(head("tenacity", "What tenacity really waits: max(min, min(multiplier × 2^(n−1), max)) after attempt n."), col++, 0);
    grid.add(head("Failsafe", "What this Failsafe code waits (a real RetryPolicy, through its Execution API):\n"
        + t.failsafeCode()), col, 0);
    int row = 1;
    for (BackoffTable.Row r : t.rows()) {
      col = 0;
      grid.add(cell(Integer.toString(r.afterAttempt()), false), col++, row);
      if (t.hasLesson()) grid.add(cell(r.lesson(), !r.lesson().equals(r.tenacity())), col++, row);
      grid.add(cell(r.tenacity(), false), col++, row);
      grid.add(cell(r.failsafe(), !r.failsafe().equals(r.tenacity())), col, row);
      row++;
    }
    Label code = new Label(t.failsafeCode().replace(".with", "\n    .with"));
    code.getStyleClass().addAll("code", "hint");
    code.setWrapText(true);
    code.setTooltip(tip("The Failsafe translation whose waits the last column shows."));
    box.getChildren().addAll(title, python, grid, code);
    if (!t.note().isEmpty()) {
      Label note = new Label(t.note());
      note.getStyleClass().add("backoff-note");
      note.setWrapText(true);
      box.getChildren().add(note);
    }
    return box;
  }

  private static Label head(String text, String tooltip) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE); // never "the less…": the grid is narrow enough to fit
    l.getStyleClass().add("backoff-head");
    l.setTooltip(tip(tooltip));
    return l;
  }

  /** {@code differs}: not what tenacity waits, so marked. */
  private static Label cell(String text, boolean differs) {
    Label l = new Label(text);
    l.setMinWidth(Region.USE_PREF_SIZE);
    l.getStyleClass().add("backoff-cell");
    if (differs) {
      l.getStyleClass().add("differs");
      l.setTooltip(tip("Not what tenacity waits here."));
    }
    return l;
  }

  private void legend() {
    chartLegend.getChildren().setAll(
        swatch("wait (this seed)", SchedulePreviewChart.WAIT, false),
        swatch("wait set by Retry-After", SchedulePreviewChart.WAIT_RETRY_AFTER, false),
        swatch("jitter band", SchedulePreviewChart.BAND, false),
        swatch("nominal (no jitter)", SchedulePreviewChart.NOMINAL, true),
        swatch("start (this seed)", SchedulePreviewChart.WAIT, true));
  }

  private static Label swatch(String name, Color c, boolean thin) {
    Rectangle r = new Rectangle(12, thin ? 3 : 9,
        javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0));
    Label l = new Label(name, r);
    l.getStyleClass().add("chart-legend-item");
    return l;
  }

  private void mark(TextField field, ReadOnlyStringProperty error) {
    Invalid.follow(field, error);
    error.addListener((o, a, b) -> errors());
  }

  private void errors() {
    String text = String.join("\n", Stream.of(model.seedErrorProperty(), model.requestErrorProperty(),
        model.modelErrorProperty(), model.retryAfterErrorProperty())
        .map(ReadOnlyStringProperty::get).filter(s -> !s.isEmpty()).toList());
    errorLabel.setText(text);
    errorLabel.setVisible(!text.isEmpty());
    errorLabel.setManaged(!text.isEmpty());
  }

  private static void text(TableColumn<PreviewRow, String> column, Function<PreviewRow, String> value, String tooltip) {
    column.setCellValueFactory(c -> (ObservableValue<String>) new SimpleStringProperty(value.apply(c.getValue())));
    header(column, tooltip);
  }

  /** The column's title as a label, so that it can carry a tooltip. */
  private static void header(TableColumn<PreviewRow, ?> column, String tooltip) {
    Label header = new Label(column.getText());
    header.setTooltip(tip(tooltip));
    column.setGraphic(header);
    column.setText("");
  }

  private static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(360);
    return t;
  }

  SchedulePreviewChart chart() {
    return chart;
  }
}
