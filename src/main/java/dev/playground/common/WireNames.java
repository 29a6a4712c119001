package dev.playground.common;

import dev.playground.guard.Quote;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way to read an enum from its wire name: trimmed, in any case. A name that is not one of them gets one
 * message saying what is allowed. Stateless.
 */
public final class WireNames {
  private WireNames() {}

  /** The constant named {@code name} (trimmed, any case), if there is one. */
  public static <E extends Enum<E> & WireName> Optional<E> find(Class<E> type, String name) {
    if (name == null) return Optional.empty();
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) if (e.wireName().equals(n)) return Optional.of(e);
    return Optional.empty();
  }

  /**
   * The constant named {@code name}.
   *
   * @throws IllegalArgumentException "{@code what} must be one of a, b, c; was "x""
   */
  public static <E extends Enum<E> & WireName> E require(Class<E> type, String name, String what) {
    return find(type, name).orElseThrow(() ->
        new IllegalArgumentException(what + " must be one of " + allowed(type) + "; was " + Quote.text(name)));
  }

  /** The wire names in declaration order, comma-separated, for messages. */
  public static <E extends Enum<E> & WireName> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(WireName::wireName).collect(Collectors.joining(", "));
  }

}
