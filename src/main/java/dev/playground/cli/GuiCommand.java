package dev.playground.cli;

import dev.playground.guard.Quote;
import dev.playground.scenario.Presets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gui}: opens the window (also what runs when no command is given). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the playground window (the default).")
final class GuiCommand implements Callable<Integer> {
  private final Consumer<String[]> openWindow;

  @Spec CommandSpec spec;

  @Option(names = "--preset", paramLabel = "NAME", description = "Open with this preset (see 'presets').")
  String preset;

  @Option(names = "--theme", paramLabel = "light|dark", description = "Open in this theme.")
  String theme;

  @Option(names = "--fast-forward", description = "Open in fast-forward (virtual time) instead of live.")
  boolean fastForward;

  @Option(names = "--speed", paramLabel = "1|10|100|max", description = "Fast-forward speed.")
  String speed;

  @Option(names = "--load", description = "Start the preset's own load at once (for demos and screenshots).")
  boolean load;

  @Option(names = "--show", paramLabel = "TAB[,TAB]", description = "Open with these tabs selected: prompt, faults, "
      + "policies, lesson (left); live, preview, compare, lab (centre).")
  String show;

  @Option(names = "--open", paramLabel = "FILE", description = "Open a saved run log (JSONL) instead of a live run.")
  java.nio.file.Path open;

  GuiCommand(Consumer<String[]> openWindow) {
    this.openWindow = openWindow;
  }

  private static final List<String> THEMES = List.of("light", "dark");
  private static final List<String> SPEEDS = List.of("1", "10", "100", "max");
  private static final List<String> TABS = List.of("prompt", "faults", "policies", "lesson", "live", "preview",
      "compare", "lab");

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    try {
      if (preset != null) args.add("--preset=" + Presets.get(preset).name());
      check("--theme", theme, THEMES);
      check("--speed", speed, SPEEDS);
      if (show != null) for (String tab : show.split(",")) check("--show", tab.strip(), TABS);
      if (open != null) checkReadable(open);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("gui: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 2;
    }
    if (theme != null) args.add("--theme=" + theme);
    if (fastForward) args.add("--fast-forward");
    if (speed != null) args.add("--speed=" + speed);
    if (load) args.add("--load");
    if (show != null) args.add("--show=" + show);
    if (open != null) args.add("--open=" + open.toAbsolutePath());
    openWindow.accept(args.toArray(String[]::new)); // returns when the window closes
    return 0;
  }

  /** A value out of its list gets one line naming the option, the choices and the value. */
  private static void check(String option, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value.toLowerCase(java.util.Locale.ROOT)))
      throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed) + "; was "
          + Quote.text(value));
  }

  /** A run log to open must be a file that can be read; the window says what is wrong inside it. */
  private static void checkReadable(java.nio.file.Path file) {
    String name = Quote.plain(file.toString());
    if (Files.isDirectory(file)) throw new IllegalArgumentException("--open " + name + " is a folder, not a run log");
    if (!Files.exists(file)) throw new IllegalArgumentException("--open " + name + ": no such file");
    if (!Files.isReadable(file)) throw new IllegalArgumentException("--open " + name + ": permission denied");
  }
}
