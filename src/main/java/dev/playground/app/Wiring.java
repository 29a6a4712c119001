package dev.playground.app;

import dev.playground.cli.WindowOptions;
import dev.playground.common.DaemonThreads;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import dev.playground.session.ProviderChoice;
import dev.playground.session.Session;
import dev.playground.session.SessionSettings;
import dev.playground.ui.Fxml;
import dev.playground.ui.lesson.LessonController;
import dev.playground.ui.lesson.LessonViewModel;
import dev.playground.ui.main.PlaygroundWindow;
import dev.playground.ui.main.Theme;
import dev.playground.ui.session.ClockController;
import dev.playground.ui.session.PresetPickerController;
import dev.playground.ui.session.ProviderController;
import dev.playground.ui.session.SessionViewModel;
import dev.playground.ui.session.StoryBarController;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;

/**
 * The window wired to the engine: the {@link Session} behind Send and the load (prompts sent before its first
 * run opens wait for it), its events into the window's batcher, the top bar's preset, provider and clock
 * controls, the Lesson tab, export and replay. Builds on the FX thread; the session's first run starts after
 * the window's first frame ({@link #afterFirstFrame}). Not thread-safe: FX thread.
 */
final class Wiring implements AutoCloseable {
  private final WindowOptions options;
  private final Session session;
  private final SessionViewModel sessionModel;
  private final PlaygroundWindow window;
  private final LessonViewModel lesson = new LessonViewModel();
  private final Panels panels;
  private Scene scene;

  private Wiring(WindowOptions options, CompletableFuture<SessionSettings> settings, Function<String, String> env,
      Path logDir) {
    this.options = options;
    PlaygroundWindow[] built = new PlaygroundWindow[1]; // the session's events go to the window made next
    this.session = new Session(e -> built[0].events().accept(e), null, env, logDir);
    this.window = PlaygroundWindow.create(session); // the presets are read meanwhile, on another thread
    built[0] = window;
    session.initialize(settings.join());
    this.sessionModel = new SessionViewModel(session, Platform::runLater, env);
    session.setListener(sessionModel.listener());
    wireTopBar();
    wireWindow();
    this.panels = new Panels(session, sessionModel, window);
  }

  /** Builds the wired window for the options' preset, on the simulated provider. FX thread. */
  static Wiring create(WindowOptions options, Function<String, String> env, Path logDir) {
    var settings = new CompletableFuture<SessionSettings>();
    DaemonThreads.start("presets", () -> {
      try {
        Scenario preset = Presets.get(options.preset()); // Jackson and 15 files: read while the FX thread builds
        settings.complete(new SessionSettings(preset, options.clock(), options.speed(), ProviderChoice.simulated()));
      } catch (RuntimeException e) {
        settings.completeExceptionally(e);
      }
    });
    return new Wiring(options, settings, env, logDir);
  }

  /** Builds the wired window for any scenario (the options' preset is not used). FX thread. */
  static Wiring create(WindowOptions options, SessionSettings settings, Function<String, String> env, Path logDir) {
    return new Wiring(Objects.requireNonNull(options, "options"), CompletableFuture.completedFuture(settings), env,
        logDir);
  }

  PlaygroundWindow window() {
    return window;
  }

  Session session() {
    return session;
  }

  SessionViewModel sessionModel() {
    return sessionModel;
  }

  Panels panels() {
    return panels;
  }

  LessonViewModel lesson() {
    return lesson;
  }

  Scene createScene(double width, double height) {
    scene = window.createScene(width, height);
    return scene;
  }

  /**
   * What waits until the first frame is out: the presets' list, the first run (servers on loopback), the SDK's
   * class loading. Call once the scene is showing.
   */
  void afterFirstFrame() {
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      scene.removePostLayoutPulseListener(once[0]);
      Platform.runLater(this::startSession);
    };
    scene.addPostLayoutPulseListener(once[0]);
    Platform.requestNextPulse();
  }

  private void startSession() {
    sessionModel.setPresets(Presets.all());
    if (options.open() != null) window.openRunLog(options.open()); // a saved run instead of a live one
    else if (options.startLoad()) window.promptModel().startScenarioLoad(); // opens the run and sends its load
    else sessionModel.start();
    for (String tab : options.tabs()) window.selectTab(tab + "Tab");
    SdkWarmUp.start();
  }

  private void wireTopBar() {
    window.setPresetControl(Fxml.load("/dev/playground/ui/session/PresetPicker.fxml", new PresetPickerController(sessionModel)));
    window.setProviderControl(Fxml.load("/dev/playground/ui/session/ProviderControl.fxml", new ProviderController(sessionModel)));
    window.setClockControl(Fxml.load("/dev/playground/ui/session/ClockControl.fxml", new ClockController(sessionModel)));
    window.setStoryBar(Fxml.load("/dev/playground/ui/session/StoryBar.fxml", new StoryBarController(sessionModel)));
  }

  private void wireWindow() {
    if (options.dark()) window.setTheme(Theme.DARK);
    window.setRunLogExport(session.exports());
    window.setLazyView("lessonTab", () -> Fxml.load("/dev/playground/ui/lesson/LessonView.fxml", new LessonController(lesson)));
    var status = window.statusModel();
    var prompt = window.promptModel();
    status.setOnBackToLive(sessionModel::backToLive);
    prompt.scenarioLoadProperty().bind(sessionModel.scenarioLoadProperty());
    sessionModel.replayProperty().addListener((o, a, r) -> {
      status.setReplay(r == null ? null : r.name());
      prompt.replayingProperty().set(r != null);
    });
    sessionModel.runProperty().addListener((o, a, run) -> window.setRunClock(run == null ? null : run.clockMillis()));
    sessionModel.breakerDelays().addListener((MapChangeListener<String, Duration>) c -> {
      if (c.wasAdded()) window.setBreakerDelay(c.getKey(), c.getValueAdded());
    });
    sessionModel.noticeProperty().addListener((o, a, n) -> {
      if (n != null) window.notify(n.message());
    });
    sessionModel.scenarioProperty().addListener((o, a, s) -> {
      if (s != null) lesson.show(s, sessionModel.policiesProperty().get());
    });
    sessionModel.policiesProperty().addListener((o, a, p) -> {
      if (p != null && sessionModel.scenarioProperty().get() != null) lesson.showPolicies(p);
    });
  }

  /** Ends the run (run_finished), stops its providers and the window's threads. */
  @Override
  public void close() {
    session.close();
    panels.close();
    window.close();
  }
}
