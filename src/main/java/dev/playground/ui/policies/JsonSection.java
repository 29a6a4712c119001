package dev.playground.ui.policies;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The Policies panel's JSON: the set as scenario files carry it, copied out or pasted in. FX thread. */
final class JsonSection {
  @FXML private Label jsonCaptionLabel;
  @FXML private TextArea jsonArea;
  @FXML private TextArea pasteArea;
  @FXML private Label pasteProblemLabel;

  private final PoliciesViewModel model;

  JsonSection(PoliciesViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    jsonCaptionLabel.textProperty().bind(model.jsonCaptionProperty());
    jsonArea.textProperty().bind(model.jsonProperty());
    pasteArea.textProperty().bindBidirectional(model.pasteTextProperty());
    pasteProblemLabel.textProperty().bind(model.pasteProblemProperty());
    FormBinder.hideWhenEmpty(pasteProblemLabel);
  }

  @FXML
  private void loadPasted() {
    model.loadPasted();
  }

  @FXML
  private void copyJson() {
    ClipboardContent content = new ClipboardContent();
    content.putString(model.jsonProperty().get());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
