package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Policies panel's response cache. FX thread. */
final class CacheSection {
  @FXML private CheckBox cacheOnCheck;
  @FXML private VBox cacheBox;
  @FXML private TextField ttlField;
  @FXML private TextField maxSizeField;
  @FXML private CheckBox checkFirstCheck;
  @FXML private Label cacheProblemLabel;

  private final CacheForm form;
  private final FormBinder bind;

  CacheSection(CacheForm form, FormBinder bind) {
    this.form = form;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    bind.section(cacheOnCheck, cacheBox, form.onProperty(), "cache.", cacheProblemLabel);
    bind.text(ttlField, form.ttlMsProperty(), CacheForm.TTL);
    bind.text(maxSizeField, form.maxSizeProperty(), CacheForm.MAX_SIZE);
    bind.check(checkFirstCheck, form.checkFirstProperty(), CacheForm.CHECK_FIRST);
  }
}
