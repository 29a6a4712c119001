package dev.playground.events;

import dev.playground.common.WireName;
import dev.playground.common.WireNames;

/** Why a retry waits as long as it does. Immutable. */
public enum RetryReason implements WireName {
  /** The policy's own delay (fixed or backoff, with jitter). */
  BACKOFF("backoff"),
  /** The provider's Retry-After (or retry-after-ms), possibly capped. */
  RETRY_AFTER("retry_after");

  private final String wireName;

  RetryReason(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  public static RetryReason fromWireName(String name) {
    return WireNames.require(RetryReason.class, name, "retry reason");
  }
}
