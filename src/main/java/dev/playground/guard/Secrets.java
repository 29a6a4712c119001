package dev.playground.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secrets this process holds, so that every text it writes or shows can be masked: the values of
 * secret-looking environment variables ({@code OPENAI_API_KEY}, {@code *_TOKEN} …), read once, and every key
 * the app reads to call a provider, registered where it is read (whatever the variable's name). Thread-safe.
 */
public final class Secrets {
  public static final String MASK = "[redacted]";
  private static final Pattern SECRET_NAME = Pattern.compile(".*(API_?KEY|SECRET|TOKEN|PASSWORD).*");
  /** Shorter values are too likely to occur by chance (e.g. TOKEN_LIMIT=4096). */
  public static final int MIN_SECRET_LENGTH = 8;

  private static volatile List<String> secrets = List.of(); // longest first, so a secret inside another is masked whole

  static {
    for (String value : secretValues(System.getenv())) register(value);
  }

  private Secrets() {}

  /** The values among {@code variables} (name → value) whose name looks secret, stripped, at least 8 long. */
  public static List<String> secretValues(Map<String, String> variables) {
    return variables.entrySet().stream()
        .filter(e -> SECRET_NAME.matcher(e.getKey().toUpperCase(Locale.ROOT)).matches())
        .map(Map.Entry::getValue)
        .filter(v -> v != null && v.strip().length() >= MIN_SECRET_LENGTH)
        .map(String::strip)
        .distinct()
        .toList();
  }

  /** Masks {@code value} (stripped) from now on, wherever this process writes text; short values are ignored. */
  public static void register(String value) {
    if (value == null || value.strip().length() < MIN_SECRET_LENGTH) return;
    String v = value.strip();
    if (secrets.contains(v)) return; // the usual case: known already, no lock
    synchronized (Secrets.class) {
      if (secrets.contains(v)) return;
      List<String> next = new ArrayList<>(secrets);
      next.add(v);
      next.sort((a, b) -> Integer.compare(b.length(), a.length()));
      secrets = List.copyOf(next);
    }
  }

  /** {@code text} with every secret replaced by {@value #MASK}; null stays null. */
  public static String redact(String text) {
    return redact(text, secrets);
  }

  /** {@code text} with each of {@code values} (longest first) replaced by {@value #MASK}. */
  public static String redact(String text, List<String> values) {
    if (text == null || values.isEmpty()) return text;
    String result = text;
    for (String secret : values) if (result.contains(secret)) result = result.replace(secret, MASK);
    return result;
  }
}
