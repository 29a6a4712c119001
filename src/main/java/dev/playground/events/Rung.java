package dev.playground.events;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;

/** The rungs of the degradation ladder, best first, with the lesson's quality labels. Immutable. */
public enum Rung implements WireName {
  /** Retrieved context plus the model chain. */
  FULL("full"),
  /** The model chain without context. */
  LIMITED("limited"),
  /** An earlier answer from the response cache. */
  CACHED("cached"),
  /** The canned message. */
  ERROR("error");

  private final String wireName;

  Rung(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static Rung fromWireName(String name) {
    return WireNames.require(Rung.class, name, "rung");
  }
}
