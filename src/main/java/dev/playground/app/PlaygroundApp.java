package dev.playground.app;

import dev.playground.cli.WindowOptions;
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
 * The JavaFX application: the wired window, opened on the default preset (or the one {@code gui --preset}
 * names), running on the built-in simulated provider. Runs on the FX thread.
 */
public final class PlaygroundApp extends Application {
  public static final String TITLE = PlaygroundWindow.TITLE;


  /** What the next window opens with: JavaFX passes only strings to an {@code Application}, so it waits here. */
  private static volatile WindowOptions starting = WindowOptions.defaults();

  /** Opens the window with {@code options}; returns when it closes. */
  static void launchWindow(WindowOptions options) {
    starting = options;
    Application.launch(PlaygroundApp.class);
  }

  @Override
  public void start(Stage stage) throws IOException {
    opened = open(stage, starting);
  }

  private AutoCloseable opened;

  /**
   * Opens the wired window on {@code stage} as {@code java -jar … gui} does, with its options; closing the
   * result ends the run and deletes the run logs. FX thread. Public for the cold-start benchmark, which must
   * time exactly this.
   */
  public static AutoCloseable open(Stage stage, WindowOptions options) throws IOException {
    Path logDir = Files.createTempDirectory("resilience-playground-runs-");
    Wiring wiring = Wiring.create(options, System::getenv, logDir);
    show(stage, wiring);
    wiring.afterFirstFrame();
    return () -> {
      wiring.close();
      deleteLogs(logDir);
    };
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
  public void stop() throws Exception {
    if (opened != null) opened.close();
  }

  /** Each run's log lives in a temporary folder for this session of the app; Export keeps what you want. */
  private static void deleteLogs(Path logDir) {
    try (Stream<Path> files = Files.walk(logDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder the system cleans up anyway
    }
  }
}
