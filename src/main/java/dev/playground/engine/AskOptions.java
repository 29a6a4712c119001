package dev.playground.engine;

import java.util.Map;

/**
 * How to send one prompt: streamed or not, and headers sent with every call of the request (the simulated
 * provider reads {@code X-Playground-Fault} there). Immutable.
 */
public record AskOptions(boolean stream, Map<String, String> headers) {
  public static final AskOptions DEFAULT = new AskOptions(false, Map.of());

  public AskOptions {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static AskOptions streaming() {
    return new AskOptions(true, Map.of());
  }
}
