package dev.playground.ui.status;

import dev.playground.events.BreakerState;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** Binds the status bar (breaker lamps, counters, a status message) to a {@link StatusViewModel}. FX thread. */
public final class StatusBarController {
  @FXML private HBox lampBox;
  @FXML private Label countersLabel;
  @FXML private Label statusMessage;
  @FXML private HBox replayBox;
  @FXML private Label replayBadge;
  @FXML private Button backToLiveButton;

  private final StatusViewModel model;

  public StatusBarController(StatusViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    countersLabel.textProperty().bind(model.countersProperty());
    statusMessage.textProperty().bind(model.messageProperty());
    model.lamps().addListener((ListChangeListener<StatusViewModel.Lamp>) c -> rebuildLamps());
    rebuildLamps();
    replayBox.visibleProperty().bind(model.replayProperty().isNotNull());
    replayBox.managedProperty().bind(replayBox.visibleProperty());
    replayBadge.textProperty().bind(Bindings.createStringBinding(
        () -> model.replayProperty().get() == null ? "" : "replayed: " + model.replayProperty().get(),
        model.replayProperty()));
  }

  @FXML
  private void backToLive() {
    model.backToLive();
  }

  private void rebuildLamps() {
    lampBox.getChildren().clear();
    if (model.lamps().isEmpty()) {
      Label none = new Label("none yet");
      none.getStyleClass().add("hint");
      lampBox.getChildren().add(none);
      return;
    }
    for (StatusViewModel.Lamp lamp : model.lamps()) {
      Circle dot = new Circle(5);
      dot.getStyleClass().add("lamp");
      Label label = new Label(lamp.breaker(), dot);
      label.getStyleClass().add("lamp-label");
      label.setId("lamp-" + lamp.breaker().replaceAll("[^A-Za-z0-9_-]", "_"));
      Tooltip tip = new Tooltip();
      label.setTooltip(tip);
      Runnable show = () -> {
        BreakerState s = lamp.stateProperty().get();
        dot.getStyleClass().removeIf(c -> c.startsWith("lamp-"));
        dot.getStyleClass().add("lamp-" + s.label());
        tip.setText("Breaker " + lamp.breaker() + " is " + s.label()
            + ": green closed (calls go through), amber half-open (trial calls), red open (calls refused).");
      };
      lamp.stateProperty().addListener((o, a, b) -> show.run());
      show.run();
      lampBox.getChildren().add(label);
    }
  }
}
