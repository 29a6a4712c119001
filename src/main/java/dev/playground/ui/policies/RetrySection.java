package dev.playground.ui.policies;

import dev.playground.policy.Jitter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Policies panel's retry: attempts, waits, backoff, jitter, Retry-After, and what is retried. FX thread. */
final class RetrySection {
  @FXML private CheckBox retryOnCheck;
  @FXML private VBox retryBox;
  @FXML private TextField maxAttemptsField;
  @FXML private TextField delayField;
  @FXML private CheckBox backoffCheck;
  @FXML private HBox maxDelayRow;
  @FXML private TextField maxDelayField;
  @FXML private HBox factorRow;
  @FXML private TextField factorField;
  @FXML private ComboBox<Jitter> jitterPicker;
  @FXML private HBox jitterFactorRow;
  @FXML private TextField jitterFactorField;
  @FXML private TextField maxTotalField;
  @FXML private CheckBox honourCheck;
  @FXML private HBox capRow;
  @FXML private TextField capField;
  @FXML private KindChecks retryOnChecks;
  @FXML private KindChecks abortOnChecks;
  @FXML private KindChecks retryOnResultChecks;
  @FXML private Label scheduleLabel;
  @FXML private Label retryProblemLabel;

  private final RetryForm r;
  private final ReadOnlyStringProperty schedule;
  private final FormBinder bind;

  RetrySection(RetryForm form, ReadOnlyStringProperty schedule, FormBinder bind) {
    this.r = form;
    this.schedule = schedule;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(retryOnCheck, retryBox, r.onProperty(), "retry.", retryProblemLabel);
    bind.text(maxAttemptsField, r.maxAttemptsProperty(), RetryForm.MAX_ATTEMPTS);
    bind.text(delayField, r.delayMsProperty(), RetryForm.DELAY);
    bind.check(backoffCheck, r.backoffProperty(), null);
    FormBinder.showWhen(maxDelayRow, r.backoffProperty());
    FormBinder.showWhen(factorRow, r.backoffProperty());
    bind.text(maxDelayField, r.maxDelayMsProperty(), RetryForm.MAX_DELAY);
    bind.text(factorField, r.factorProperty(), RetryForm.FACTOR);
    jitterPicker.getItems().setAll(Jitter.values());
    jitterPicker.setConverter(FormBinder.named(Jitter::wireName));
    jitterPicker.valueProperty().bindBidirectional(r.jitterProperty());
    bind.mark(RetryForm.JITTER, jitterPicker);
    FormBinder.showWhen(jitterFactorRow, r.jitterProperty().isEqualTo(Jitter.PROPORTIONAL));
    bind.text(jitterFactorField, r.jitterFactorProperty(), RetryForm.JITTER_FACTOR);
    bind.text(maxTotalField, r.maxTotalMsProperty(), RetryForm.MAX_TOTAL);
    bind.check(honourCheck, r.honourRetryAfterProperty(), null);
    FormBinder.showWhen(capRow, r.honourRetryAfterProperty());
    bind.text(capField, r.retryAfterCapMsProperty(), RetryForm.RETRY_AFTER_CAP);
    retryOnChecks.bind(r.retryOn(), "Checked: retried.");
    abortOnChecks.bind(r.abortOn(), "Checked: ends the series at once.");
    retryOnResultChecks.bind(r.retryOnResult(), "Checked: an answer with it is retried; otherwise returned as it is.");
    bind.mark(RetryForm.RETRY_ON, retryOnChecks);
    bind.mark(RetryForm.ABORT_ON, abortOnChecks);
    bind.mark(RetryForm.RETRY_ON_RESULT, retryOnResultChecks);
    scheduleLabel.textProperty().bind(schedule);
    FormBinder.hideWhenEmpty(scheduleLabel);
    scheduleLabel.setTooltip(new Tooltip("The waits the seeded run will use for its first request at the first "
        + "model, as the very Failsafe policy computes them (no Retry-After)."));
  }
}
