package dev.playground.bench;

import dev.playground.events.RunEvent;
import dev.playground.session.PlaygroundActions;
import dev.playground.ui.ScriptedRun;
import dev.playground.ui.main.PlaygroundWindow;
import dev.playground.ui.main.Theme;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * A developer aid, not a test: opens the real window and feeds it a scripted 429 storm, so the charts can be
 * looked at (and screenshotted) before the engine exists. {@code -Dbench=UiDemo -Dbench.args="dark"}.
 */
public final class UiDemo {
  private UiDemo() {}

  public static void main(String[] args) {
    boolean dark = args.length > 0 && args[0].equals("dark");
    List<RunEvent> events = ScriptedRun.stormRun(42, 70, 350, 12_000);
    Platform.startup(() -> {
      PlaygroundWindow window = PlaygroundWindow.create(PlaygroundActions.unavailable());
      window.setBreakerDelay(ScriptedRun.PRIMARY, Duration.ofMillis(ScriptedRun.BREAKER_DELAY_MS));
      if (dark) window.setTheme(Theme.DARK);
      Stage stage = new Stage();
      stage.setTitle(PlaygroundWindow.TITLE);
      stage.setScene(window.createScene(1280, 800));
      stage.show();
      events.forEach(window.events());
      // show one stormed request in the drill-down, as a person would by filtering and clicking
      var pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(800));
      pause.setOnFinished(e -> {
        ((TextField) stage.getScene().lookup("#requestFilter")).setText("#35");
        var table = (TableView<?>) stage.getScene().lookup("#eventTable");
        table.getSelectionModel().select(table.getItems().size() - 1);
      });
      pause.play();
    });
  }
}
