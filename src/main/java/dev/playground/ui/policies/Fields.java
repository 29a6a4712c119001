package dev.playground.ui.policies;

import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Reads what is typed into a policy field, naming the field (as the specs do) and the text when it is not a
 * number of the right sort. Each returns null after recording the problem. Stateless.
 */
final class Fields {
  private Fields() {}

  static Integer whole(String text, String name, String key, Errors errors) {
    String t = trim(text);
    if (t.isEmpty()) return missing(name, key, errors);
    try {
      return Integer.parseInt(t);
    } catch (NumberFormatException e) {
      errors.add(key, name + " must be a whole number, was " + Quote.text(t));
      return null;
    }
  }

  static Duration millis(String text, String name, String key, Errors errors) {
    String t = trim(text);
    if (t.isEmpty()) return missing(name, key, errors);
    try {
      return Duration.ofMillis(Long.parseLong(t));
    } catch (NumberFormatException e) {
      errors.add(key, name + " must be a whole number of milliseconds, was " + Quote.text(t));
      return null;
    }
  }

  /** A number; a decimal comma is taken for a point. */
  static Double number(String text, String name, String key, Errors errors) {
    String t = trim(text);
    if (t.isEmpty()) return missing(name, key, errors);
    String n = t.indexOf('.') < 0 ? t.replace(',', '.') : t;
    BigDecimal exact = ExactNumbers.decimal(n);
    Double d = ExactNumbers.real(exact); // 1e-400 would be read as 0: refused, as the JSON reader refuses it
    if (d != null) return d;
    errors.add(key, name + " must be " + (exact == null ? "a number" : ExactNumbers.REAL_RULE) + ", was " + Quote.text(t));
    return null;
  }

  static String ms(Duration d) {
    return Long.toString(d.toMillis());
  }

  /** 2.0 → "2", 0.5 → "0.5": read back to the same double. */
  static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static <T> T missing(String name, String key, Errors errors) {
    errors.add(key, name + " must be given");
    return null;
  }

  private static String trim(String text) {
    return text == null ? "" : text.trim();
  }
}
