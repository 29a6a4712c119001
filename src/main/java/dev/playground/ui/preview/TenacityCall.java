package dev.playground.ui.preview;

import dev.playground.policy.Tenacity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tenacity settings a preset's Python uses, read from the lesson's own code: the first
 * {@code wait_exponential(...)} and the first {@code stop_after_attempt(n)}. Immutable and thread-safe.
 */
record TenacityCall(Tenacity.WaitExponential waitExponential, int stopAfterAttempt) {
  private static final Pattern WAIT = Pattern.compile("wait_exponential\\(([^)]*)\\)");
  private static final Pattern STOP = Pattern.compile("stop_after_attempt\\(\\s*(\\d{1,6})\\s*\\)");
  private static final Pattern ARG = Pattern.compile("\\s*(\\w+)\\s*=\\s*([0-9.eE+-]+)\\s*");

  /** The settings, or empty when the Python has no {@code wait_exponential} with a {@code stop_after_attempt}. */
  static Optional<TenacityCall> in(String python) {
    if (python == null) return Optional.empty();
    Matcher wait = WAIT.matcher(python);
    Matcher stop = STOP.matcher(python);
    if (!wait.find() || !stop.find()) return Optional.empty();
    // tenacity's defaults: multiplier=1, min=0, max=sys.maxsize/2, exp_base=2
    double multiplier = 1;
    double min = 0;
    double max = Tenacity.MAX_WAIT;
    double expBase = 2;
    String args = wait.group(1).strip();
    if (!args.isEmpty()) {
      for (String arg : args.split(",")) {
        Matcher a = ARG.matcher(arg);
        if (!a.matches()) return Optional.empty(); // positional or computed arguments: not ours to guess
        double v;
        try {
          v = Double.parseDouble(a.group(2));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        switch (a.group(1)) {
          case "multiplier" -> multiplier = v;
          case "min" -> min = v;
          case "max" -> max = v;
          case "exp_base" -> expBase = v;
          default -> {
            return Optional.empty();
          }
        }
      }
    }
    int attempts = Integer.parseInt(stop.group(1));
    if (attempts < 1) return Optional.empty();
    try {
      return Optional.of(new TenacityCall(Tenacity.waitExponential(multiplier, min, max, expBase), attempts));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
