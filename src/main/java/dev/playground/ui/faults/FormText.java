package dev.playground.ui.faults;

import dev.playground.faults.FaultPlanException;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.math.BigDecimal;

/** Reads numbers typed into the form, with messages that name the field and the text. Stateless. */
final class FormText {
  private FormText() {}

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** A whole number, or null when nothing was typed. */
  static Long optionalWhole(String text, String path) {
    if (blank(text)) return null;
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new FaultPlanException(path, path + " must be a whole number, was " + Quote.text(text.trim()));
    }
  }

  static long whole(String text, String path, long ifBlank) {
    Long v = optionalWhole(text, path);
    return v == null ? ifBlank : v;
  }

  static long requiredWhole(String text, String path) {
    if (blank(text)) throw missing(path);
    return optionalWhole(text, path);
  }

  static double requiredNumber(String text, String path) {
    if (blank(text)) throw missing(path);
    return number(text, path, 0);
  }

  static FaultPlanException missing(String path) {
    return new FaultPlanException(path, path + " must be given");
  }

  /** A number; a decimal comma is taken for a point ("0,7" is 0.7). */
  static double number(String text, String path, double ifBlank) {
    if (blank(text)) return ifBlank;
    String t = text.trim();
    if (t.indexOf('.') < 0) t = t.replace(',', '.');
    BigDecimal exact = ExactNumbers.decimal(t);
    if (exact == null) throw new FaultPlanException(path, path + " must be a number, was " + Quote.text(text.trim()));
    Double d = ExactNumbers.real(exact); // 1e-400 would be read as 0: refused, as the plan parser refuses it
    if (d == null)
      throw new FaultPlanException(path, path + " must be " + ExactNumbers.REAL_RULE + ", was " + Quote.text(text.trim()));
    return d;
  }

  /** 1.0 → "1", 0.7 → "0.7": what the form shows for a number, read back to the same double. */
  static String show(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  static String show(Long v) {
    return v == null ? "" : Long.toString(v);
  }
}
