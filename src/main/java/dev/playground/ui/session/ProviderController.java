package dev.playground.ui.session;

import dev.playground.session.ProviderChoice;
import dev.playground.ui.Invalid;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/**
 * Binds the provider button and its form (simulated, or a real endpoint's base URL and model, with the key's
 * status) to the session model. The form opens under the button. FX thread.
 */
public final class ProviderController {
  @FXML private Button providerButton;
  @FXML private VBox providerForm;
  @FXML private RadioButton simulatedRadio;
  @FXML private RadioButton realRadio;
  @FXML private GridPane endpointGrid;
  @FXML private TextField baseUrlField;
  @FXML private TextField modelField;
  @FXML private Label baseUrlError;
  @FXML private Label modelError;
  @FXML private Label keyStatus;
  @FXML private Label providerMessage;

  private final SessionViewModel model;
  private static final long REOPEN_GUARD_NANOS = 300_000_000L;
  private PopOver popOver;
  private long hiddenAtNanos = System.nanoTime() - REOPEN_GUARD_NANOS;

  public ProviderController(SessionViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    baseUrlField.textProperty().bindBidirectional(model.baseUrlTextProperty());
    modelField.textProperty().bindBidirectional(model.modelTextProperty());
    baseUrlError.textProperty().bind(model.baseUrlErrorProperty());
    modelError.textProperty().bind(model.modelErrorProperty());
    providerMessage.textProperty().bind(model.providerMessageProperty());
    mark(baseUrlField, baseUrlError);
    mark(modelField, modelError);
    keyStatus.setText(model.keyStatus());
    keyStatus.getStyleClass().add(model.keySet() ? "key-set" : "key-missing");
    endpointGrid.disableProperty().bind(realRadio.selectedProperty().not());
    model.providerProperty().addListener((o, a, p) -> showProvider());
    showProvider();
  }

  @FXML
  private void toggleForm() {
    if (popOver != null && popOver.isShowing()) {
      popOver.hide();
      return;
    }
    // a click on this button outside the open form hides it first (auto-hide): that click must not reopen it
    if (System.nanoTime() - hiddenAtNanos < REOPEN_GUARD_NANOS) return;
    if (popOver == null) {
      popOver = new PopOver(providerForm);
      popOver.setArrowLocation(PopOver.ArrowLocation.TOP_CENTER);
      popOver.setDetachable(false);
      popOver.setTitle("Provider");
      popOver.setOnHidden(e -> hiddenAtNanos = System.nanoTime());
      // the form lives in its own window: it follows the window's sheets, and so its theme
      Bindings.bindContent(providerForm.getStylesheets(), providerButton.getScene().getRoot().getStylesheets());
      var popupRoot = popOver.getScene().getRoot(); // the popover's own frame and arrow
      popupRoot.getStyleClass().add("playground-popup");
      Bindings.bindContent(popupRoot.getStylesheets(), providerButton.getScene().getRoot().getStylesheets());
    }
    if (model.providerProperty().get().isSimulated()) simulatedRadio.setSelected(true);
    else realRadio.setSelected(true);
    popOver.show(providerButton);
  }

  @FXML
  private void apply() {
    boolean done = realRadio.isSelected() ? model.useRealEndpoint() : useSimulated();
    if (done && popOver != null) popOver.hide();
  }

  private boolean useSimulated() {
    model.useSimulated();
    return true;
  }

  private void showProvider() {
    ProviderChoice p = model.providerProperty().get();
    providerButton.setText(p.isSimulated() ? "Provider: simulated" : "Provider: " + p.model());
    simulatedRadio.setSelected(p.isSimulated());
    realRadio.setSelected(!p.isSimulated());
  }

  /** A field whose error label is not empty gets the error style. */
  private static void mark(TextField field, Label error) {
    Invalid.follow(field, error.textProperty());
    error.managedProperty().bind(error.textProperty().isNotEmpty());
  }
}
