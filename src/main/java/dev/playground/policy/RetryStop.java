package dev.playground.policy;

import dev.playground.common.WireName;

/** Why a series of attempts at one model ended without an answer. Immutable. */
public enum RetryStop implements WireName {
  /** Every attempt was used. */
  MAX_ATTEMPTS("max_attempts"),
  /** The series' time budget ({@code maxTotalDuration}) was spent. */
  MAX_DURATION("max_duration"),
  /** The failure is in {@code abortOn}: retrying cannot help. */
  ABORT_ON("abort_on"),
  /** The model's breaker is open: the request should move down the chain, not wait here. */
  BREAKER_OPEN("breaker_open"),
  /** The failure is in neither {@code retryOn} nor {@code abortOn}: passed on as it is. */
  NOT_RETRIED("not_retried");

  private final String wireName;

  RetryStop(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }
}
