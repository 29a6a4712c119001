package dev.playground.lab;

/**
 * How a client waits after a lost write, with the formulas of Marc Brooker's "Exponential Backoff And Jitter"
 * (AWS Architecture Blog, 2015). Immutable and thread-safe.
 *
 * <p>{@code attempt} is the number of lost writes so far (1 before the first retry), as in the published
 * simulator, so the first exponential wait is {@code base·2}.
 */
public enum HerdStrategy {
  /** Retry at once. */
  NO_BACKOFF("none", "No backoff"),
  /** {@code min(cap, base·2^attempt)}. */
  EXPONENTIAL("exponential", "Exponential"),
  /** {@code random(0, min(cap, base·2^attempt))}. */
  FULL_JITTER("full_jitter", "Full jitter"),
  /** {@code v/2 + random(0, v/2)} with {@code v = min(cap, base·2^attempt)}. */
  EQUAL_JITTER("equal_jitter", "Equal jitter"),
  /** {@code min(cap, random(base, previous·3))}, the previous sleep starting at {@code base}. */
  DECORRELATED_JITTER("decorrelated_jitter", "Decorrelated jitter");

  private final String id;
  private final String label;

  HerdStrategy(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The name in the CSV and on the command line, e.g. {@code full_jitter}. */
  public String id() {
    return id;
  }

  /** The name for people, e.g. "Full jitter". */
  public String label() {
    return label;
  }

  /** The strategy with this {@link #id()}. */
  public static HerdStrategy ofId(String id) {
    for (HerdStrategy s : values()) if (s.id.equals(id)) return s;
    throw new IllegalArgumentException("strategy must be one of " + ids() + ", was '" + id + "'");
  }

  static String ids() {
    var names = new StringBuilder();
    for (HerdStrategy s : values()) names.append(names.length() == 0 ? "" : ", ").append(s.id);
    return names.toString();
  }

  /**
   * The sleep in milliseconds before the next try.
   *
   * @param attempt lost writes so far, ≥ 1
   * @param previousMs this client's previous sleep (only decorrelated jitter uses it; {@code base} at first)
   * @param u a uniform random number in [0, 1)
   */
  public double sleepMs(int attempt, double previousMs, double baseMs, double capMs, double u) {
    return switch (this) {
      case NO_BACKOFF -> 0;
      case EXPONENTIAL -> exponential(attempt, baseMs, capMs);
      case FULL_JITTER -> u * exponential(attempt, baseMs, capMs);
      case EQUAL_JITTER -> {
        double v = exponential(attempt, baseMs, capMs);
        yield v / 2 + u * (v / 2);
      }
      case DECORRELATED_JITTER -> Math.min(capMs, baseMs + u * (previousMs * 3 - baseMs));
    };
  }

  private static double exponential(int attempt, double baseMs, double capMs) {
    // scalb overflows to infinity rather than wrapping, and min brings it back to the cap
    return Math.min(capMs, Math.scalb(baseMs, attempt));
  }
}
