package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.playground.common.WireName;
import dev.playground.common.WireNames;

/**
 * How a retry's wait is randomised, after Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture
 * Blog, 2015). {@code b} is the backoff for the attempt (fixed delay, or delay × factor^(n−1) up to the max),
 * {@code u} a seeded number in [0, 1). Immutable.
 */
public enum Jitter implements WireName {
  /** Wait exactly {@code b}. */
  NONE("none"),
  /** {@code b × (1 + f × (2u − 1))}: within ±f of b (Failsafe's {@code withJitter(f)}, but seeded). */
  PROPORTIONAL("proportional"),
  /** {@code u × b}: anywhere in [0, b). */
  FULL("full"),
  /** {@code b/2 + u × b/2}: in [b/2, b). */
  EQUAL("equal"),
  /** {@code min(max, delay + u × (3 × previous − delay))}, starting from previous = delay; ignores the factor. */
  DECORRELATED("decorrelated");

  private final String wireName;

  Jitter(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }

  @JsonCreator
  public static Jitter fromWireName(String name) {
    return WireNames.require(Jitter.class, name, "jitter");
  }
}
