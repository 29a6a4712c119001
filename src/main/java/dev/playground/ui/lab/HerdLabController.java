package dev.playground.ui.lab;

import dev.playground.lab.HerdRow;
import dev.playground.lab.HerdStrategy;
import dev.playground.ui.Invalid;
import dev.playground.ui.files.FilePicker;
import java.awt.Color;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/** Binds the herd lab's inputs, buttons, charts, conclusions and table to its view model. FX thread. */
final class HerdLabController {
  @FXML private TextField clientsField;
  @FXML private TextField trialsField;
  @FXML private TextField seedField;
  @FXML private Button runButton;
  @FXML private Button cancelButton;
  @FXML private Button exportButton;
  @FXML private ProgressBar progressBar;
  @FXML private Label errorLabel;
  @FXML private Label statusLabel;
  @FXML private StackPane callsSlot;
  @FXML private StackPane completionSlot;
  @FXML private CheckBox logTimeBox;
  @FXML private FlowPane legend;
  @FXML private VBox conclusionBox;
  @FXML private TableView<HerdRow> rowsTable;
  @FXML private TableColumn<HerdRow, String> strategyColumn;
  @FXML private TableColumn<HerdRow, Number> clientsColumn;
  @FXML private TableColumn<HerdRow, String> callsColumn;
  @FXML private TableColumn<HerdRow, String> perClientColumn;
  @FXML private TableColumn<HerdRow, String> completionColumn;

  private final HerdLabViewModel model;
  private final HerdCharts charts;
  private boolean flushPending;

  HerdLabController(HerdLabViewModel model, HerdCharts charts) {
    this.model = model;
    this.charts = charts;
  }

  @FXML
  private void initialize() {
    clientsField.textProperty().bindBidirectional(model.clientsProperty());
    trialsField.textProperty().bindBidirectional(model.trialsProperty());
    seedField.textProperty().bindBidirectional(model.seedProperty());
    mark(clientsField, model.clientsErrorProperty());
    mark(trialsField, model.trialsErrorProperty());
    mark(seedField, model.seedErrorProperty());
    runButton.disableProperty().bind(model.canRunProperty().not());
    cancelButton.disableProperty().bind(model.runningProperty().not());
    exportButton.disableProperty().bind(model.canExportProperty().not());
    progressBar.progressProperty().bind(model.progressProperty());
    statusLabel.textProperty().bind(model.statusProperty());

    callsSlot.getChildren().add(viewer(charts.callsChart(), "callsChart"));
    completionSlot.getChildren().add(viewer(charts.completionChart(), "completionChart"));
    logTimeBox.selectedProperty().addListener((o, a, log) -> charts.setLogTime(log));
    for (HerdStrategy s : HerdStrategy.values()) legend.getChildren().add(swatch(s));
    model.rows().addListener((ListChangeListener<HerdRow>) c -> {
      while (c.next()) {
        if (c.wasRemoved() && model.rows().isEmpty()) charts.clear();
        if (c.wasAdded()) c.getAddedSubList().forEach(charts::add);
      }
      if (!flushPending) { // rows already queued for the FX thread are added before this redraw
        flushPending = true;
        Platform.runLater(() -> {
          flushPending = false;
          charts.flush();
        });
      }
    });

    strategyColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().strategy().label()));
    clientsColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().clients()));
    text(callsColumn, r -> String.format(Locale.ROOT, "%.1f", r.callsMean()));
    text(perClientColumn, r -> String.format(Locale.ROOT, "%.1f", r.callsPerClient()));
    text(completionColumn, r -> HerdConclusions.seconds(r.completionMsMean()));
    header(strategyColumn, "How a client waits after a lost write.");
    header(clientsColumn, "How many clients contend for the row.");
    header(callsColumn, "Writes sent by all clients together (mean over the trials): the work.");
    header(perClientColumn, "Calls per client: 1 means no write was ever lost.");
    header(completionColumn, "Until the last client heard its write succeed (mean over the trials, virtual time).");
    rowsTable.setItems(model.rows());
    rowsTable.setPlaceholder(new Label("Run the lab to see its numbers."));

    model.conclusions().addListener((ListChangeListener<HerdConclusions.Conclusion>) c -> conclusions());
    conclusions();
  }

  private void conclusions() {
    conclusionBox.getChildren().clear();
    if (model.conclusions().isEmpty()) {
      for (String claim : new String[] {
          "Jitter more than halves the work of exponential backoff without jitter (at 100 clients).",
          "Exponential backoff without jitter is the slowest to finish.",
          "Full and equal jitter do about the same work.",
          "No backoff finishes first, and does the most work."}) {
        conclusionBox.getChildren().add(wrapped(claim, "claim"));
      }
      conclusionBox.getChildren().add(wrapped("Run the lab to see whether this run reproduces them.", "hint"));
      return;
    }
    for (HerdConclusions.Conclusion c : model.conclusions()) {
      VBox item = new VBox(2);
      item.getStyleClass().add("conclusion");
      Label verdict = wrapped((c.reproduced() ? "Reproduced: " : "Not reproduced: ") + c.claim(), "claim");
      verdict.getStyleClass().add(c.reproduced() ? "reproduced" : "not-reproduced");
      item.getChildren().addAll(verdict, wrapped(c.evidence(), "evidence"));
      conclusionBox.getChildren().add(item);
    }
  }

  private static Label wrapped(String text, String style) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add(style);
    return l;
  }

  @FXML
  private void run() {
    model.run();
  }

  @FXML
  private void cancel() {
    model.cancel();
  }

  @FXML
  private void exportCsv() {
    FilePicker.save(exportButton.getScene().getWindow(), "Save the herd lab's numbers as CSV", "herd.csv", ".csv")
        .ifPresent(model::exportCsv);
  }

  HerdCharts charts() {
    return charts;
  }

  private void mark(TextField field, ReadOnlyStringProperty error) {
    Invalid.follow(field, error);
    error.addListener((o, a, b) -> errors());
  }

  private void errors() {
    String text = String.join("\n", Stream.of(model.clientsErrorProperty(), model.trialsErrorProperty(),
        model.seedErrorProperty()).map(ReadOnlyStringProperty::get).filter(s -> !s.isEmpty()).toList());
    errorLabel.setText(text);
    errorLabel.setVisible(!text.isEmpty());
    errorLabel.setManaged(!text.isEmpty());
  }

  private static void text(TableColumn<HerdRow, String> column, Function<HerdRow, String> value) {
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
  }

  /** The column's title as a label, so that it can carry a tooltip. */
  private static void header(TableColumn<HerdRow, ?> column, String tooltip) {
    Label header = new Label(column.getText());
    Tooltip tip = new Tooltip(tooltip);
    tip.setWrapText(true);
    tip.setMaxWidth(340);
    header.setTooltip(tip);
    column.setGraphic(header);
    column.setText("");
  }

  private static ChartViewer viewer(JFreeChart chart, String id) {
    ChartViewer v = new ChartViewer(chart);
    v.setId(id);
    v.setMinSize(80, 60);
    return v;
  }

  private static Label swatch(HerdStrategy s) {
    Color c = HerdCharts.color(s);
    Label l = new Label(s.label(), new Rectangle(14, 4, javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue())));
    l.getStyleClass().add("chart-legend-item");
    l.setTooltip(new Tooltip(s.label() + " (" + s.id() + " in the CSV)"));
    return l;
  }
}
