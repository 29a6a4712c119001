package dev.playground.session;

import dev.playground.clock.VirtualPacer;

/** How fast a fast-forwarded run plays: scenario time per wall time. Immutable. */
public enum Speed {
  X1("1×", 1),
  X10("10×", 10),
  X100("100×", 100),
  MAX("max", VirtualPacer.AS_FAST_AS_POSSIBLE);

  private final String label;
  private final double factor;

  Speed(String label, double factor) {
    this.label = label;
    this.factor = factor;
  }

  public String label() {
    return label;
  }

  /** Scenario milliseconds per wall millisecond, or {@link VirtualPacer#AS_FAST_AS_POSSIBLE}. */
  public double factor() {
    return factor;
  }

  @Override
  public String toString() {
    return label;
  }
}
