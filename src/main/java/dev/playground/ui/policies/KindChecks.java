package dev.playground.ui.policies;

import dev.playground.llm.FailureKind;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * A check box per failure kind of a {@link KindSet}, wrapping to the panel's width; each says what the kind is
 * and what checking it does. Built in code so that FXML can use it four times. FX thread.
 */
public final class KindChecks extends FlowPane {
  private final List<Runnable> unbind = new ArrayList<>();

  public KindChecks() {
    getStyleClass().add("kind-checks");
    setHgap(10);
    setVgap(4);
  }

  /** Shows {@code set}'s kinds, bound both ways; {@code effect} ends each tooltip ("Checked: retried."). */
  public void bind(KindSet set, String effect) {
    unbind.forEach(Runnable::run);
    unbind.clear();
    getChildren().clear();
    for (FailureKind k : set.kinds()) {
      CheckBox box = new CheckBox(k.wireName());
      box.setMnemonicParsing(false); // the names have underscores
      box.setId(getId() == null ? null : getId() + "-" + k.wireName());
      box.setTooltip(new Tooltip(KindHelp.of(k) + ". " + effect));
      box.selectedProperty().bindBidirectional(set.property(k));
      unbind.add(() -> box.selectedProperty().unbindBidirectional(set.property(k)));
      getChildren().add(box);
    }
  }
}
