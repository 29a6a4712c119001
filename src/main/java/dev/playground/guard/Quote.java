package dev.playground.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A value as an error message quotes it: on one line (control characters escaped) and at most
 * {@value #MAX_CHARS} characters of it, so that a 10,000-character value gives a short message that says how long
 * it was. Stateless and thread-safe.
 */
public final class Quote {
  /** The most characters of a value a message shows. */
  public static final int MAX_CHARS = 80;
  /** The most characters of another library's message (a JSON parser's) that ours repeats. */
  public static final int MAX_MESSAGE_CHARS = 200;

  private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)]");

  private Quote() {}

  /** {@code "gpt-4o"}; {@code "aaaa…" (10000 characters)} when longer than {@value #MAX_CHARS}; null is "nothing". */
  public static String text(String value) {
    if (value == null) return "nothing";
    return "\"" + escaped(value, true) + "\"" + lengthNote(value);
  }

  /** A JSON value as written (strings quoted as {@link #text}), cut the same way. */
  public static String json(JsonNode node) {
    if (node == null || node.isMissingNode()) return "nothing";
    if (node.isTextual()) return text(node.textValue());
    String written = node.toString();
    return escaped(written, false) + lengthNote(written);
  }

  /** Free text (a file name, a message) cut to {@value #MAX_CHARS} characters, on one line, unquoted. */
  public static String plain(String value) {
    if (value == null) return "nothing";
    return escaped(value, false) + (value.length() > MAX_CHARS ? " (" + value.length() + " characters)" : "");
  }

  /** {@code value} escaped onto one line and cut to {@value #MAX_CHARS} characters (with "…"), nothing added. */
  public static String cut(String value) {
    return value == null ? "" : escaped(value, false);
  }

  /** " (10000 characters)" when {@code value} is longer than {@value #MAX_CHARS}, else "". */
  public static String lengthOf(String value) {
    return value == null ? "" : lengthNote(value);
  }

  /** The first line of another library's message, cut to {@value #MAX_MESSAGE_CHARS} characters. */
  public static String message(String text) {
    if (text == null) return "";
    int cut = text.indexOf('\n');
    // Jackson names its input source ("[Source: REDACTED (…); line: 1, column: 52]"): only the place is of use
    String line = SOURCE.matcher((cut < 0 ? text : text.substring(0, cut)).strip()).replaceAll("line $1, column $2");
    return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + "…";
  }

  private static String lengthNote(String value) {
    return value.length() > MAX_CHARS ? " (" + value.length() + " characters)" : "";
  }

  private static String escaped(String value, boolean quotes) {
    int end = Math.min(value.length(), MAX_CHARS);
    // never split a surrogate pair: half a character is not a character
    if (end < value.length() && end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) end--;
    StringBuilder out = new StringBuilder(end + 8);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append(quotes ? "\\\"" : "\"");
        case '\\' -> out.append(quotes ? "\\\\" : "\\");
        default -> {
          if (Names.isControl(c)) out.append(String.format("\\u%04X", (int) c));
          else out.append(c);
        }
      }
    }
    if (end < value.length()) out.append('…');
    return out.toString();
  }
}
