package dev.playground.session;

/** How a session's run passes time: real time, or a virtual clock played at a chosen speed. Immutable. */
public enum ClockMode {
  /** Real time: the providers listen on loopback and every wait is waited. */
  LIVE("Live"),
  /** The same scenario on a virtual clock with in-process simulated models, played at a {@link Speed}. */
  FAST_FORWARD("Fast-forward");

  private final String label;

  ClockMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
