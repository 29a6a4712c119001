package dev.playground.ui.policies;

import dev.playground.events.BreakerState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws one {@link BreakerRow}: a state badge and its name, what happens next, and the three buttons. FX thread. */
final class BreakerRowView {
  private BreakerRowView() {}

  static Node of(BreakerRow row) {
    Label badge = new Label();
    badge.getStyleClass().add("breaker-badge");
    Label name = new Label(row.name());
    name.getStyleClass().add("breaker-name");
    name.setMinWidth(Region.USE_PREF_SIZE);
    Label detail = new Label();
    detail.getStyleClass().add("hint");
    detail.setWrapText(true);
    detail.textProperty().bind(row.detailProperty());
    Button open = button("Open", "Open it now: calls are refused unsent until it half-opens after its delay.", row::open);
    Button close = button("Close", "Close it now: calls go through again; its counts start afresh.", row::close);
    Button half = button("Half-open", "Half-open it now: the next calls are trials that close or reopen it.",
        row::halfOpen);
    Runnable show = () -> {
      BreakerState s = row.stateProperty().get();
      badge.setText(s.label());
      badge.getStyleClass().removeIf(c -> c.startsWith("breaker-state-"));
      badge.getStyleClass().add("breaker-state-" + s.label());
      open.setDisable(s == BreakerState.OPEN);
      close.setDisable(s == BreakerState.CLOSED);
      half.setDisable(s == BreakerState.HALF_OPEN);
    };
    row.stateProperty().addListener((o, a, b) -> show.run());
    show.run();
    HBox head = new HBox(6, badge, name);
    head.getStyleClass().add("form-row");
    HBox buttons = new HBox(4, open, close, half);
    VBox box = new VBox(3, head, detail, buttons);
    box.getStyleClass().add("breaker-row");
    HBox.setHgrow(box, Priority.ALWAYS);
    return box;
  }

  private static Button button(String text, String tip, Runnable action) {
    Button b = new Button(text);
    b.setTooltip(new Tooltip(tip));
    b.setOnAction(e -> action.run());
    return b;
  }

}
