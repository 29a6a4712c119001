package dev.playground.cli;

import picocli.CommandLine.Model.CommandSpec;

/** What every command does with bad input: one line on stderr, named after the command, and exit code 2. */
final class Cli {
  /** The exit code for bad input (a wrong option, value, file or scenario). */
  static final int BAD_INPUT = 2;

  private Cli() {}

  /** Prints "{@code command}: {@code why}" on stderr and returns {@link #BAD_INPUT}. */
  static int refused(CommandSpec spec, String why) {
    var err = spec.commandLine().getErr();
    err.println(spec.name() + ": " + why);
    err.flush();
    return BAD_INPUT;
  }

  /** As {@link #refused(CommandSpec, String)} with the failure's message. */
  static int refused(CommandSpec spec, Exception e) {
    return refused(spec, e.getMessage());
  }
}
