package dev.playground.events;

import dev.playground.guard.Secrets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps secrets out of everything the events room writes: any text that contains a secret this process holds
 * (the value of a secret-looking environment variable such as {@code OPENAI_API_KEY}, or a key the app read to
 * call a provider, see {@link Secrets}) is written with that value replaced. Immutable and thread-safe.
 */
final class Redaction {
  static final String MASK = Secrets.MASK;

  private static final Redaction PROCESS = new Redaction(null);

  private final List<String> secrets; // null: the process's secrets as they are at each call

  private Redaction(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The secrets of this process: its environment's, and every key registered with {@link Secrets} since. */
  static Redaction environment() {
    return PROCESS;
  }

  /** The secrets among {@code variables} (name → value), by the rule of {@link Secrets#secretValues}. */
  static Redaction of(Map<String, String> variables) {
    return new Redaction(Secrets.secretValues(variables).stream()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  /** {@code text} with every secret replaced by {@value #MASK}; null stays null. */
  String apply(String text) {
    return secrets == null ? Secrets.redact(text) : Secrets.redact(text, secrets);
  }
}
