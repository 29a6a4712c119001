package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Policies panel's circuit breaker: opens on a count or a rate, half-opens after its delay. FX thread. */
final class BreakerSection {
  @FXML private CheckBox breakerOnCheck;
  @FXML private VBox breakerBox;
  @FXML private RadioButton countModeRadio;
  @FXML private RadioButton rateModeRadio;
  @FXML private HBox countRow;
  @FXML private TextField failuresField;
  @FXML private TextField executionsField;
  @FXML private HBox percentRow;
  @FXML private TextField percentField;
  @FXML private TextField minExecutionsField;
  @FXML private HBox periodRow;
  @FXML private TextField periodField;
  @FXML private TextField successesField;
  @FXML private TextField trialsField;
  @FXML private TextField breakerDelayField;
  @FXML private KindChecks countOnChecks;
  @FXML private Label breakerProblemLabel;

  private final BreakerForm b;
  private final FormBinder bind;

  BreakerSection(BreakerForm form, FormBinder bind) {
    this.b = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(breakerOnCheck, breakerBox, b.onProperty(), "breaker.", breakerProblemLabel);
    rateModeRadio.setSelected(b.rateBasedProperty().get());
    countModeRadio.setSelected(!b.rateBasedProperty().get());
    rateModeRadio.selectedProperty().bindBidirectional(b.rateBasedProperty());
    b.rateBasedProperty().addListener((o, a, rate) -> countModeRadio.setSelected(!rate));
    FormBinder.showWhen(percentRow, b.rateBasedProperty());
    FormBinder.showWhen(periodRow, b.rateBasedProperty());
    FormBinder.showWhen(countRow, b.rateBasedProperty().not());
    bind.text(failuresField, b.failuresProperty(), BreakerForm.FAILURES);
    bind.text(executionsField, b.executionsProperty(), BreakerForm.EXECUTIONS);
    bind.text(percentField, b.percentProperty(), BreakerForm.PERCENT);
    bind.text(minExecutionsField, b.minExecutionsProperty(), BreakerForm.MIN_EXECUTIONS);
    bind.text(periodField, b.periodMsProperty(), BreakerForm.PERIOD);
    bind.text(successesField, b.successesProperty(), BreakerForm.SUCCESSES);
    bind.text(trialsField, b.trialsProperty(), BreakerForm.TRIALS);
    bind.text(breakerDelayField, b.delayMsProperty(), BreakerForm.DELAY);
    countOnChecks.bind(b.countOn(), "Checked: counts as a failure; anything else counts as a success.");
    bind.mark(BreakerForm.COUNT_ON, countOnChecks);
  }
}
