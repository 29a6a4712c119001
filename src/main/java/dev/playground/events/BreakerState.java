package dev.playground.events;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;

/** A circuit breaker's state as the run log writes it. Immutable. */
public enum BreakerState implements WireName {
  CLOSED("closed"),
  HALF_OPEN("half_open"),
  OPEN("open");

  private final String wireName;

  BreakerState(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** How the window writes it: "closed", "half-open", "open" (the run log keeps its wire names). */
  public String label() {
    return wireName.replace('_', '-');
  }

  public static BreakerState fromWireName(String name) {
    return WireNames.require(BreakerState.class, name, "breaker state");
  }
}
