package dev.playground.cli;

import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code presets}: one preset a line, its name (what {@code run} takes) first, then its title. */
@Command(name = "presets", mixinStandardHelpOptions = true,
    description = "List the presets: one per pattern of the lesson, then the demos. The first word is the name 'run' takes.")
final class PresetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int width = Presets.all().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (Scenario s : Presets.all())
      spec.commandLine().getOut().println(String.format("%-" + width + "s  %s", s.name(), s.title()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
