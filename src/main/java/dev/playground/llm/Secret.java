package dev.playground.llm;

import dev.playground.guard.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * An API key held so that it never prints: {@link #toString()} hides it and {@link #scrub} removes it, and every
 * other secret the process holds ({@link Secrets}), from text. Immutable and thread-safe.
 */
final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Reads the key once from the supplier; an empty key is refused with a message that names where to set it. */
  static Secret of(Supplier<String> supplier) {
    String value = supplier == null ? null : supplier.get();
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("apiKey must not be empty (for a real provider set the "
          + OpenAiChatModel.API_KEY_ENV + " environment variable)");
    }
    Secrets.register(value); // so that the run log, exports and the window mask it too
    return new Secret(value.trim());
  }

  String reveal() {
    return value;
  }

  /** {@code text} without this key ("***") or any other secret of the process ({@value Secrets#MASK}). */
  String scrub(String text) {
    return text == null ? null : Secrets.redact(text.replace(value, "***"));
  }

  /** True if this key or another secret of the process appears in the message of {@code t} or of a cause. */
  boolean appearsIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage();
      if (m != null && !m.equals(scrub(m))) return true;
    }
    return false;
  }

  /** A short fingerprint, so that clients can be shared per key without keeping the key as a map key. */
  String fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "***";
  }
}
