package dev.playground.cli;

import dev.playground.guard.Quote;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The root of the command line. Without a subcommand it opens the window (the {@code gui} command).
 * Not thread-safe; one per process.
 */
@Command(
    name = "resilience-playground",
    mixinStandardHelpOptions = true,
    versionProvider = PlaygroundCommand.Version.class,
    description = "Send prompts through a resilient LLM client, break the provider on purpose, watch what happens.",
    subcommands = {GuiCommand.class, RunCommand.class, PresetsCommand.class, ServeCommand.class, HerdCommand.class})
public final class PlaygroundCommand implements Callable<Integer> {
  private final Consumer<WindowOptions> openWindow;

  PlaygroundCommand(Consumer<WindowOptions> openWindow) {
    this.openWindow = openWindow;
  }

  /** Parses and runs {@code args}; returns the exit code. */
  public static int execute(String[] args, Consumer<WindowOptions> openWindow) {
    return commandLine(openWindow).execute(args);
  }

  /** The configured command line (tests set its out and err, then call {@code execute}). */
  static CommandLine commandLine(Consumer<WindowOptions> openWindow) {
    var commandLine = new CommandLine(new PlaygroundCommand(openWindow), new Factory(openWindow));
    commandLine.setParameterExceptionHandler(PlaygroundCommand::oneLineError);
    return commandLine;
  }

  /** A bad option gets one line that names it, not the whole usage text; exit code 2. */
  private static int oneLineError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    var spec = cmd.getCommandSpec();
    String help = spec.optionsMap().containsKey("--help") ? spec.qualifiedName() : spec.root().qualifiedName();
    cmd.getErr().println(shortened(e.getMessage()) + " (see '" + help + " --help')");
    cmd.getErr().flush();
    return spec.exitCodeOnInvalidInput();
  }

  /** picocli quotes the whole bad value; a message quotes at most 80 characters of it, on one line. */
  static String shortened(String message) {
    Matcher m = QUOTED.matcher(message.replace('\n', ' ').replace('\r', ' '));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement("'" + Quote.cut(value) + "'" + Quote.lengthOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  @Override
  public Integer call() {
    openWindow.accept(WindowOptions.defaults()); // returns when the window closes
    return 0;
  }

  /** Gives subcommands that need the window the function that opens it. */
  private record Factory(Consumer<WindowOptions> openWindow) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == GuiCommand.class) return type.cast(new GuiCommand(openWindow));
      return CommandLine.defaultFactory().create(type);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PlaygroundCommand.class.getPackage().getImplementationVersion();
      return new String[] {"resilience-playground " + (v == null ? "dev" : v)};
    }
  }
}
