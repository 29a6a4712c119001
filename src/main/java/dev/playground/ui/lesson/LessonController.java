package dev.playground.ui.lesson;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/** Binds the Lesson tab to its {@link LessonViewModel}; Copy puts the code on the clipboard. FX thread. */
public final class LessonController {
  @FXML private Label lessonTitle;
  @FXML private Label lessonSummary;
  @FXML private VBox watchList;
  @FXML private TextArea javaCode;
  @FXML private TextArea pythonCode;
  @FXML private Label pythonSource;
  @FXML private Label copyMessage;

  private final LessonViewModel model;

  public LessonController(LessonViewModel model) {
    this.model = model;
  }

  @FXML
  private void initialize() {
    lessonTitle.textProperty().bind(model.titleProperty());
    lessonSummary.textProperty().bind(model.summaryProperty());
    javaCode.textProperty().bind(model.javaCodeProperty());
    pythonCode.textProperty().bind(model.pythonCodeProperty());
    pythonSource.textProperty().bind(model.pythonSourceProperty());
    copyMessage.textProperty().bind(model.copiedProperty());
    model.watch().addListener((ListChangeListener<String>) c -> showWatch());
    showWatch();
  }

  @FXML
  private void copyJava() {
    copy(model.copyJava());
  }

  @FXML
  private void copyPython() {
    copy(model.copyPython());
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  private void showWatch() {
    watchList.getChildren().clear();
    for (String line : model.watch()) {
      Label item = new Label("•  " + line);
      item.setWrapText(true);
      item.getStyleClass().add("watch-item");
      watchList.getChildren().add(item);
    }
  }
}
