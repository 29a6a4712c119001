package dev.playground.events;

/** Why a retry waits as long as it does. Immutable. */
public enum RetryReason {
  /** The policy's own delay (fixed or backoff, with jitter). */
  BACKOFF("backoff"),
  /** The provider's Retry-After (or retry-after-ms), possibly capped. */
  RETRY_AFTER("retry_after");

  private final String wireName;

  RetryReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static RetryReason fromWireName(String name) {
    for (RetryReason r : values()) if (r.wireName.equals(name)) return r;
    throw new IllegalArgumentException("retry reason must be backoff or retry_after; was " + name);
  }
}
