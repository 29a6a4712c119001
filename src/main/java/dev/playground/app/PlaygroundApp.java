package dev.playground.app;

import dev.playground.ui.main.PlaygroundWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: the wired window, opened on the default preset (or the one given with
 * {@code --preset=NAME}), running on the built-in simulated provider. Runs on the FX thread.
 */
public final class PlaygroundApp extends Application {
  public static final String TITLE = PlaygroundWindow.TITLE;

  private Wiring wiring;
  private Path logDir;

  static void launchWindow(String[] args) {
    Application.launch(PlaygroundApp.class, args);
  }

  @Override
  public void start(Stage stage) throws IOException {
    AppOptions options = AppOptions.parse(getParameters().getRaw());
    logDir = Files.createTempDirectory("resilience-playground-runs-");
    wiring = Wiring.create(options, System::getenv, logDir);
    show(stage, wiring);
    wiring.afterFirstFrame();
  }

  /** Puts the wired window on the stage at 1280×800 and shows it. */
  static void show(Stage stage, Wiring wiring) {
    stage.setTitle(TITLE);
    stage.setScene(wiring.createScene(1280, 800));
    stage.setMinWidth(1024);
    stage.setMinHeight(700);
    stage.show();
  }

  @Override
  public void stop() {
    if (wiring != null) wiring.close();
    deleteLogs();
  }

  /** Each run's log lives in a temporary folder for this session of the app; Export keeps what you want. */
  private void deleteLogs() {
    if (logDir == null) return;
    try (Stream<Path> files = Files.walk(logDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder the system cleans up anyway
    }
  }
}
