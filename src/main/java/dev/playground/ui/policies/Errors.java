package dev.playground.ui.policies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The problems of one validation of the form, by field key ({@code retry.maxDelay}), the first one per field,
 * in the order they were found. Not thread-safe.
 */
final class Errors {
  private final Map<String, String> byField = new LinkedHashMap<>();

  void add(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /** True if a field whose key starts with {@code prefix} has a problem. */
  boolean any(String prefix) {
    return byField.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  Map<String, String> asMap() {
    return Collections.unmodifiableMap(byField);
  }

  /**
   * Builds a spec with its validating constructor. Its {@link IllegalArgumentException} is put, with the
   * spec's own message, on the field {@code fieldOf} picks for that message; the result is then null.
   */
  <T> T build(Supplier<T> make, Function<String, String> fieldOf) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      add(fieldOf.apply(e.getMessage()), e.getMessage());
      return null;
    }
  }

  /**
   * The field for a spec message by the name it starts with: pairs of (name in the message, field key), tried
   * in order (list "maxDelay" before "delay"); {@code fallback} when none matches.
   */
  static Function<String, String> byPrefix(String fallback, String... pairs) {
    return message -> {
      for (int i = 0; i + 1 < pairs.length; i += 2)
        if (message.startsWith(pairs[i])) return pairs[i + 1];
      return fallback;
    };
  }
}
