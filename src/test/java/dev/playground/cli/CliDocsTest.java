package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.DocSection;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** Every command is in the README's table and the CLI reference, and every option in its reference section. */
class CliDocsTest {
  private static final CommandLine ROOT = PlaygroundCommand.commandLine(args -> {});

  @Test
  void everyCommandIsInTheReadmesTableAndHasItsSectionInTheReference() {
    String table = DocSection.of("README.md", "The two commands");
    String reference = DocSection.page("docs/reference/cli.md");
    assertThat(ROOT.getSubcommands()).isNotEmpty();
    for (String name : ROOT.getSubcommands().keySet()) {
      assertThat(table).as("the README's row for " + name).containsPattern("(?m)^\\| `" + name + "[ `]");
      assertThat(reference).as("the reference's section on " + name).contains("\n## `" + name + "`\n");
    }
  }

  @Test
  void everyOptionOfEveryCommandIsInItsReferenceSection() {
    assertThat(DocSection.page("docs/reference/cli.md")).contains("`--help`", "`--version`");
    ROOT.getSubcommands().forEach((name, command) -> {
      String section = DocSection.of("docs/reference/cli.md", "`" + name + "`");
      for (String option : options(command))
        assertThat(section).as(name + " " + option).contains(option);
    });
  }

  @Test
  void everyOptionOfTheWindowIsInTheStartOptions() {
    String page = DocSection.page("docs/user/start-options.md");
    for (String option : options(ROOT.getSubcommands().get("gui")))
      assertThat(page).as(option).contains("| `" + option);
  }

  /** The long names of a command's own options, without the standard --help and --version. */
  private static List<String> options(CommandLine command) {
    return command.getCommandSpec().options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp())
        .map(OptionSpec::longestName)
        .toList();
  }
}
