package dev.playground.clock;

import java.util.Arrays;

/**
 * The run's seeded randomness, as pure functions: the same seed and the same coordinates (request, attempt,
 * rule …) give the same number, whatever thread asks and in whatever order. Thread-safe (stateless).
 * Nothing in a run may use {@code Math.random()}.
 */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit value for the seed and the coordinates (SplitMix64 finaliser, chained). */
  public static long mix(long seed, long... coordinates) {
    long h = avalanche(seed ^ 0x9E3779B97F4A7C15L);
    for (long c : coordinates) h = avalanche(h ^ avalanche(c + 0x9E3779B97F4A7C15L));
    return h;
  }

  /** A number in [0, 1) for the seed and the coordinates. */
  public static double unit(long seed, long... coordinates) {
    return (mix(seed, coordinates) >>> 11) * 0x1.0p-53;
  }

  /** A standard normal number for the seed and the coordinates (Box–Muller on two derived uniforms). */
  public static double gaussian(long seed, long... coordinates) {
    long[] a = Arrays.copyOf(coordinates, coordinates.length + 1);
    long[] b = a.clone();
    a[a.length - 1] = 1;
    b[b.length - 1] = 2;
    double u1 = Math.max(unit(seed, a), 0x1.0p-53);
    double u2 = unit(seed, b);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A stable 64-bit code for a string (for models, provider names, prompts as coordinates). */
  public static long of(String s) {
    long h = 1125899906842597L;
    for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
    return avalanche(h);
  }

  private static long avalanche(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
