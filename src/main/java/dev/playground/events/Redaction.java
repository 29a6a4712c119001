package dev.playground.events;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the events room writes: any text that contains the value of a secret-looking
 * environment variable ({@code OPENAI_API_KEY}, {@code *_TOKEN} …) is written with that value replaced.
 * Immutable and thread-safe.
 */
final class Redaction {
  static final String MASK = "[redacted]";
  private static final Pattern SECRET_NAME = Pattern.compile(".*(API_?KEY|SECRET|TOKEN|PASSWORD).*");
  // shorter values are too likely to occur by chance (e.g. TOKEN_LIMIT=4096)
  private static final int MIN_SECRET_LENGTH = 8;

  private static final Redaction ENVIRONMENT = of(System.getenv());

  private final List<String> secrets;

  private Redaction(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** The secrets of this process's environment, read once. */
  static Redaction environment() {
    return ENVIRONMENT;
  }

  /** The secrets among {@code variables} (name → value), by the same rule as {@link #environment()}. */
  static Redaction of(Map<String, String> variables) {
    return new Redaction(variables.entrySet().stream()
        .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
        .map(Map.Entry::getValue)
        .filter(v -> v != null && v.strip().length() >= MIN_SECRET_LENGTH)
        .map(String::strip)
        .distinct()
        // longest first, so a secret that contains another one is masked whole
        .sorted((a, b) -> Integer.compare(b.length(), a.length()))
        .toList());
  }

  /** {@code text} with every secret replaced by {@value #MASK}; null stays null. */
  String apply(String text) {
    if (text == null || secrets.isEmpty()) return text;
    String result = text;
    for (String secret : secrets) if (result.contains(secret)) result = result.replace(secret, MASK);
    return result;
  }
}
