package dev.playground.ui.main;

import dev.playground.events.RunEvent;
import dev.playground.ui.PlaygroundActions;
import dev.playground.ui.charts.ChartPalette;
import dev.playground.ui.charts.ChartsController;
import dev.playground.ui.export.ChartImages;
import dev.playground.guard.OutputPaths;
import dev.playground.ui.export.HtmlReport;
import dev.playground.ui.export.RunLogExport;
import dev.playground.ui.log.EventLogController;
import dev.playground.ui.log.EventLogViewModel;
import dev.playground.ui.status.StatusBarController;
import dev.playground.ui.status.StatusViewModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The window's controller: the top bar's actions (theme, open run, export), the toast, and the hand-over of each
 * batch of events to the parts. FX thread; files are written on the {@code background} executor.
 */
public final class MainController {
  static final List<String> SHEETS = List.of(
      "/styles/base.css", "/styles/main.css", "/styles/prompt.css", "/styles/charts.css", "/styles/log.css",
      "/styles/status.css", "/styles/session.css", "/styles/lesson.css");

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
  private final Executor background;
  private Supplier<List<HtmlReport.Section>> reportSections = List::of;
  private RunLogExport runLogExport = RunLogExport.none();
  private final PauseTransition toastTimer = new PauseTransition(Duration.seconds(4));

  public MainController(MainViewModel model, StatusViewModel status, EventLogViewModel logModel,
      PlaygroundActions actions, Executor background) {
    this.model = model;
    this.logModel = logModel;
    this.status = status;
    this.actions = actions;
    this.background = background;
  }

  @FXML
  private void initialize() {
    for (String sheet : SHEETS) windowRoot.getStylesheets().add(resource(sheet));
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
    var loader = new javafx.fxml.FXMLLoader(MainController.class.getResource("/dev/playground/ui/log/EventLogView.fxml"));
    EventLogController controller = new EventLogController(logModel);
    loader.setControllerFactory(type -> controller);
    try {
      eventLogSlot.getChildren().setAll((Node) loader.load());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not load the event log's FXML", e);
    }
    eventLogController = controller;
  }

  MainViewModel model() {
    return model;
  }

  ChartsController charts() {
    return chartsController;
  }

  void setReportSections(Supplier<List<HtmlReport.Section>> sections) {
    this.reportSections = sections;
  }

  void setRunLogExport(RunLogExport export) {
    this.runLogExport = export;
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
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open a run log");
    chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Run logs (*.jsonl)", "*.jsonl"),
        new FileChooser.ExtensionFilter("All files", "*"));
    File file = chooser.showOpenDialog(windowRoot.getScene().getWindow());
    if (file != null) openRun(file.toPath());
  }

  /** Replays a saved run log; says what happened in the status bar, and any warning in a notice. FX thread. */
  CompletableFuture<List<String>> openRun(Path file) {
    String name = String.valueOf(file.getFileName());
    return actions.openRun(file).whenComplete((warnings, error) -> Platform.runLater(() -> {
      if (error != null) {
        // the reader's message already names the file
        String why = reason(error);
        String message = why.startsWith(name) ? "Could not open " + why : "Could not open " + name + ": " + why;
        statusController.showMessage(message);
        showToast(message);
      } else if (warnings.isEmpty()) {
        statusController.showMessage("Replaying " + name);
      } else {
        statusController.showMessage("Replaying " + name + " (with warnings)");
        showToast("Opened " + name + ", but " + String.join("; ", warnings));
      }
    }));
  }

  @FXML
  private void exportJsonl() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the run log");
    chooser.setInitialFileName("run.jsonl");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Run logs (*.jsonl)", "*.jsonl"));
    File file = chooser.showSaveDialog(windowRoot.getScene().getWindow());
    if (file != null) exportJsonl(file.toPath());
  }

  /** Writes the run log shown to {@code file}, off the FX thread. */
  CompletableFuture<Path> exportJsonl(Path file) {
    return report(CompletableFuture.runAsync(() -> checkFile(file), background)
        .thenCompose(v -> runLogExport.saveRunLog(file)), path -> "Saved the run log to " + path.getFileName());
  }

  @FXML
  private void exportCsv() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Save attempts.csv and requests.csv into…");
    File dir = chooser.showDialog(windowRoot.getScene().getWindow());
    if (dir != null) exportCsv(dir.toPath());
  }

  /** Writes attempts.csv and requests.csv of the run shown into {@code dir}, off the FX thread. */
  CompletableFuture<List<Path>> exportCsv(Path dir) {
    return report(CompletableFuture.runAsync(() -> checkDirectory(dir), background)
        .thenCompose(v -> runLogExport.saveCsv(dir)), paths -> "Saved " + paths.size() + " CSV files to " + dir.getFileName());
  }

  @FXML
  private void exportPngs() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Save the charts as PNG into…");
    File dir = chooser.showDialog(windowRoot.getScene().getWindow());
    if (dir != null) exportPngs(dir.toPath());
  }

  /** Snapshots the charts now and writes one PNG each into {@code dir}, off the FX thread. */
  CompletableFuture<List<Path>> exportPngs(Path dir) {
    Map<String, WritableImage> images = snapshots();
    return report(CompletableFuture.supplyAsync(() -> {
      checkDirectory(dir);
      try {
        Files.createDirectories(dir);
        List<Path> written = new java.util.ArrayList<>();
        for (Map.Entry<String, WritableImage> e : images.entrySet()) {
          written.add(Files.write(dir.resolve(e.getKey() + ".png"), ChartImages.png(e.getValue())));
        }
        return written;
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, background), paths -> "Saved " + paths.size() + " charts to " + dir.getFileName());
  }

  @FXML
  private void exportHtml() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save the HTML report");
    chooser.setInitialFileName("resilience-playground-report.html");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML (*.html)", "*.html"));
    File file = chooser.showSaveDialog(windowRoot.getScene().getWindow());
    if (file != null) exportHtml(file.toPath());
  }

  /** Snapshots the charts and counters now and writes the one-file report, off the FX thread. */
  CompletableFuture<Path> exportHtml(Path file) {
    Map<String, WritableImage> images = snapshots();
    Map<String, Number> counters = status.counterValues();
    List<HtmlReport.Section> sections = reportSections.get();
    return report(CompletableFuture.supplyAsync(() -> {
      checkFile(file);
      HtmlReport.Builder report = HtmlReport.builder("Resilience Playground run");
      sections.forEach(report::section);
      report.counters(counters);
      images.forEach((name, image) -> report.chart(name, ChartImages.png(image)));
      try {
        return Files.writeString(file, report.build().render(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, background), path -> "Saved the report to " + path.getFileName());
  }

  /** An export to a path that cannot be written fails before any work, saying why (off the FX thread: it probes). */
  private static void checkFile(Path file) {
    String problem = OutputPaths.fileProblem(file);
    if (problem != null) throw new IllegalArgumentException(file.getFileName() + ": " + problem);
  }

  private static void checkDirectory(Path dir) {
    String problem = OutputPaths.directoryProblem(dir);
    if (problem != null) throw new IllegalArgumentException(dir.getFileName() + ": " + problem);
  }

  private Map<String, WritableImage> snapshots() {
    Map<String, WritableImage> images = new LinkedHashMap<>();
    chartsController.redrawAll(); // the pictures show the latest data, not the last throttled frame
    for (Map.Entry<String, Node> e : chartsController.chartNodes().entrySet()) {
      images.put(e.getKey(), ChartImages.snapshot(e.getValue()));
    }
    return images;
  }

  private <T> CompletableFuture<T> report(CompletableFuture<T> work, java.util.function.Function<T, String> done) {
    return work.whenComplete((v, error) -> Platform.runLater(() -> statusController.showMessage(
        error == null ? done.apply(v) : "Export failed: " + reason(error))));
  }

  private void applyTheme(Theme theme) {
    windowRoot.getStylesheets().removeIf(s -> s.endsWith("/styles/dark.css"));
    if (theme.overlay() != null) windowRoot.getStylesheets().add(resource(theme.overlay()));
    themeToggle.setSelected(theme == Theme.DARK);
    chartsController.setPalette(theme == Theme.DARK ? ChartPalette.DARK : ChartPalette.LIGHT);
  }

  private static String resource(String path) {
    return java.util.Objects.requireNonNull(MainController.class.getResource(path), path).toExternalForm();
  }

  private static String reason(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
