package dev.playground.cli;

import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Bad JSON values drawn from a seeded generator, each written as JSON text: numbers a double reads as 0 or
 * infinity, fractions where a whole number belongs, values past a bound, wrong types, long and control-character
 * text. Stateless; the randomness is the caller's.
 */
enum BadValues {
  TINY(r -> (1 + r.nextInt(9)) + "e-" + (324 + r.nextInt(5_000))),
  SUBNORMAL(r -> (1 + r.nextInt(9)) + "e-" + (301 + r.nextInt(23))),
  HUGE(r -> (1 + r.nextInt(9)) + "e" + (309 + r.nextInt(5_000))),
  FRACTION(r -> r.nextInt(1_000) + "." + (1 + r.nextInt(9))),
  NEGATIVE(r -> "-" + (1 + r.nextInt(100_000))),
  BEYOND_LONG(r -> "9" + digits(r, 19 + r.nextInt(12))),
  NUMBER_AS_TEXT(r -> "\"" + r.nextInt(100) + "\""),
  BOOLEAN(r -> r.nextBoolean() ? "true" : "false"),
  ARRAY(r -> r.nextBoolean() ? "[]" : "[1, 2]"),
  OBJECT(r -> r.nextBoolean() ? "{}" : "{\"a\": 1}"),
  NUMBER(r -> Integer.toString(r.nextInt(1_000))),
  EMPTY_TEXT(r -> r.nextBoolean() ? "\"\"" : "\"   \""),
  LONG_TEXT(r -> "\"" + "x".repeat(201 + r.nextInt(12_000)) + "\""),
  CONTROL_TEXT(r -> "\"gpt" + control(r) + "4o\""),
  UNKNOWN_WORD(r -> "\"" + word(r) + "\"");

  private final Function<SplittableRandom, String> draw;

  BadValues(Function<SplittableRandom, String> draw) {
    this.draw = draw;
  }

  String draw(SplittableRandom random) {
    return draw.apply(random);
  }

  /** A control character as a JSON escape: NUL, BEL, ESC, DEL, a C1 control, a line separator … */
  static String control(SplittableRandom r) {
    int[] codes = {0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f, 0x2028};
    return String.format("\\u%04x", codes[r.nextInt(codes.length)]);
  }

  /** A made-up lower-case word that no field, kind or enum has. */
  static String word(SplittableRandom r) {
    StringBuilder b = new StringBuilder("zz");
    for (int i = 0, n = 3 + r.nextInt(8); i < n; i++) b.append((char) ('a' + r.nextInt(26)));
    return b.toString();
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) b.append((char) ('0' + r.nextInt(10)));
    return b.toString();
  }
}
