package dev.playground.ui.session;

import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import java.util.Locale;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.util.Duration;

/** Binds the Live / Fast-forward switch and the speed to the session model. FX thread. */
public final class ClockController {
  @FXML private ToggleButton liveToggle;
  @FXML private ToggleButton fastForwardToggle;
  @FXML private ChoiceBox<Speed> speedBox;
  @FXML private Label scenarioTime;
  /** Reads the run clock five times a second: the readout, the story's "now" and the countdowns follow it. */
  private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(200), e -> tick()));

  private final SessionViewModel model;

  public ClockController(SessionViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    speedBox.getItems().setAll(Speed.values());
    speedBox.valueProperty().bindBidirectional(model.speedProperty());
    speedBox.disableProperty().bind(fastForwardToggle.selectedProperty().not());
    model.clockProperty().addListener((o, a, b) -> sync());
    sync();
    model.scenarioNowMsProperty().addListener((o, a, now) -> scenarioTime.setText(readout(now.longValue())));
    scenarioTime.setText(readout(model.scenarioNowMsProperty().get()));
    ticker.setCycleCount(Animation.INDEFINITE);
    scenarioTime.sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) ticker.play();
      else ticker.stop();
    });
  }

  private void tick() {
    model.tick();
  }

  /** "scenario 23.4 s", or "replay" when there is no run clock. */
  static String readout(long ms) {
    return ms < 0 ? "no run clock" : String.format(Locale.ROOT, "scenario %.1f s", ms / 1000.0);
  }

  @FXML
  private void live() {
    model.setClock(ClockMode.LIVE);
    sync();
  }

  @FXML
  private void fastForward() {
    model.setClock(ClockMode.FAST_FORWARD);
    sync(); // refused (a real endpoint): the switch goes back
  }

  private void sync() {
    liveToggle.setSelected(model.clockProperty().get() == ClockMode.LIVE);
    fastForwardToggle.setSelected(model.clockProperty().get() == ClockMode.FAST_FORWARD);
  }
}
