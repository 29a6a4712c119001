package dev.playground.ui;

import dev.playground.llm.FailureKind;

/** How the charts and the log colour an attempt's outcome. Immutable. */
public enum OutcomeClass {
  OK("ok"),
  /** A failure that may go away on retry: 429, 5xx, timeout, network, malformed. */
  RETRYABLE("retryable failure"),
  /** A failure that retrying cannot fix: 400, 401, 403, 404, unknown. */
  FATAL("fatal"),
  /** A 200 whose answer is unusable: empty, truncated, filtered, cut stream. */
  DEFECT("answer defect"),
  /** A policy refused without calling (open breaker, bulkhead, rate limiter). */
  REJECTED("rejected");

  private final String label;

  OutcomeClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The class of a run-log {@code outcome}; unknown names are fatal. */
  public static OutcomeClass of(String outcome) {
    if (outcome == null || "ok".equals(outcome)) return OK;
    if ("rejected".equals(outcome)) return REJECTED;
    return FailureKind.fromWireName(outcome)
        .map(k -> k.isAnswerDefect() ? DEFECT : k.isTransient() ? RETRYABLE : FATAL)
        .orElse(FATAL);
  }
}
