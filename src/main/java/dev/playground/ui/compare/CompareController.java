package dev.playground.ui.compare;

import dev.playground.scenario.Compare;
import dev.playground.ui.Invalid;
import dev.playground.ui.charts.ChartPalette;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/** Binds the A/B compare's editor, buttons, table and both sides' charts to its view model. FX thread. */
final class CompareController {
  private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
  private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");

  @FXML private Label scenarioLabel;
  @FXML private Label replaysLabel;
  @FXML private TextField seedField;
  @FXML private Button runButton;
  @FXML private Button cancelButton;
  @FXML private ProgressIndicator busyIndicator;
  @FXML private Label statusLabel;
  @FXML private Tooltip statusTip;
  @FXML private Tooltip aTip;
  @FXML private Button copyAButton;
  @FXML private ComboBox<String> presetPicker;
  @FXML private TextArea bJsonArea;
  @FXML private Label bErrorLabel;
  @FXML private TableView<DiffRow> diffTable;
  @FXML private TableColumn<DiffRow, String> metricColumn;
  @FXML private TableColumn<DiffRow, String> aColumn;
  @FXML private TableColumn<DiffRow, String> bColumn;
  @FXML private TableColumn<DiffRow, String> changeColumn;
  @FXML private ToggleGroup chartGroup;
  @FXML private Slider untilSlider;
  @FXML private Label untilLabel;
  @FXML private StackPane slotA;
  @FXML private StackPane slotB;

  private final CompareViewModel model;
  private ChartPalette palette = ChartPalette.LIGHT;
  private SideCharts sideA;
  private SideCharts sideB;
  private boolean settingSlider;

  CompareController(CompareViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    model.scenarioProperty().addListener((o, a, s) -> {
      scenarioLabel.setText(s == null ? "none" : s.title());
      replaysLabel.setText(CompareViewModel.replays(s));
    });
    seedField.textProperty().bindBidirectional(model.seedProperty());
    model.seedErrorProperty().addListener((o, a, e) -> {
      Invalid.set(seedField, !e.isEmpty());
      seedField.setTooltip(tip(e.isEmpty() ? "The seed of both runs." : e));
      if (!e.isEmpty()) statusLabel.setText(e);
    });
    runButton.disableProperty().bind(model.canRunProperty().not());
    cancelButton.disableProperty().bind(model.runningProperty().not());
    busyIndicator.visibleProperty().bind(model.runningProperty());
    statusLabel.textProperty().bind(model.statusProperty());
    statusTip.textProperty().bind(model.statusProperty());
    aTip.textProperty().bind(model.jsonAProperty());

    bJsonArea.textProperty().bindBidirectional(model.jsonBProperty());
    bErrorLabel.textProperty().bind(model.errorBProperty());
    Invalid.follow(bJsonArea, model.errorBProperty());
    presetPicker.getItems().setAll(CompareViewModel.presetNames());
    presetPicker.setOnAction(e -> {
      String name = presetPicker.getValue();
      if (name == null) return;
      model.loadPreset(name);
      Platform.runLater(() -> presetPicker.getSelectionModel().clearSelection());
    });

    column(metricColumn, DiffRow::metric);
    column(aColumn, DiffRow::a);
    column(bColumn, DiffRow::b);
    column(changeColumn, DiffRow::change);
    diffTable.setItems(model.rows());
    diffTable.setPlaceholder(new Label("Run A and B to see their differences."));
    diffTable.setRowFactory(t -> new TableRow<>() {
      @Override
      protected void updateItem(DiffRow row, boolean empty) {
        super.updateItem(row, empty);
        DiffRow.Verdict v = empty || row == null ? null : row.verdict();
        pseudoClassStateChanged(BETTER, v == DiffRow.Verdict.BETTER);
        pseudoClassStateChanged(WORSE, v == DiffRow.Verdict.WORSE);
        setTooltip(v == null ? null : tip(verdictText(row)));
      }
    });

    model.resultProperty().addListener((o, a, r) -> {
      if (r != null) newResult();
    });
    untilSlider.valueChangingProperty().addListener((o, a, changing) -> {
      if (!changing) drawUntilSlider();
    });
    untilSlider.valueProperty().addListener((o, a, v) -> {
      untilLabel.setText(untilText());
      if (!untilSlider.isValueChanging() && !settingSlider) drawUntilSlider(); // a click or a key, not a drag
    });
    chartGroup.selectedToggleProperty().addListener((o, a, t) -> {
      if (t == null) a.setSelected(true); // one chart choice is always on
      else showSelected();
    });
  }

  private void newResult() {
    double end = model.endMs() / 1000.0;
    settingSlider = true;
    untilSlider.setMax(Math.max(end, 0.001));
    untilSlider.setValue(untilSlider.getMax());
    untilSlider.setMajorTickUnit(Math.max(1, Math.round(end / 6)));
    settingSlider = false;
    untilLabel.setText(untilText());
    draw(model.endMs());
    untilSlider.setDisable(false);
  }

  private void drawUntilSlider() {
    if (model.resultProperty().get() != null) draw(Math.round(untilSlider.getValue() * 1000));
  }

  private String untilText() {
    double s = untilSlider.getValue();
    return String.format(Locale.ROOT, "%.0f s", s) + (s >= untilSlider.getMax() ? " (end)" : "");
  }

  /** Both sides as they stood at {@code ms} of scenario time. */
  private void draw(long ms) {
    Compare.Result r = model.resultProperty().get();
    sideA = new SideCharts(CompareViewModel.upTo(r.eventsA(), ms), r.a().policies(), palette);
    sideB = new SideCharts(CompareViewModel.upTo(r.eventsB(), ms), r.b().policies(), palette);
    sideA.root().setId("chartsA");
    sideB.root().setId("chartsB");
    slotA.getChildren().setAll(sideA.root());
    slotB.getChildren().setAll(sideB.root());
    showSelected();
  }

  private void showSelected() {
    Toggle t = chartGroup.getSelectedToggle();
    String chart = t == null ? SideCharts.CHARTS.get(0) : (String) t.getUserData();
    if (sideA != null) sideA.show(chart);
    if (sideB != null) sideB.show(chart);
  }

  void setPalette(ChartPalette p) {
    palette = p;
    if (sideA != null) sideA.setPalette(p);
    if (sideB != null) sideB.setPalette(p);
  }

  SideCharts sideA() {
    return sideA;
  }

  SideCharts sideB() {
    return sideB;
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
  private void copyA() {
    model.copyAToB();
  }

  private static String verdictText(DiffRow row) {
    return switch (row.verdict()) {
      case BETTER -> "B is better here.";
      case WORSE -> "B is worse here.";
      case SAME -> "The same on both sides.";
      case DIFFERENT -> DiffRow.judged(row.metric()) ? "Different." : "Different, but neither better nor worse in itself.";
    };
  }

  private static void column(TableColumn<DiffRow, String> column, Function<DiffRow, String> value) {
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
  }

  private static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(380);
    return t;
  }
}
