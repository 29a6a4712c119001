package dev.playground.ui.main;

import dev.playground.common.DaemonThreads;
import dev.playground.events.RunEvent;
import dev.playground.session.PlaygroundActions;
import dev.playground.session.RunLogExport;
import dev.playground.ui.FxBatcher;
import dev.playground.ui.Fxml;
import dev.playground.ui.PulseExecutor;
import dev.playground.ui.charts.ChartsController;
import dev.playground.ui.charts.ChartsModel;
import dev.playground.ui.export.ExportViewModel;
import dev.playground.ui.log.EventLogViewModel;
import dev.playground.ui.prompt.PromptController;
import dev.playground.ui.prompt.PromptViewModel;
import dev.playground.ui.status.StatusBarController;
import dev.playground.ui.status.StatusViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

/**
 * The playground window's content, what the integrator wires: the actions behind Send and the load, the run
 * events ({@link #events()}, from any thread, through the one batcher), and the panels that arrive in phase two.
 * Create and use on the FX thread, except {@link #events()}, which is thread-safe.
 *
 * <pre>{@code
 * PlaygroundWindow window = PlaygroundWindow.create(actions);
 * stage.setScene(window.createScene(1280, 800));
 * bus.subscribe(window.events());               // engine threads → batcher → one drain per pulse
 * window.setFaultsPanel(faultsView);            // phase two
 * }</pre>
 */
public final class PlaygroundWindow {
  public static final String TITLE = "Resilience Playground";

  private final Parent root;
  private final MainController main;
  private final ChartsModel charts;
  private final FxBatcher<RunEvent> batcher;
  private final PromptViewModel prompt;
  private final StatusViewModel status;
  /** The main view's nodes by fx:id (lookup cannot see into controls whose skins are not built yet). */
  private final Map<String, Object> ids;
  private final ExecutorService files;
  private final ExportViewModel exports;
  private final List<Consumer<List<RunEvent>>> followers = new ArrayList<>();
  private volatile Executor drainOn = Platform::runLater; // until a scene gives us its pulses

  private PlaygroundWindow(PlaygroundActions actions) {
    this.charts = new ChartsModel();
    this.files = DaemonThreads.single("playground-export");
    MainViewModel mainModel = new MainViewModel();
    this.status = new StatusViewModel();
    status.setCountdowns(charts.breakers()::countdown); // one countdown: the chart's
    this.exports = new ExportViewModel(files, Platform::runLater, status::showMessage);
    EventLogViewModel log = new EventLogViewModel();
    // one pick for the whole window: a lane of the timeline, a row of the log
    log.selectedRequestProperty().bindBidirectional(charts.selectedRequestProperty());
    this.prompt = new PromptViewModel(actions, Platform::runLater);
    this.main = new MainController(mainModel, status, log, actions, exports);
    Fxml.Loaded view = Fxml.loaded("/dev/playground/ui/main/MainView.fxml", main,
        new PromptController(prompt), new ChartsController(charts), new StatusBarController(status));
    this.root = view.root();
    this.ids = view.ids();
    this.batcher = new FxBatcher<>(task -> drainOn.execute(task), this::drain);
  }

  private void drain(List<RunEvent> batch) {
    main.apply(batch);
    for (Consumer<List<RunEvent>> follower : followers) follower.accept(batch);
  }

  /** Builds the window's content. FX thread. */
  public static PlaygroundWindow create(PlaygroundActions actions) {
    return new PlaygroundWindow(Objects.requireNonNull(actions, "actions"));
  }

  public Parent root() {
    return root;
  }

  /**
   * A scene of the given size holding the window; batches are drained once per pulse of this scene. The event
   * log and the charts are built right after the scene's first frame (their models take events before that).
   */
  public Scene createScene(double width, double height) {
    Scene scene = new Scene(root, width, height);
    drainOn = new PulseExecutor(scene);
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      ChartClasses.preload(); // not before: on 2 cores it would slow the first frame it is meant to follow
      Platform.runLater(main::buildEventLog); // after this pulse: the first frame goes out first
      Platform.runLater(main.charts()::buildCharts);
    };
    scene.addPostLayoutPulseListener(once[0]);
    return scene;
  }

  /** Where run events go, from any thread; they reach the charts, log and status bar at most once a frame. */
  public Consumer<RunEvent> events() {
    return batcher::submit;
  }

  /** Also gives every batch of events to {@code follower}, on the FX thread, once a frame. FX thread. */
  public void follow(Consumer<List<RunEvent>> follower) {
    followers.add(Objects.requireNonNull(follower, "follower"));
  }

  /** The open run's clock (scenario ms) for the countdowns; null during a replay. FX thread. */
  public void setRunClock(LongSupplier runClock) {
    charts.setClock(runClock);
  }

  /** The breaker's OPEN delay from its policy, for the countdown to half-open; null forgets it. FX thread. */
  public void setBreakerDelay(String breaker, Duration delay) {
    charts.setBreakerDelay(breaker, delay);
  }

  /** The theme shown; views with charts of their own follow it. */
  public ReadOnlyObjectProperty<Theme> themeProperty() {
    return main.model().themeProperty();
  }

  public void setTheme(Theme theme) {
    mainModelOf().setTheme(theme);
  }

  /** Writes the chart PNGs into {@code dir} (created if missing); completes off the FX thread. FX thread. */
  public CompletableFuture<List<Path>> exportChartPngs(Path dir) {
    return main.exportPngs(dir);
  }

  /** Writes the one-file HTML report; completes off the FX thread. FX thread. */
  public CompletableFuture<Path> exportHtmlReport(Path file) {
    return main.exportHtml(file);
  }

  /** Shows a short notice over the window, as when a breaker opens. */
  public void notify(String message) {
    main.showToast(message);
  }

  public void setPresetControl(Node control) { replaceSlot("#presetSlot", control); }

  public void setProviderControl(Node control) { replaceSlot("#providerSlot", control); }

  public void setClockControl(Node control) { replaceSlot("#clockSlot", control); }

  /** The story strip under the top bar (the preset's timed faults and where the run is). */
  public void setStoryBar(Node bar) {
    HBox.setHgrow(bar, Priority.ALWAYS);
    replaceSlot("#storySlot", bar);
  }

  public void setFaultsPanel(Node panel) { tabOfId("faultsTab").setContent(panel); }

  public void setPoliciesPanel(Node panel) { tabOfId("policiesTab").setContent(panel); }

  public void setLessonPanel(Node panel) { tabOfId("lessonTab").setContent(panel); }

  /**
   * Puts a view into a tab of the side panel ({@code faultsTab}, {@code policiesTab}, {@code lessonTab}) or of
   * the centre ({@code previewTab}, {@code compareTab}, {@code labTab}), built the first time its tab is selected
   * (or at once if it is selected now), so hidden views cost nothing before then. FX thread.
   */
  public void setLazyView(String tabId, Supplier<? extends Node> view) {
    Tab tab = tabOfId(tabId);
    Runnable build = () -> tab.setContent(view.get());
    if (tab.isSelected()) {
      build.run();
      return;
    }
    ChangeListener<Boolean>[] once = new ChangeListener[1];
    once[0] = (o, was, selected) -> {
      if (!selected) return;
      tab.selectedProperty().removeListener(once[0]);
      build.run();
    };
    tab.selectedProperty().addListener(once[0]);
  }

  /** Builds a lazy view now if it has not been built (for tests, and to warm it up). FX thread. */
  public void selectTab(String tabId) {
    Tab tab = tabOfId(tabId);
    tab.getTabPane().getSelectionModel().select(tab);
  }

  /** The prompt panel's model: the app tells it about replays and the scenario's load. */
  public PromptViewModel promptModel() {
    return prompt;
  }

  /** The status bar's model: the app sets the replay badge and what "Back to live" does. */
  public StatusViewModel statusModel() {
    return status;
  }

  /** What the Export menu writes: the run log, the CSV, the charts and the report. */
  public void setRunLogExport(RunLogExport export) {
    exports.setExport(export);
  }

  /** Replays a saved run log into the window, as Open run… does. FX thread. */
  public CompletableFuture<List<String>> openRunLog(Path file) {
    return main.openRun(file);
  }

  /** Writes the run log shown, as Export → Run log does. FX thread. */
  public CompletableFuture<Path> exportRunLog(Path file) {
    return exports.runLog(file);
  }

  /** Writes the CSV files, as Export → CSV does. FX thread. */
  public CompletableFuture<List<Path>> exportCsv(Path dir) {
    return exports.csv(dir);
  }

  /** The Export menu's item with this fx:id (exportJsonlItem, exportCsvItem, exportPngItem, exportHtmlItem). */
  public MenuItem exportItem(String fxId) {
    var menu = (MenuButton) ids.get("exportMenu");
    return menu.getItems().stream().filter(i -> fxId.equals(i.getId())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no export item with fx:id " + fxId));
  }

  /** Stops the export thread; call when the window closes. */
  public void close() {
    files.shutdown();
  }

  /** The charts' view models: read them on the FX thread (tests compare their contents, exports read them). */
  public ChartsModel chartsModel() {
    return charts;
  }

  private MainViewModel mainModelOf() {
    return main.model();
  }

  private void replaceSlot(String id, Node control) {
    ((Pane) ids.get(id.substring(1))).getChildren().setAll(control);
  }

  private Tab tabOfId(String id) {
    if (ids.get(id) instanceof Tab t) return t;
    throw new IllegalArgumentException("no tab with fx:id " + id);
  }
}
