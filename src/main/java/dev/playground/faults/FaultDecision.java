package dev.playground.faults;

/**
 * What happens to one request: the fault, how long to wait before answering, and the headers the answer
 * carries. Immutable and thread-safe.
 *
 * @param kind the fault ({@link FaultKind#OK} for a normal answer)
 * @param latencyMs wait this long before answering (for {@code slow_first_token} on a stream: the headers go
 *     out after the plan's base latency, the first chunk after this); not used by {@code timeout}
 * @param retryAfterS the {@code retry-after} header in seconds, or null for none
 * @param retryAfterMs the {@code retry-after-ms} header, or null for none
 * @param shouldRetry the {@code x-should-retry} header, or null for none
 * @param status the HTTP status to answer with, or 0 when there is no answer ({@code timeout}, {@code reset})
 * @param holdMs for {@code timeout}: how long the connection is held before it is closed; otherwise 0
 * @param baseLatencyMs the part of {@code latencyMs} that came from the plan's base latency
 * @param rule the index of the rule that decided, or -1 (no rule matched, or the fault was forced)
 */
public record FaultDecision(
    FaultKind kind,
    long latencyMs,
    Long retryAfterS,
    Long retryAfterMs,
    Boolean shouldRetry,
    int status,
    long holdMs,
    long baseLatencyMs,
    int rule) {

  /** A {@code timeout} holds the connection this long unless its rule says otherwise. */
  public static final long DEFAULT_HOLD_MS = Latency.MAX_MS;
  /** {@code slow} and {@code slow_first_token} wait this long unless their rule gives a latency. */
  public static final long DEFAULT_SLOW_MS = 5_000;
  /** A {@code rate_limit} sends {@code retry-after: 1} unless its rule sets retry_after_s or retry_after_ms. */
  public static final long DEFAULT_RETRY_AFTER_S = 1;

  public FaultDecision {
    if (kind == null) throw new IllegalArgumentException("kind must not be null");
    if (latencyMs < 0) throw new IllegalArgumentException("latencyMs must be ≥ 0, was " + latencyMs);
    if (baseLatencyMs < 0 || baseLatencyMs > latencyMs)
      throw new IllegalArgumentException("baseLatencyMs must be in [0, latencyMs], was " + baseLatencyMs);
  }

  /** A healthy answer after {@code latencyMs}. */
  public static FaultDecision ok(long latencyMs) {
    return new FaultDecision(FaultKind.OK, latencyMs, null, null, null, 200, 0, latencyMs, -1);
  }

  /**
   * The decision for {@code kind} with its default parameters (no rule), after the base latency: what the
   * {@code X-Playground-Fault} header asks for.
   */
  public static FaultDecision defaults(FaultKind kind, long baseLatencyMs) {
    long extra = kind == FaultKind.SLOW || kind == FaultKind.SLOW_FIRST_TOKEN ? DEFAULT_SLOW_MS : 0;
    Long retryAfterS = kind == FaultKind.RATE_LIMIT ? DEFAULT_RETRY_AFTER_S : null;
    long hold = kind == FaultKind.TIMEOUT ? DEFAULT_HOLD_MS : 0;
    long latency = Math.min(Latency.MAX_MS, baseLatencyMs + extra);
    return new FaultDecision(kind, latency, retryAfterS, null, null, kind.status(), hold, Math.min(baseLatencyMs, latency), -1);
  }

  public boolean isOk() {
    return kind == FaultKind.OK;
  }

  /** The delay a rule added on top of the base latency (for {@code slow_first_token}: before the first chunk). */
  public long extraLatencyMs() {
    return latencyMs - baseLatencyMs;
  }
}
