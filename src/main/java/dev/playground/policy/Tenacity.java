package dev.playground.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * What Python's tenacity really waits, computed the way its {@code wait.py} does, so that the lesson's presets
 * can be shown next to the truth. Times are in seconds, as in tenacity. Stateless and thread-safe.
 *
 * <p>{@code wait_exponential.__call__} returns {@code max(max(0, min), min(multiplier × exp_base^(n−1), max))}
 * where n is {@code retry_state.attempt_number}, the attempt that just failed (an overflow gives {@code max}).
 * So {@code wait_exponential(multiplier=1, min=4, max=60)} waits 4, 4, 4, 8, 16, 32, 60 … s: the minimum
 * clamps the small early terms instead of shifting the series. {@code wait_random_exponential} draws uniformly
 * between {@code min} and that value. {@code stop_after_attempt(k)} stops after attempt k: k − 1 waits.
 */
public final class Tenacity {
  /** tenacity's default {@code max}: {@code sys.maxsize / 2} on a 64-bit Python. */
  public static final double MAX_WAIT = Long.MAX_VALUE / 2;

  private Tenacity() {}

  /** {@code wait_exponential(multiplier, min, max, exp_base)}. */
  public static WaitExponential waitExponential(double multiplier, double min, double max, double expBase) {
    return new WaitExponential(multiplier, min, max, expBase);
  }

  /** {@code wait_exponential(multiplier, min, max)} with tenacity's default {@code exp_base=2}. */
  public static WaitExponential waitExponential(double multiplier, double min, double max) {
    return new WaitExponential(multiplier, min, max, 2);
  }

  /** {@code wait_random_exponential(multiplier, min, max, exp_base)}: uniform in [min, wait_exponential]. */
  public static WaitRandomExponential waitRandomExponential(double multiplier, double min, double max,
      double expBase) {
    return new WaitRandomExponential(new WaitExponential(multiplier, min, max, expBase));
  }

  /** tenacity's {@code wait_exponential}. Immutable. */
  public record WaitExponential(double multiplier, double min, double max, double expBase) {
    public WaitExponential {
      if (!(multiplier >= 0) || !(min >= 0) || !(max >= 0) || !(expBase > 0))
        throw Checks.fail("multiplier, min and max must be ≥ 0 and exp_base > 0; were "
            + multiplier + ", " + min + ", " + max + ", " + expBase);
    }

    /** The wait after attempt {@code attemptNumber} (1-based) failed. */
    public double after(int attemptNumber) {
      if (attemptNumber < 1) throw Checks.fail("attemptNumber must be ≥ 1, was " + attemptNumber);
      double exp = Math.pow(expBase, attemptNumber - 1);
      double result = multiplier == 0 ? 0 : multiplier * exp;
      if (Double.isInfinite(result) || Double.isNaN(result)) return max; // Python's OverflowError branch
      return Math.max(Math.max(0, min), Math.min(result, max));
    }

    /** The waits of {@code stop_after_attempt(stopAfterAttempt)}: after attempts 1 … k − 1. */
    public List<Double> schedule(int stopAfterAttempt) {
      List<Double> waits = new ArrayList<>();
      for (int n = 1; n < stopAfterAttempt; n++) waits.add(after(n));
      return List.copyOf(waits);
    }

    public String python() {
      return "wait_exponential(multiplier=" + num(multiplier) + ", min=" + num(min) + ", max=" + num(max)
          + (expBase == 2 ? "" : ", exp_base=" + num(expBase)) + ")";
    }
  }

  /** tenacity's {@code wait_random_exponential}: each wait uniform in [min, high]. Immutable. */
  public record WaitRandomExponential(WaitExponential high) {
    /** The range the wait after attempt {@code attemptNumber} is drawn from, {min, max} in seconds. */
    public double[] after(int attemptNumber) {
      return new double[] {Math.max(0, high.min()), high.after(attemptNumber)};
    }

    public List<double[]> schedule(int stopAfterAttempt) {
      List<double[]> waits = new ArrayList<>();
      for (int n = 1; n < stopAfterAttempt; n++) waits.add(after(n));
      return List.copyOf(waits);
    }
  }

  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
