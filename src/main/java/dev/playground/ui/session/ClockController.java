package dev.playground.ui.session;

import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ToggleButton;

/** Binds the Live / Fast-forward switch and the speed to the session model. FX thread. */
public final class ClockController {
  @FXML private ToggleButton liveToggle;
  @FXML private ToggleButton fastForwardToggle;
  @FXML private ChoiceBox<Speed> speedBox;

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
