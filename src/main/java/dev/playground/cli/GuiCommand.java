package dev.playground.cli;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code gui}: opens the window (also what runs when no command is given). */
@Command(name = "gui", description = "Open the playground window (the default).")
final class GuiCommand implements Callable<Integer> {
  private final Consumer<String[]> openWindow;

  GuiCommand(Consumer<String[]> openWindow) {
    this.openWindow = openWindow;
  }

  @Override
  public Integer call() {
    openWindow.accept(new String[0]); // returns when the window closes
    return 0;
  }
}
