package dev.playground.ui.policies;

import dev.playground.policy.ModelRef;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The Policies panel's fallback chain: the models in order, moved, removed and added. FX thread. */
final class ChainSection {
  @FXML private ListView<ModelRef> chainList;
  @FXML private Button chainUpButton;
  @FXML private Button chainDownButton;
  @FXML private Button chainRemoveButton;
  @FXML private ComboBox<String> chainProviderPicker;
  @FXML private ComboBox<String> chainModelPicker;
  @FXML private Label chainAddProblemLabel;
  @FXML private Label chainProblemLabel;

  private final ChainForm chain;
  private final FormBinder bind;

  ChainSection(ChainForm chain, FormBinder bind) {
    this.chain = chain;
    this.bind = bind;
  }

  @FXML
  private void initialize() {
    chainList.setItems(chain.models());
    chainList.setCellFactory(v -> new ListCell<>() {
      {
        setPrefWidth(0); // never wider than the list
      }

      @Override
      protected void updateItem(ModelRef ref, boolean empty) {
        super.updateItem(ref, empty);
        setText(empty || ref == null ? null : (getIndex() + 1) + ". " + ref.key());
      }
    });
    var selected = chainList.getSelectionModel().selectedIndexProperty();
    chainUpButton.disableProperty().bind(selected.lessThan(1));
    chainRemoveButton.disableProperty().bind(selected.lessThan(0));
    chainDownButton.disableProperty().bind(selected.lessThan(0)
        .or(selected.greaterThanOrEqualTo(Bindings.size(chain.models()).subtract(1))));
    chainProviderPicker.valueProperty().bindBidirectional(chain.newProviderProperty());
    chainProviderPicker.valueProperty().addListener((o, a, p) -> offerModels(p));
    chainModelPicker.getEditor().textProperty().bindBidirectional(chain.newModelProperty());
    chainAddProblemLabel.textProperty().bind(chain.addProblemProperty());
    FormBinder.hideWhenEmpty(chainAddProblemLabel);
    bind.mark(ChainForm.CHAIN, chainList);
    bind.line(ChainForm.CHAIN, chainProblemLabel);
  }

  /** The run's providers into the add row (called when they change). */
  void showProviders() {
    chainProviderPicker.getItems().setAll(chain.providers().keySet());
    chainProviderPicker.setValue(chain.newProviderProperty().get());
    offerModels(chainProviderPicker.getValue());
  }

  private void offerModels(String provider) {
    List<String> models = provider == null ? List.of() : chain.providers().getOrDefault(provider, List.of());
    String typed = chainModelPicker.getEditor().getText();
    chainModelPicker.getItems().setAll(models);
    chainModelPicker.getEditor().setText(typed);
  }

  @FXML
  private void chainAdd() {
    chainModelPicker.commitValue();
    chain.add();
  }

  @FXML
  private void chainUp() {
    int i = chainList.getSelectionModel().getSelectedIndex();
    chain.moveUp(i);
    chainList.getSelectionModel().select(i - 1);
  }

  @FXML
  private void chainDown() {
    int i = chainList.getSelectionModel().getSelectedIndex();
    chain.moveDown(i);
    chainList.getSelectionModel().select(i + 1);
  }

  @FXML
  private void chainRemove() {
    chain.remove(chainList.getSelectionModel().getSelectedIndex());
  }
}
