package dev.playground.app;

import dev.playground.cli.PlaygroundCommand;
import dev.playground.common.AsyncPool;

/**
 * The one entry point: {@code java -jar resilience-playground.jar [command]}. With no command it opens the
 * window; every other command is the command line. A plain class (not an {@code Application}) so the
 * JavaFX runtime can be found on the classpath.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    AsyncPool.atLeastTwoThreads();
    // Nagle plus delayed ACKs add ~40 ms to every keep-alive response of the JDK HTTP server.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.exit(PlaygroundCommand.execute(args, PlaygroundApp::launchWindow));
  }
}
