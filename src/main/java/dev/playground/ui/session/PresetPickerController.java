package dev.playground.ui.session;

import dev.playground.scenario.Scenario;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;

/** Binds the preset picker (every preset, its title shown, its summary as tooltip) to the session model. FX thread. */
public final class PresetPickerController {
  @FXML private ComboBox<Scenario> presetPicker;
  @FXML private Tooltip presetTooltip;

  private final SessionViewModel model;
  private boolean syncing;

  public PresetPickerController(SessionViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    presetPicker.setItems(model.presets());
    presetPicker.setCellFactory(list -> new PresetCell());
    presetPicker.setButtonCell(new PresetCell());
    show(model.presetProperty().get());
    model.presetProperty().addListener((o, a, p) -> show(p));
    model.presets().addListener((ListChangeListener<Scenario>) c -> show(model.presetProperty().get()));
    presetPicker.valueProperty().addListener((o, a, p) -> {
      if (!syncing && p != null && (a == null || !p.name().equals(a.name()))) model.pick(p);
    });
  }

  /** Selects the list's preset of that name (the model's may carry the user's changes). */
  private void show(Scenario p) {
    syncing = true;
    try {
      Scenario listed = p == null ? null
          : model.presets().stream().filter(s -> s.name().equals(p.name())).findFirst().orElse(null);
      presetPicker.setValue(listed);
      if (listed == null && p != null) presetPicker.setPromptText(p.title());
      presetTooltip.setText(p == null ? "Pick a lesson pattern: its policies and faults load into a fresh run."
          : p.title() + ": " + p.summary() + "\nPick another lesson pattern: its policies and faults load into a fresh run.");
    } finally {
      syncing = false;
    }
  }

  /** A preset by its title, with its summary as tooltip. */
  private static final class PresetCell extends ListCell<Scenario> {
    @Override
    protected void updateItem(Scenario s, boolean empty) {
      super.updateItem(s, empty);
      if (empty || s == null) {
        setText(null);
        setTooltip(null);
        return;
      }
      setText(s.title());
      Tooltip tip = new Tooltip(s.summary().isBlank() ? s.name() : s.summary());
      tip.setWrapText(true);
      tip.setMaxWidth(380);
      setTooltip(tip);
    }
  }
}
