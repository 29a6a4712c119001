package dev.playground.ui.files;

import java.nio.file.Path;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/** Binds the file picker's view to its {@link FilePickerModel}. FX thread. */
public final class FilePickerController {
  @FXML private Label folderLabel;
  @FXML private ListView<String> entryList;
  @FXML private Label nameLabel;
  @FXML private TextField nameField;
  @FXML private Label problemLabel;
  @FXML private Button chooseButton;

  private final FilePickerModel model;
  private Runnable done = () -> {};
  private Optional<Path> chosen = Optional.empty();

  public FilePickerController(FilePickerModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    folderLabel.textProperty().bind(model.folderProperty().asString());
    entryList.setItems(model.entries());
    entryList.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> model.select(e));
    entryList.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) take(model.activate(entryList.getSelectionModel().getSelectedItem()));
    });
    entryList.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) take(model.activate(entryList.getSelectionModel().getSelectedItem()));
    });
    nameField.textProperty().bindBidirectional(model.nameProperty());
    boolean folder = model.mode() == FilePickerModel.Mode.FOLDER;
    nameField.setVisible(!folder);
    nameField.setManaged(!folder);
    nameLabel.setVisible(!folder);
    nameLabel.setManaged(!folder);
    chooseButton.setText(switch (model.mode()) {
      case SAVE_FILE -> "Save";
      case OPEN_FILE -> "Open";
      case FOLDER -> "Use this folder";
    });
    problemLabel.textProperty().bind(model.problemProperty());
    problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
    problemLabel.managedProperty().bind(problemLabel.visibleProperty());
  }

  void onDone(Runnable action) {
    done = action;
  }

  Optional<Path> chosen() {
    return chosen;
  }

  private void take(Optional<Path> path) {
    if (path.isEmpty()) return;
    chosen = path;
    done.run();
  }

  @FXML
  private void choose() {
    take(model.choose());
  }

  @FXML
  private void cancel() {
    chosen = Optional.empty();
    done.run();
  }

  @FXML
  private void up() {
    model.activate("../");
  }
}
