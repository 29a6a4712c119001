package dev.playground.faults;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;
import java.util.Optional;

/**
 * What a fault rule breaks: the chat call (the provider), or the engine's own retriever or response cache.
 * The simulated provider only applies {@link #CHAT} rules. Immutable.
 */
public enum Target implements WireName {
  CHAT("chat"),
  RETRIEVER("retriever"),
  CACHE("cache");

  private final String wireName;

  Target(String wireName) {
    this.wireName = wireName;
  }

  /** The name fault plans use. */
  @Override
  public String wireName() {
    return wireName;
  }

  public static Optional<Target> fromWireName(String name) {
    return WireNames.find(Target.class, name);
  }

  /** The wire names, for messages that list what is allowed. */
  public static String allowedNames() {
    return WireNames.allowed(Target.class);
  }
}
