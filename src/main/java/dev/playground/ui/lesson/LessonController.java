package dev.playground.ui.lesson;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

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
  private Stage sideBySide;

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

  /** The two codes next to each other in a window of their own, bound to the same model. */
  @FXML
  private void sideBySide() {
    if (sideBySide == null) {
      TextArea java = code(model.javaCodeProperty());
      TextArea python = code(model.pythonCodeProperty());
      var split = new javafx.scene.control.SplitPane(titled("Failsafe (Java): the policies in force", java),
          titled("The lesson's Python", python));
      var root = new javafx.scene.layout.StackPane(split);
      root.getStyleClass().add("playground");
      root.getStylesheets().setAll(lessonTitle.getScene().getRoot().getStylesheets());
      sideBySide = new javafx.stage.Stage();
      sideBySide.initOwner(lessonTitle.getScene().getWindow());
      sideBySide.titleProperty().bind(model.titleProperty().concat(": Failsafe and the lesson's Python"));
      sideBySide.setScene(new javafx.scene.Scene(root, 1200, 700));
    }
    sideBySide.show();
    sideBySide.toFront();
  }

  private static TextArea code(ObservableValue<String> text) {
    TextArea area = new TextArea();
    area.setEditable(false);
    area.getStyleClass().add("code");
    area.textProperty().bind(text);
    area.setTooltip(new javafx.scene.control.Tooltip("Read-only; select and copy what you need."));
    VBox.setVgrow(area, Priority.ALWAYS);
    return area;
  }

  private static VBox titled(String title, TextArea area) {
    Label label = new Label(title);
    label.getStyleClass().add("section-title");
    VBox box = new VBox(6, label, area);
    box.getStyleClass().add("lesson-panel");
    return box;
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
