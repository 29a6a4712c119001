package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiCommandTest {
  private final List<WindowOptions> opened = new ArrayList<>();
  private final StringWriter err = new StringWriter();

  private int gui(String... args) {
    var commandLine = PlaygroundCommand.commandLine(opened::add);
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "gui";
    System.arraycopy(args, 0, all, 1, args.length);
    return commandLine.execute(all);
  }

  @Test
  void theOptionsReachTheWindowParsedOnce(@TempDir Path dir) throws Exception {
    Path log = Files.writeString(dir.resolve("run.jsonl"), "");
    int code = gui("--preset", "circuit-breaker", "--theme", "dark", "--fast-forward", "--speed", "10", "--load",
        "--show", "lesson, Preview", "--open", log.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(opened).containsExactly(new WindowOptions("circuit-breaker", true, ClockMode.FAST_FORWARD, Speed.X10,
        true, List.of("lesson", "preview"), log.toAbsolutePath()));
  }

  @Test
  void noOptionsOpenTheWindowOnTheDefaults() {
    assertThat(gui()).isZero();
    assertThat(PlaygroundCommand.commandLine(opened::add).execute()).isZero();
    assertThat(opened).containsExactly(WindowOptions.defaults(), WindowOptions.defaults());
    assertThat(WindowOptions.defaults().preset()).isEqualTo("outage-and-recovery");
  }

  @Test
  void aBadValueIsRefusedInOneLineAndNoWindowOpens() {
    assertThat(gui("--theme", "blue")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("gui: --theme must be one of light, dark; was \"blue\"" + System.lineSeparator());
    assertThat(gui("--preset", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("gui: no preset named \"nope\"; the presets are: simple-retry");
    assertThat(gui("--speed", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("gui: --speed must be one of 1, 10, 100, max; was \"3\"");
    assertThat(gui("--show", "lesson,charts")).isEqualTo(2);
    assertThat(err.toString()).contains("gui: --show takes tabs among prompt, faults, policies, lesson, live, "
        + "preview, compare, lab; was \"charts\"");
    assertThat(opened).isEmpty();
  }

  @Test
  void theOptionsThemselvesRefuseAnUnknownTab() {
    assertThatThrownBy(() -> new WindowOptions(null, false, null, null, false, List.of("nope"), null))
        .hasMessageStartingWith("--show takes tabs among prompt");
  }
}
