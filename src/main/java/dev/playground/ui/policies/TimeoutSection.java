package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Policies panel's per-attempt timeout. FX thread. */
final class TimeoutSection {
  @FXML private CheckBox timeoutOnCheck;
  @FXML private VBox timeoutBox;
  @FXML private TextField perAttemptField;
  @FXML private Label timeoutProblemLabel;

  private final TimeoutForm form;
  private final FormBinder bind;

  TimeoutSection(TimeoutForm form, FormBinder bind) {
    this.form = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(timeoutOnCheck, timeoutBox, form.onProperty(), "timeout.", timeoutProblemLabel);
    bind.text(perAttemptField, form.perAttemptMsProperty(), TimeoutForm.PER_ATTEMPT);
  }
}
