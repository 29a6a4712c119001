package dev.playground.cli;

import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import java.nio.file.Path;
import java.util.List;

/**
 * How the window starts, as {@code gui}'s options give it: the preset, the theme, the clock and speed, whether
 * the preset's load starts at once (demos, screenshots), the tabs to select, a run log to open instead of a live
 * run. Parsed once, by picocli; no JavaFX type in it. Immutable.
 *
 * @param preset a preset's name (checked by {@code gui})
 * @param tabs among {@link #TABS}
 * @param open a saved run log, or null for a live run
 */
public record WindowOptions(
    String preset, boolean dark, ClockMode clock, Speed speed, boolean startLoad, List<String> tabs, Path open) {
  /** The tabs {@code --show} can select: side tabs, then centre tabs. */
  public static final List<String> TABS =
      List.of("prompt", "faults", "policies", "lesson", "live", "preview", "compare", "lab");

  /**
   * The preset the window opens with. It starts healthy, so the first prompts answer at once on the full rung;
   * "Run scenario" then plays the whole story in a minute: an outage at 10 s, retries, the breaker opening and
   * half-opening, the fallback model, the recovery at 40 s.
   */
  public static final String DEFAULT_PRESET = "outage-and-recovery";

  public WindowOptions {
    if (preset == null || preset.isBlank()) preset = DEFAULT_PRESET;
    clock = clock == null ? ClockMode.LIVE : clock;
    speed = speed == null ? Speed.X1 : speed;
    tabs = tabs == null ? List.of() : List.copyOf(tabs);
    for (String tab : tabs)
      if (!TABS.contains(tab))
        throw new IllegalArgumentException("--show takes tabs among " + String.join(", ", TABS) + "; was \"" + tab + "\"");
  }

  /** The default preset, light, live at 1×, nothing selected, nothing started. */
  public static WindowOptions defaults() {
    return new WindowOptions(DEFAULT_PRESET, false, ClockMode.LIVE, Speed.X1, false, List.of(), null);
  }
}
