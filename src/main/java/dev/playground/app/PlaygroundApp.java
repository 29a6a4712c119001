package dev.playground.app;

import dev.playground.ui.PlaygroundActions;
import dev.playground.ui.main.PlaygroundWindow;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. Runs on the FX thread. */
public final class PlaygroundApp extends Application {
  public static final String TITLE = PlaygroundWindow.TITLE;

  private PlaygroundWindow window;

  static void launchWindow(String[] args) {
    Application.launch(PlaygroundApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    // The engine is wired in by the integrator; until then Send and the load say that no engine is connected.
    window = PlaygroundWindow.create(PlaygroundActions.unavailable());
    stage.setTitle(TITLE);
    stage.setScene(window.createScene(1280, 800));
    stage.setMinWidth(1024);
    stage.setMinHeight(700);
    stage.show();
  }

  @Override
  public void stop() {
    if (window != null) window.close();
  }
}
