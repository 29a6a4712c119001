package dev.playground.cli;

import dev.playground.guard.Quote;
import dev.playground.scenario.Presets;
import dev.playground.session.ClockMode;
import dev.playground.session.Speed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gui}: opens the window (also what runs when no command is given). Not thread-safe. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the playground window (the default).")
final class GuiCommand implements Callable<Integer> {
  private static final List<String> THEMES = List.of("light", "dark");
  private static final List<String> SPEEDS = List.of("1", "10", "100", "max");

  private final Consumer<WindowOptions> openWindow;

  @Spec CommandSpec spec;

  @Option(names = "--preset", paramLabel = "NAME", description = "Open with this preset (see 'presets').")
  String preset;

  @Option(names = "--theme", paramLabel = "light|dark", description = "Open in this theme (default: light).")
  String theme;

  @Option(names = "--fast-forward", description = "Open in fast-forward (virtual time) instead of live.")
  boolean fastForward;

  @Option(names = "--speed", paramLabel = "1|10|100|max", description = "Fast-forward speed (default: 1).")
  String speed;

  @Option(names = "--load", description = "Start the preset's own load at once (for demos and screenshots).")
  boolean load;

  @Option(names = "--show", paramLabel = "TAB[,TAB]", description = "Open with these tabs selected: prompt, faults, "
      + "policies, lesson (left); live, preview, compare, lab (centre).")
  String show;

  @Option(names = "--open", paramLabel = "FILE", description = "Open a saved run log (JSONL) instead of a live run.")
  Path open;

  GuiCommand(Consumer<WindowOptions> openWindow) {
    this.openWindow = openWindow;
  }

  @Override
  public Integer call() {
    WindowOptions options;
    try {
      if (open != null) checkReadable(open);
      options = new WindowOptions(preset == null ? null : Presets.get(preset).name(),
          "dark".equals(choice("--theme", theme, THEMES)), fastForward ? ClockMode.FAST_FORWARD : ClockMode.LIVE,
          speed(choice("--speed", speed, SPEEDS)), load, tabs(), open == null ? null : open.toAbsolutePath());
    } catch (IllegalArgumentException e) {
      return Cli.refused(spec, e);
    }
    openWindow.accept(options); // returns when the window closes
    return 0;
  }

  private List<String> tabs() {
    List<String> tabs = new ArrayList<>();
    if (show != null) for (String tab : show.split(",")) tabs.add(tab.strip().toLowerCase(Locale.ROOT));
    return tabs;
  }

  private static Speed speed(String value) {
    if (value == null) return Speed.X1;
    for (Speed s : Speed.values()) if (s.label().replace("×", "").equals(value)) return s;
    throw new IllegalStateException("no speed " + value); // choice() has checked it
  }

  /** A value out of its list gets one line naming the option, the choices and the value. */
  private static String choice(String option, String value, List<String> allowed) {
    if (value == null) return null;
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v))
      throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + "; was "
          + Quote.text(value));
    return v;
  }

  /** A run log to open must be a file that can be read; the window says what is wrong inside it. */
  private static void checkReadable(Path file) {
    String name = Quote.plain(file.toString());
    if (Files.isDirectory(file)) throw new IllegalArgumentException("--open " + name + " is a folder, not a run log");
    if (!Files.exists(file)) throw new IllegalArgumentException("--open " + name + ": no such file");
    if (!Files.isReadable(file)) throw new IllegalArgumentException("--open " + name + ": permission denied");
  }
}
