package dev.playground.events;

/** The rungs of the degradation ladder, best first, with the lesson's quality labels. Immutable. */
public enum Rung {
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

  public String wireName() {
    return wireName;
  }

  public static Rung fromWireName(String name) {
    for (Rung r : values()) if (r.wireName.equals(name)) return r;
    throw new IllegalArgumentException("rung must be one of full, limited, cached, error; was " + name);
  }
}
