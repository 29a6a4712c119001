package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Policies panel's bulkhead: calls in flight at once per model, and how long one waits for a slot. FX thread. */
final class BulkheadSection {
  @FXML private CheckBox bulkheadOnCheck;
  @FXML private VBox bulkheadBox;
  @FXML private TextField maxConcurrentField;
  @FXML private TextField bulkheadWaitField;
  @FXML private Label bulkheadProblemLabel;

  private final BulkheadForm form;
  private final FormBinder bind;

  BulkheadSection(BulkheadForm form, FormBinder bind) {
    this.form = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(bulkheadOnCheck, bulkheadBox, form.onProperty(), "bulkhead.", bulkheadProblemLabel);
    bind.text(maxConcurrentField, form.maxConcurrentProperty(), BulkheadForm.MAX_CONCURRENT);
    bind.text(bulkheadWaitField, form.maxWaitMsProperty(), BulkheadForm.MAX_WAIT);
  }
}
