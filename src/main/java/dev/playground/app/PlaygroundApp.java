package dev.playground.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. Runs on the FX thread. */
public final class PlaygroundApp extends Application {
  public static final String TITLE = "Resilience Playground";

  static void launchWindow(String[] args) {
    Application.launch(PlaygroundApp.class, args);
  }

  @Override
  public void start(Stage stage) {
    stage.setTitle(TITLE);
    stage.setScene(new Scene(new StackPane(new Label(TITLE)), 1280, 800));
    stage.show();
  }
}
