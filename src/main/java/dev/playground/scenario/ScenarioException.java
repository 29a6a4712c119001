package dev.playground.scenario;

/** A scenario that cannot run, with one message naming the field, the rule and the value. Immutable. */
public final class ScenarioException extends IllegalArgumentException {
  public ScenarioException(String message) {
    super(message);
  }

  public ScenarioException(String message, Throwable cause) {
    super(message, cause);
  }
}
