package dev.playground.engine;

import dev.playground.faults.FaultKind;

/**
 * How to send one prompt: streamed or not, and optionally a fault forced on every call of this request
 * (sent as {@code X-Playground-Fault}, which only the simulated provider understands). Immutable.
 */
public record AskOptions(boolean stream, FaultKind forcedFault) {
  public static final AskOptions DEFAULT = new AskOptions(false, null);

  public static AskOptions streaming() {
    return new AskOptions(true, null);
  }
}
