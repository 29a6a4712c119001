package dev.playground.guard;

/**
 * The rule for names a user types and a program compares (model names, provider names, breaker names): not
 * blank, not too long, and no control characters, which no real name has and which would break lines, headers
 * and logs. Stateless and thread-safe.
 */
public final class Names {
  /** The longest model name taken (OpenAI's are under 40; deployment names and local tags stay far below). */
  public static final int MAX_MODEL_CHARS = 200;

  private Names() {}

  /**
   * Null when {@code name} is a good name of at most {@code maxChars} characters; otherwise the rule it breaks,
   * worded to follow a field: "must not contain control characters (U+0000 at index 3)".
   */
  public static String problem(String name, int maxChars) {
    if (name == null || name.isBlank()) return "must not be empty";
    if (name.length() > maxChars) return "must be at most " + maxChars + " characters, had " + name.length();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isControl(c))
        return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at index " + i + ")";
    }
    return null;
  }

  /** A C0 or C1 control character, DEL, or a line or paragraph separator. */
  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
  }
}
