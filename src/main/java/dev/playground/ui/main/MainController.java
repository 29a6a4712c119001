package dev.playground.ui.main;

import dev.playground.common.Causes;
import dev.playground.events.RunEvent;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.Fxml;
import dev.playground.ui.charts.ChartsController;
import dev.playground.ui.export.ChartImages;
import dev.playground.ui.export.ExportViewModel;
import dev.playground.ui.files.FilePicker;
import dev.playground.ui.log.EventLogController;
import dev.playground.ui.log.EventLogViewModel;
import dev.playground.ui.status.StatusBarController;
import dev.playground.ui.status.StatusViewModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The window's controller: the top bar's buttons (theme, open run, export) with their file dialogs, the toast,
 * and the hand-over of each batch of events to the parts. What an export writes and says is the
 * {@link ExportViewModel}'s. FX thread.
 */
public final class MainController {
  @FXML private StackPane windowRoot;
  @FXML private ToggleButton themeToggle;
  @FXML private Label toast;
  @FXML private ChartsController chartsController;
  @FXML private StackPane eventLogSlot;
  private EventLogController eventLogController; // built just after the first frame
  @FXML private StatusBarController statusController;

  private final MainViewModel model;
  private final StatusViewModel status;
  private final PlaygroundActions actions;
  private final EventLogViewModel logModel;
  private final ExportViewModel exports;
  private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));

  public MainController(MainViewModel model, StatusViewModel status, EventLogViewModel logModel,
      PlaygroundActions actions, ExportViewModel exports) {
    this.model = model;
    this.logModel = logModel;
    this.status = status;
    this.actions = actions;
    this.exports = exports;
  }

  @FXML
  private void initialize() {
    Styles.apply(windowRoot, model.themeProperty().get());
    model.themeProperty().addListener((o, a, theme) -> applyTheme(theme));
    applyTheme(model.themeProperty().get());
    status.noticeProperty().addListener((o, a, notice) -> {
      if (notice != null) showToast(notice.message());
    });
    toastTimer.setOnFinished(e -> toast.setVisible(false));
  }

  /** Hands a batch to every part: charts, log, status. */
  void apply(List<? extends RunEvent> batch) {
    chartsController.apply(batch);
    if (eventLogController != null) eventLogController.apply(batch);
    else logModel.stage(batch); // shown when the log is built
    status.apply(batch);
  }

  /** Builds the event log's view and puts it in its slot; its rows so far appear at the next pulse. */
  void buildEventLog() {
    if (eventLogController != null) return;
    EventLogController controller = new EventLogController(logModel);
    eventLogSlot.getChildren().setAll(Fxml.load("/dev/playground/ui/log/EventLogView.fxml", controller));
    eventLogController = controller;
  }

  MainViewModel model() {
    return model;
  }

  ChartsController charts() {
    return chartsController;
  }

  void showToast(String message) {
    toast.setText(message);
    toast.setVisible(true);
    toast.toFront();
    toastTimer.playFromStart();
  }

  @FXML
  private void toggleTheme() {
    model.toggleTheme();
  }

  @FXML
  private void openRun() {
    FilePicker.open(window(), "Open a run log", ".jsonl").ifPresent(this::openRun);
  }

  /** Replays a saved run log; says what happened in the status bar, and any warning in a notice. FX thread. */
  CompletableFuture<List<String>> openRun(Path file) {
    String name = String.valueOf(file.getFileName());
    return actions.openRun(file).whenComplete((warnings, error) -> Platform.runLater(() -> {
      if (error != null) {
        // the reader's message already names the file
        String why = Causes.message(error);
        String message = why.startsWith(name) ? "Could not open " + why : "Could not open " + name + ": " + why;
        status.showMessage(message);
        showToast(message);
      } else if (warnings.isEmpty()) {
        status.showMessage("Replaying " + name);
      } else {
        status.showMessage("Replaying " + name + " (with warnings)");
        showToast("Opened " + name + ", but " + String.join("; ", warnings));
      }
    }));
  }

  @FXML
  private void exportJsonl() {
    FilePicker.save(window(), "Save the run log", "run.jsonl", ".jsonl").ifPresent(exports::runLog);
  }

  @FXML
  private void exportCsv() {
    FilePicker.folder(window(), "Save attempts.csv and requests.csv into…").ifPresent(exports::csv);
  }

  @FXML
  private void exportPngs() {
    FilePicker.folder(window(), "Save the charts as PNG into…").ifPresent(this::exportPngs);
  }

  /** Snapshots the charts now and writes one PNG each into {@code dir}, off the FX thread. */
  CompletableFuture<List<Path>> exportPngs(Path dir) {
    return exports.pngs(snapshots(), dir);
  }

  @FXML
  private void exportHtml() {
    FilePicker.save(window(), "Save the HTML report", "resilience-playground-report.html", ".html")
        .ifPresent(this::exportHtml);
  }

  /** Snapshots the charts and counters now and writes the one-file report, off the FX thread. */
  CompletableFuture<Path> exportHtml(Path file) {
    return exports.html(file, status.counterValues(), snapshots());
  }

  private Window window() {
    return windowRoot.getScene().getWindow();
  }

  private Map<String, WritableImage> snapshots() {
    Map<String, WritableImage> images = new LinkedHashMap<>();
    chartsController.redrawAll(); // the pictures show the latest data, not the last throttled frame
    for (Map.Entry<String, Node> e : chartsController.chartNodes().entrySet())
      images.put(e.getKey(), ChartImages.snapshot(e.getValue()));
    return images;
  }

  private void applyTheme(Theme theme) {
    Styles.applyTheme(windowRoot, theme);
    themeToggle.setSelected(theme == Theme.DARK);
    themeToggle.setText(theme == Theme.DARK ? "Light theme" : "Dark theme"); // what a click gives
    chartsController.setPalette(theme.palette());
  }
}
