package dev.playground.ui.faults;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Target;

/**
 * The one-click faults, as ordinary rules the user can then see and edit. Their windows start when the plan
 * is applied. Stateless.
 */
public final class QuickFaults {
  /** The storm's share of requests answered 429. */
  public static final double STORM_PROBABILITY = 0.7;
  /** The storm's Retry-After, in seconds. */
  public static final long STORM_RETRY_AFTER_S = 2;
  public static final long MAX_SECONDS = 86_400;

  private QuickFaults() {}

  /**
   * An outage of {@code seconds} from the moment the plan is applied: every chat request gets 503; for the
   * engine, every retrieval fails.
   */
  public static FaultRule outage(long seconds, boolean engine) {
    FaultRule rule = engine
        ? FaultRule.of(FaultKind.SERVER_ERROR).withTarget(Target.RETRIEVER)
        : FaultRule.of(FaultKind.SERVICE_UNAVAILABLE);
    return rule.withWindow(0, seconds * 1000).withNote("outage for " + seconds + " s");
  }

  /** A rate-limit storm of {@code seconds}: 70 % of requests get 429 with Retry-After: 2. */
  public static FaultRule storm(long seconds) {
    return FaultRule.of(FaultKind.RATE_LIMIT)
        .withProbability(STORM_PROBABILITY)
        .withRetryAfterSeconds(STORM_RETRY_AFTER_S)
        .withWindow(0, seconds * 1000)
        .withNote("rate-limit storm for " + seconds + " s");
  }

  /** The duration typed for a quick fault; throws with a message naming the field and the text. */
  static long seconds(String text) {
    String t = text == null ? "" : text.trim();
    long s;
    try {
      s = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("duration must be a whole number of seconds, was \"" + t + "\"");
    }
    if (s < 1 || s > MAX_SECONDS)
      throw new IllegalArgumentException("duration must be in [1, " + MAX_SECONDS + "] s, was " + s);
    return s;
  }
}
