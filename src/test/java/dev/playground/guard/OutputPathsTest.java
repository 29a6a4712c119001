package dev.playground.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {
  @Test
  void aNewFileInAnExistingFolderCanBeWrittenAndTheCheckLeavesNothingBehind(@TempDir Path dir) {
    Path file = dir.resolve("run.jsonl");

    assertThat(OutputPaths.fileProblem(file)).isNull();
    assertThat(file).doesNotExist();
  }

  @Test
  void anExistingFileIsLeftAsItWas(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("run.jsonl"), "kept");

    assertThat(OutputPaths.fileProblem(file)).isNull();
    assertThat(file).hasContent("kept");
  }

  @Test
  void aFileInAFolderThatDoesNotExistIsRefusedAndNoFolderIsMade(@TempDir Path dir) {
    Path file = dir.resolve("missing/run.jsonl");

    assertThatThrownBy(() -> OutputPaths.checkFile("--out", file))
        .hasMessage("--out " + file + ": its folder " + file.getParent() + " does not exist");
    assertThat(file.getParent()).doesNotExist();
  }

  @Test
  void aFolderOrADeviceIsNotAFile(@TempDir Path dir) {
    assertThat(OutputPaths.fileProblem(dir)).isEqualTo("is a folder; give a file name");
    assumeTrue(Files.exists(Path.of("/dev/full")), "a system with /dev/full");
    assertThat(OutputPaths.fileProblem(Path.of("/dev/full"))).isEqualTo("is not a regular file (a device or a pipe)");
  }

  @Test
  void aFolderIsMadeOnlyInAFolderThatExists(@TempDir Path dir) throws Exception {
    assertThat(OutputPaths.directoryProblem(dir)).isNull();
    assertThat(OutputPaths.directoryProblem(dir.resolve("csv"))).isNull();
    assertThat(dir.resolve("csv")).as("checked, not made").doesNotExist();
    assertThat(OutputPaths.directoryProblem(dir.resolve("a/b"))).isEqualTo("its folder " + dir.resolve("a") + " does not exist");
    Path file = Files.writeString(dir.resolve("f"), "");
    assertThat(OutputPaths.directoryProblem(file)).isEqualTo("is a file, not a folder");
  }
}
