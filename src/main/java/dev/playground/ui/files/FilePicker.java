package dev.playground.ui.files;

import dev.playground.ui.Fxml;
import dev.playground.ui.files.FilePickerModel.Mode;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window's own file dialog, used instead of the system's: the system's can be taller than a small screen
 * (its buttons then out of reach), while this one is sized to fit the screen it opens on. Save a file, open a
 * file, or pick a folder; the last folder used is where the next one starts. FX thread.
 */
public final class FilePicker {
  private static Path lastFolder;

  private FilePicker() {}

  /** Asks where to save {@code suggestedName}; empty when cancelled. */
  public static Optional<Path> save(Window owner, String title, String suggestedName, String extension) {
    return show(owner, title, new FilePickerModel(Mode.SAVE_FILE, lastFolder, extension, suggestedName));
  }

  /** Asks which {@code extension} file to open; empty when cancelled. */
  public static Optional<Path> open(Window owner, String title, String extension) {
    return show(owner, title, new FilePickerModel(Mode.OPEN_FILE, lastFolder, extension, ""));
  }

  /** Asks for a folder to write into; empty when cancelled. */
  public static Optional<Path> folder(Window owner, String title) {
    return show(owner, title, new FilePickerModel(Mode.FOLDER, lastFolder, null, ""));
  }

  private static Optional<Path> show(Window owner, String title, FilePickerModel model) {
    FilePickerController controller = new FilePickerController(model);
    Parent root = Fxml.load("/dev/playground/ui/files/FilePicker.fxml", controller);
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(title);
    Rectangle2D screen = owner == null ? Screen.getPrimary().getVisualBounds()
        : Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()).stream()
            .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
    Scene scene = new Scene(root, Math.min(560, screen.getWidth() - 40), Math.min(440, screen.getHeight() - 80));
    if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
    stage.setScene(scene);
    stage.setMaxHeight(screen.getHeight());
    controller.onDone(stage::close);
    stage.showAndWait();
    controller.chosen().ifPresent(p -> lastFolder = model.folderProperty().get());
    return controller.chosen();
  }
}
