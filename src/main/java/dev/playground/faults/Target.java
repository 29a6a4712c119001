package dev.playground.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a fault rule breaks: the chat call (the provider), or the engine's own retriever or response cache.
 * The simulated provider only applies {@link #CHAT} rules. Immutable.
 */
public enum Target {
  CHAT("chat"),
  RETRIEVER("retriever"),
  CACHE("cache");

  private final String wireName;

  Target(String wireName) {
    this.wireName = wireName;
  }

  /** The name fault plans use. */
  public String wireName() {
    return wireName;
  }

  public static Optional<Target> fromWireName(String name) {
    if (name == null) return Optional.empty();
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.wireName.equals(n)).findFirst();
  }

  /** The wire names, for messages that list what is allowed. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(Target::wireName).collect(Collectors.joining(", "));
  }
}
