package dev.playground.ui.policies;

import dev.playground.policy.RateLimiterSpec;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Policies panel's rate limiter: permits per period, smooth or bursty, and how long one waits. FX thread. */
final class RateLimiterSection {
  @FXML private CheckBox rateLimiterOnCheck;
  @FXML private VBox rateLimiterBox;
  @FXML private ComboBox<RateLimiterSpec.Mode> modePicker;
  @FXML private TextField permitsField;
  @FXML private TextField limiterPeriodField;
  @FXML private TextField limiterWaitField;
  @FXML private Label rateLimiterProblemLabel;

  private final RateLimiterForm form;
  private final FormBinder bind;

  RateLimiterSection(RateLimiterForm form, FormBinder bind) {
    this.form = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(rateLimiterOnCheck, rateLimiterBox, form.onProperty(), "rateLimiter.", rateLimiterProblemLabel);
    modePicker.getItems().setAll(RateLimiterSpec.Mode.values());
    modePicker.setConverter(FormBinder.named(RateLimiterSpec.Mode::wireName));
    modePicker.valueProperty().bindBidirectional(form.modeProperty());
    bind.text(permitsField, form.permitsProperty(), RateLimiterForm.PERMITS);
    bind.text(limiterPeriodField, form.periodMsProperty(), RateLimiterForm.PERIOD);
    bind.text(limiterWaitField, form.maxWaitMsProperty(), RateLimiterForm.MAX_WAIT);
    bind.mark(RateLimiterForm.MODE, modePicker);
  }
}
