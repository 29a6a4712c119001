package dev.playground.ui.faults;

import dev.playground.ui.Invalid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.Property;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Edits a {@link LatencyDraft}: its shape, then only that shape's fields (fixed ms; uniform min and max ms;
 * log-normal median ms and sigma). Wraps when the panel is narrow. Built in code so that FXML can use it
 * twice. FX thread.
 */
public final class LatencyFields extends FlowPane {
  static final PseudoClass INVALID = Invalid.PSEUDO_CLASS;

  private final ComboBox<LatencyDraft.Shape> shape = new ComboBox<>();
  private final TextField fixedMs = field("ms", "The delay in milliseconds (0 to 600000).");
  private final TextField minMs = field("min ms", "The shortest delay in milliseconds; every delay from min to max is as likely.");
  private final TextField maxMs = field("max ms", "The longest delay in milliseconds (≥ min).");
  private final TextField medianMs = field("median ms", "Half the delays are shorter than this; a long tail above it.");
  private final TextField sigma = field("σ", "The spread of the log-normal (0 to 3): 0.4 is a mild tail, 1 a long one.");
  private final Map<String, TextField> byPath = Map.of(
      "fixed_ms", fixedMs, "uniform.min_ms", minMs, "uniform.max_ms", maxMs,
      "lognormal.median_ms", medianMs, "lognormal.sigma", sigma);
  private final HBox fixedGroup = group(fixedMs, unit("ms"));
  private final HBox uniformGroup = group(minMs, unit("–"), maxMs, unit("ms"));
  private final HBox lognormalGroup = group(medianMs, unit("ms  σ"), sigma);
  private final List<Runnable> unbind = new ArrayList<>();

  public LatencyFields() {
    getStyleClass().add("latency-fields");
    setHgap(4);
    setVgap(4);
    shape.getItems().setAll(LatencyDraft.Shape.values());
    shape.setPrefWidth(108);
    shape.setTooltip(new Tooltip("How long to wait: none, a fixed delay, uniform between two bounds, or log-normal "
        + "around a median (a long tail, as real latencies have)."));
    shape.getStyleClass().add("latency-shape");
    // a shape's fields wrap to the next line together when the panel is narrow
    getChildren().addAll(shape, fixedGroup, uniformGroup, lognormalGroup);
    shape.valueProperty().addListener((o, a, b) -> showFields(b));
    showFields(LatencyDraft.Shape.NONE);
  }

  /** The shape picker, for a tooltip that says what this latency is for. */
  public ComboBox<LatencyDraft.Shape> shapePicker() {
    return shape;
  }

  /** Edits {@code draft} from now on (null: nothing). */
  public void bind(LatencyDraft draft) {
    unbind.forEach(Runnable::run);
    unbind.clear();
    if (draft == null) return;
    link(shape.valueProperty(), draft.shapeProperty());
    link(fixedMs.textProperty(), draft.fixedMsProperty());
    link(minMs.textProperty(), draft.minMsProperty());
    link(maxMs.textProperty(), draft.maxMsProperty());
    link(medianMs.textProperty(), draft.medianMsProperty());
    link(sigma.textProperty(), draft.sigmaProperty());
  }

  private <T> void link(Property<T> control, Property<T> model) {
    control.setValue(model.getValue());
    control.bindBidirectional(model);
    unbind.add(() -> control.unbindBidirectional(model));
  }

  /** Marks the field {@code path} names ({@code uniform.max_ms}); null or "" marks none. */
  public void mark(String path) {
    byPath.forEach((p, f) -> f.pseudoClassStateChanged(INVALID, p.equals(path)));
  }

  private void showFields(LatencyDraft.Shape s) {
    LatencyDraft.Shape v = s == null ? LatencyDraft.Shape.NONE : s;
    show(fixedGroup, v == LatencyDraft.Shape.FIXED);
    show(uniformGroup, v == LatencyDraft.Shape.UNIFORM);
    show(lognormalGroup, v == LatencyDraft.Shape.LOGNORMAL);
  }

  private static HBox group(Node... nodes) {
    HBox box = new HBox(4, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static Label unit(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("hint");
    return l;
  }

  private static void show(Node f, boolean on) {
    f.setVisible(on);
    f.setManaged(on);
  }

  private static TextField field(String prompt, String tip) {
    TextField f = new TextField();
    f.setPromptText(prompt);
    f.setPrefColumnCount(4);
    f.setTooltip(new Tooltip(tip));
    f.getStyleClass().add("latency-field");
    return f;
  }
}
