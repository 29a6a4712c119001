package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Policies panel's degradation ladder: which rungs are tried, and the error rung's message. FX thread. */
final class LadderSection {
  @FXML private CheckBox ladderOnCheck;
  @FXML private VBox ladderBox;
  @FXML private CheckBox fullCheck;
  @FXML private CheckBox limitedCheck;
  @FXML private CheckBox cachedCheck;
  @FXML private CheckBox errorCheck;
  @FXML private TextField errorMessageField;
  @FXML private CheckBox limitedAfterCheck;
  @FXML private Label ladderProblemLabel;

  private final LadderForm form;
  private final FormBinder bind;

  LadderSection(LadderForm form, FormBinder bind) {
    this.form = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(ladderOnCheck, ladderBox, form.onProperty(), "ladder.", ladderProblemLabel);
    bind.check(fullCheck, form.fullProperty(), LadderForm.RUNGS);
    bind.check(limitedCheck, form.limitedProperty(), LadderForm.RUNGS);
    bind.check(cachedCheck, form.cachedProperty(), LadderForm.CACHED);
    bind.check(errorCheck, form.errorProperty(), null);
    bind.text(errorMessageField, form.errorMessageProperty(), LadderForm.ERROR_MESSAGE);
    bind.check(limitedAfterCheck, form.limitedAfterChainFailureProperty(), null);
  }
}
