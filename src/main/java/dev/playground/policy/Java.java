package dev.playground.policy;

import dev.playground.llm.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Java source literals and names for the generated code view. Stateless, thread-safe. */
final class Java {
  private Java() {}

  static String duration(Duration d) {
    if (d.isZero()) return "Duration.ZERO";
    long ms = d.toMillis();
    return ms % 1000 == 0 ? "Duration.ofSeconds(" + ms / 1000 + ")" : "Duration.ofMillis(" + ms + ")";
  }

  /** A double literal that reads back as the same value. */
  static String number(double v) {
    return Double.toString(v);
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  /** Text safe inside any comment: one line, no comment end, no unicode escapes javac would decode. */
  static String comment(String s) {
    return s.replace("\\", "\\\\").replace("*/", "* /").replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
  }

  /** An {@code EnumSet} expression, wrapped after every three kinds. */
  static String kinds(Set<FailureKind> kinds) {
    if (kinds.isEmpty()) return "EnumSet.noneOf(FailureKind.class)";
    List<String> names = kinds.stream().map(k -> "FailureKind." + k.name()).toList();
    if (names.size() <= 2) return names.stream().collect(Collectors.joining(", ", "EnumSet.of(", ")"));
    StringBuilder b = new StringBuilder("EnumSet.of(");
    for (int i = 0; i < names.size(); i++) {
      if (i % 3 == 0) b.append("\n      ");
      b.append(names.get(i)).append(i + 1 < names.size() ? (i % 3 == 2 ? "," : ", ") : ")");
    }
    return b.toString();
  }

  /** "2 s", "1500 ms", "10 min": a duration as a person reads it, for comments. */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms >= 60_000 && ms % 60_000 == 0) return ms / 60_000 + " min";
    if (ms >= 1000 && ms % 1000 == 0) return ms / 1000 + " s";
    return ms + " ms";
  }

  /** 2.0 → "2", 1.5 → "1.5": a factor as a person reads it, for comments. */
  static String humanNumber(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** "openai/gpt-4o-mini" → "OPENAI_GPT_4O_MINI". */
  static String constant(String text) {
    String s = text.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase();
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "M_" + s : s;
  }

  /** "openai/gpt-4o-mini" → "openaiGpt4oMini". */
  static String camel(String text) {
    StringBuilder b = new StringBuilder();
    for (String part : text.split("[^A-Za-z0-9]+")) {
      if (part.isEmpty()) continue;
      b.append(b.length() == 0 ? part.toLowerCase() : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    String s = b.toString();
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "m" + s : s;
  }
}
