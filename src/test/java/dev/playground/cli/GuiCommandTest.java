package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuiCommandTest {
  private final List<List<String>> opened = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  private int gui(String... args) {
    var commandLine = PlaygroundCommand.commandLine(window -> opened.add(List.of(window)));
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "gui";
    System.arraycopy(args, 0, all, 1, args.length);
    return commandLine.execute(all);
  }

  @Test
  void theOptionsReachTheWindowAsItsArguments() {
    int code = gui("--preset", "circuit-breaker", "--theme", "dark", "--fast-forward", "--speed", "10", "--load",
        "--show", "lesson,preview");
    assertThat(code).isZero();
    assertThat(opened).containsExactly(List.of("--preset=circuit-breaker", "--theme=dark", "--fast-forward",
        "--speed=10", "--load", "--show=lesson,preview"));
  }

  @Test
  void noOptionsOpenTheWindowAsIs() {
    assertThat(gui()).isZero();
    assertThat(opened).containsExactly(List.of());
  }

  @Test
  void aBadValueIsRefusedInOneLineAndNoWindowOpens() {
    assertThat(gui("--theme", "blue")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gui: --theme must be one of light, dark; was \"blue\"" + System.lineSeparator());
    assertThat(gui("--preset", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("gui: no preset named \"nope\"; the presets are: simple-retry");
    assertThat(opened).isEmpty();
  }
}
