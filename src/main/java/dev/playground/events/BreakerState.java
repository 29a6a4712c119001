package dev.playground.events;

/** A circuit breaker's state as the run log writes it. Immutable. */
public enum BreakerState {
  CLOSED("closed"),
  HALF_OPEN("half_open"),
  OPEN("open");

  private final String wireName;

  BreakerState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static BreakerState fromWireName(String name) {
    for (BreakerState s : values()) if (s.wireName.equals(name)) return s;
    throw new IllegalArgumentException("breaker state must be one of closed, half_open, open; was " + name);
  }
}
