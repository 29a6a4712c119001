package dev.playground.app;

import dev.playground.scenario.Presets;
import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import dev.playground.ui.main.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the window starts: the preset, the theme, the clock, and whether the preset's load starts at once (for
 * demos and screenshots). Read from the program arguments {@code --preset=NAME --theme=dark --fast-forward
 * --speed=10 --load --show=lesson --open=run.jsonl}. Immutable.
 */
record AppOptions(
    String preset, Theme theme, ClockMode clock, Speed speed, boolean startLoad, List<String> tabs, Path open) {
  /** The tabs {@code --show} can select: side tabs, then centre tabs. */
  static final List<String> TABS = List.of("prompt", "faults", "policies", "lesson", "live", "preview", "compare", "lab");

  /**
   * The preset the window opens with. It starts healthy, so the first prompts answer at once on the full rung;
   * "Run scenario" then plays the whole story in a minute: an outage at 10 s, retries, the breaker opening and
   * half-opening, the fallback model, the recovery at 40 s.
   */
  static final String DEFAULT_PRESET = "outage-and-recovery";

  static AppOptions defaults() {
    return new AppOptions(DEFAULT_PRESET, Theme.LIGHT, ClockMode.LIVE, Speed.X1, false, List.of(), null);
  }

  /** Reads {@code --name=value} and {@code --flag} arguments; an unknown one is refused with its name. */
  static AppOptions parse(List<String> args) {
    String preset = DEFAULT_PRESET;
    Theme theme = Theme.LIGHT;
    ClockMode clock = ClockMode.LIVE;
    Speed speed = Speed.X1;
    boolean load = false;
    List<String> tabs = List.of();
    Path open = null;
    for (String arg : args) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      switch (name) {
        case "--preset" -> preset = Presets.get(value).name();
        case "--theme" -> theme = switch (value.toLowerCase(Locale.ROOT)) {
          case "light" -> Theme.LIGHT;
          case "dark" -> Theme.DARK;
          default -> throw new IllegalArgumentException("--theme must be light or dark, was \"" + value + "\"");
        };
        case "--fast-forward" -> clock = ClockMode.FAST_FORWARD;
        case "--speed" -> speed = speed(value);
        case "--load" -> load = true;
        case "--show" -> tabs = tabs(value);
        case "--open" -> open = Path.of(value);
        default -> throw new IllegalArgumentException("unknown window option " + name + "; the options are "
            + "--preset=NAME, --theme=light|dark, --fast-forward, --speed=1|10|100|max, --load, --show=TAB[,TAB], --open=FILE");
      }
    }
    return new AppOptions(preset, theme, clock, speed, load, tabs, open);
  }

  private static List<String> tabs(String value) {
    List<String> out = new ArrayList<>();
    for (String t : value.split(",")) {
      String tab = t.strip().toLowerCase(Locale.ROOT);
      if (!TABS.contains(tab))
        throw new IllegalArgumentException("--show takes tabs among " + String.join(", ", TABS) + "; was \"" + t + "\"");
      out.add(tab);
    }
    return List.copyOf(out);
  }

  private static Speed speed(String value) {
    for (Speed s : Speed.values())
      if (s.label().replace("×", "").equalsIgnoreCase(value) || s.label().equalsIgnoreCase(value)) return s;
    throw new IllegalArgumentException("--speed must be 1, 10, 100 or max, was \"" + value + "\"");
  }
}
