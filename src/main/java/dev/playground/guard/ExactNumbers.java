package dev.playground.guard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;

/**
 * Numbers taken only when Java holds them as written: a whole number must fit a {@code long} and have no
 * fraction ({@code 1.5} and {@code 1e-400} are refused, {@code 1e3} is 1000); any other number must be 0 or of
 * a magnitude a {@code double} holds without overflowing to infinity or underflowing to 0 (from
 * {@value #MIN_MAGNITUDE} to {@value #MAX_MAGNITUDE}). JSON must be read with
 * {@link DeserializationFeature#USE_BIG_DECIMAL_FOR_FLOATS} (see {@link #strict}), or Jackson turns
 * {@code 1e-400} into 0 before anyone can look. Stateless and thread-safe.
 */
public final class ExactNumbers {
  public static final double MIN_MAGNITUDE = 1e-300;
  public static final double MAX_MAGNITUDE = 1e300;
  /** What a whole-number field takes, worded to follow "must be". */
  public static final String WHOLE_RULE = "a whole number (64-bit)";
  /** What a number field takes, worded to follow "must be". */
  public static final String REAL_RULE = "a number a 64-bit float holds (0, or a magnitude from 1e-300 to 1e300)";

  private static final int MAX_LITERAL_CHARS = 1_000; // Jackson's own limit on a number's length
  private static final int MAX_EXPONENT = 300;
  private static final BigDecimal LARGEST = BigDecimal.TEN.pow(MAX_EXPONENT);

  private ExactNumbers() {}

  /** A JSON mapper builder that keeps every decimal as written, for readers that check numbers here. */
  public static JsonMapper.Builder strict() {
    return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /** The exact value of a JSON number, or null when {@code node} is not a finite number. */
  public static BigDecimal decimal(JsonNode node) {
    if (node == null || !node.isNumber()) return null;
    if (node.isDouble() || node.isFloat()) {
      double d = node.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return node.decimalValue();
  }

  /** The value of a number as typed ({@code "0.7"}, {@code "-3"}, {@code "1e3"}), or null when it is not one. */
  public static BigDecimal decimal(String text) {
    if (text == null) return null;
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_LITERAL_CHARS) return null;
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The long equal to {@code d}, or null when it has a fraction or does not fit 64 bits. */
  public static Long whole(BigDecimal d) {
    if (d == null) return null;
    if (d.signum() == 0) return 0L;
    long integerDigits = (long) d.precision() - d.scale(); // cheap, even for 1e999999999
    if (integerDigits > 19 || integerDigits < 1) return null;
    if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) return null;
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** True if {@code d} has a fraction (1.5, 1e-400), false for whole numbers however large (1e400). */
  public static boolean fractional(BigDecimal d) {
    if (d.signum() == 0 || d.scale() <= 0) return false;
    if ((long) d.precision() - d.scale() < 1) return true;
    return d.stripTrailingZeros().scale() > 0;
  }

  /** The double nearest {@code d}, or null when a double would read it as 0 or infinity (or lose its digits). */
  public static Double real(BigDecimal d) {
    if (d == null) return null;
    if (d.signum() == 0) return 0.0;
    long exponent = (long) d.precision() - d.scale() - 1; // d = m × 10^exponent, 1 ≤ |m| < 10
    if (exponent < -MAX_EXPONENT || exponent > MAX_EXPONENT) return null;
    if (exponent == MAX_EXPONENT && d.abs().compareTo(LARGEST) > 0) return null;
    return d.doubleValue();
  }

  /** {@link #whole(BigDecimal)} of a JSON node. */
  public static Long whole(JsonNode node) {
    return whole(decimal(node));
  }

  /** {@link #real(BigDecimal)} of a JSON node. */
  public static Double real(JsonNode node) {
    return real(decimal(node));
  }
}
