package dev.playground.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.ui.files.FilePickerModel.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePickerModelTest {
  @TempDir Path dir;

  @Test
  void foldersComeFirstThenTheFilesOfTheWantedKind() throws Exception {
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(dir.resolve("b.jsonl"), "");
    Files.writeString(dir.resolve("a.jsonl"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.writeString(dir.resolve(".hidden.jsonl"), "");

    var model = new FilePickerModel(Mode.OPEN_FILE, dir, ".jsonl", "");

    assertThat(model.entries()).containsExactly("../", "runs/", "a.jsonl", "b.jsonl");
    assertThat(model.activate("runs/")).isEmpty();
    assertThat(model.folderProperty().get()).isEqualTo(dir.resolve("runs"));
    model.activate("../");
    assertThat(model.activate("a.jsonl")).contains(dir.resolve("a.jsonl"));
  }

  @Test
  void savingAddsTheExtensionAndRefusesWhatCannotBeAFileName() {
    var model = new FilePickerModel(Mode.SAVE_FILE, dir, ".jsonl", "run");

    assertThat(model.choose()).contains(dir.resolve("run.jsonl"));
    model.nameProperty().set("  ");
    assertThat(model.choose()).isEmpty();
    assertThat(model.problemProperty().get()).isEqualTo("the file name must not be empty");
    model.nameProperty().set("../etc/passwd");
    assertThat(model.choose()).isEmpty();
    assertThat(model.problemProperty().get()).isEqualTo("the file name must be a name, not a path, was \"../etc/passwd\"");
  }

  @Test
  void openingNeedsAnExistingFileAndAFolderIsTakenAsItIs() {
    var open = new FilePickerModel(Mode.OPEN_FILE, dir, ".jsonl", "missing.jsonl");
    assertThat(open.choose()).isEmpty();
    assertThat(open.problemProperty().get()).isEqualTo("missing.jsonl is not a file in " + dir.toAbsolutePath());

    var folder = new FilePickerModel(Mode.FOLDER, dir, null, "");
    assertThat(folder.choose()).contains(dir.toAbsolutePath().normalize());
  }
}
