package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import dev.playground.ui.main.Theme;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
  @Test
  void withoutArgumentsTheWindowOpensLiveOnTheDefaultPreset() {
    assertThat(AppOptions.parse(List.of())).isEqualTo(AppOptions.defaults());
    assertThat(AppOptions.defaults().preset()).isEqualTo("outage-and-recovery");
  }

  @Test
  void theGuiCommandsArgumentsAreRead() {
    var o = AppOptions.parse(List.of("--preset=circuit-breaker", "--theme=dark", "--fast-forward", "--speed=max",
        "--load", "--show=lesson,preview", "--open=run.jsonl"));
    assertThat(o).isEqualTo(new AppOptions("circuit-breaker", Theme.DARK, ClockMode.FAST_FORWARD, Speed.MAX, true,
        List.of("lesson", "preview"), Path.of("run.jsonl")));
  }

  @Test
  void anUnknownOptionIsNamed() {
    assertThatThrownBy(() -> AppOptions.parse(List.of("--colour=red")))
        .hasMessageStartingWith("unknown window option --colour; the options are --preset=NAME");
  }
}
