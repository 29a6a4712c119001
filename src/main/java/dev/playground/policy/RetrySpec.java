package dev.playground.policy;

import static dev.playground.llm.FailureKind.AUTH;
import static dev.playground.llm.FailureKind.CONTEXT_LENGTH;
import static dev.playground.llm.FailureKind.INVALID_REQUEST;
import static dev.playground.llm.FailureKind.MALFORMED_RESPONSE;
import static dev.playground.llm.FailureKind.NETWORK;
import static dev.playground.llm.FailureKind.NOT_FOUND;
import static dev.playground.llm.FailureKind.PERMISSION;
import static dev.playground.llm.FailureKind.RATE_LIMITED;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.llm.FailureKind.TIMEOUT;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.playground.llm.FailureKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Retry settings for the attempts at one model: how many, how long to wait between them, which failures are
 * retried, which stop at once, and which bad answers are retried. Immutable and thread-safe.
 *
 * <p>All durations have millisecond resolution. See docs/reference/policies.md for the JSON form and
 * the defaults; {@link RetryPolicies} builds the Failsafe policy, {@link RetryDelays} computes its waits.
 *
 * @param maxAttempts attempts in all, the first one included (1 = no retry)
 * @param maxTotalDuration budget for the whole series on the run clock; {@link Duration#ZERO} = none
 * @param delay the wait after the first failed attempt (the only wait without backoff)
 * @param backoff exponential growth of the wait, or null for a fixed delay
 * @param jitterFactor used by {@link Jitter#PROPORTIONAL} only, in [0, 1]
 * @param retryAfterCap the longest wait a provider's Retry-After can impose
 * @param retryOn failure kinds that are retried
 * @param abortOn failure kinds that stop the series at once
 * @param retryOnResult answer defects that are retried (a defective answer is otherwise returned as it is)
 */
public record RetrySpec(
    int maxAttempts,
    Duration maxTotalDuration,
    Duration delay,
    BackoffSpec backoff,
    Jitter jitter,
    double jitterFactor,
    boolean honourRetryAfter,
    Duration retryAfterCap,
    Set<FailureKind> retryOn,
    Set<FailureKind> abortOn,
    Set<FailureKind> retryOnResult) {

  public static final int MAX_ATTEMPTS_LIMIT = 100;
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
  public static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(60);
  /** The transient kinds: the lesson's "retryable" column. */
  public static final Set<FailureKind> DEFAULT_RETRY_ON =
      Kinds.of(RATE_LIMITED, SERVER_ERROR, TIMEOUT, NETWORK, MALFORMED_RESPONSE);
  /** 400, 400 context_length_exceeded, 401, 403, 404: retrying cannot help. */
  public static final Set<FailureKind> DEFAULT_ABORT_ON =
      Kinds.of(INVALID_REQUEST, CONTEXT_LENGTH, AUTH, PERMISSION, NOT_FOUND);

  public RetrySpec {
    Checks.range("maxAttempts", maxAttempts, 1, MAX_ATTEMPTS_LIMIT);
    maxTotalDuration = Checks.millis("maxTotalDuration", maxTotalDuration);
    delay = Checks.millis("delay", delay);
    Checks.notNull("jitter", jitter);
    retryAfterCap = Checks.millis("retryAfterCap", retryAfterCap);
    if (!(jitterFactor >= 0 && jitterFactor <= 1))
      throw Checks.fail("jitterFactor must be in [0, 1], was " + jitterFactor);
    if (backoff != null) {
      if (delay.isZero()) throw Checks.fail("delay must be > 0 ms with backoff, was 0 ms");
      if (backoff.maxDelay().compareTo(delay) < 0)
        throw Checks.fail("maxDelay (" + Checks.ms(backoff.maxDelay()) + ") must be ≥ delay (" + Checks.ms(delay) + ")");
    }
    if (jitter == Jitter.DECORRELATED && backoff == null)
      throw Checks.fail("jitter decorrelated needs backoff: its maxDelay is the cap");
    if (!maxTotalDuration.isZero() && maxTotalDuration.compareTo(delay) <= 0)
      throw Checks.fail("maxTotalDuration (" + Checks.ms(maxTotalDuration) + ") must be > delay ("
          + Checks.ms(delay) + "), or 0 ms for none");
    retryOn = Kinds.failuresOnly("retryOn", retryOn);
    abortOn = Kinds.failuresOnly("abortOn", abortOn);
    retryOnResult = Kinds.defectsOnly("retryOnResult", retryOnResult);
    EnumSet<FailureKind> both = EnumSet.noneOf(FailureKind.class);
    both.addAll(retryOn);
    both.retainAll(abortOn);
    if (!both.isEmpty())
      throw Checks.fail(Kinds.names(both) + " cannot be in both retryOn and abortOn");
  }

  /** Three attempts, 2 s apart, Retry-After honoured up to 60 s, the transient kinds retried. */
  public static RetrySpec defaults() {
    return new RetrySpec(DEFAULT_MAX_ATTEMPTS, Duration.ZERO, DEFAULT_DELAY, null, Jitter.NONE, 0, true,
        DEFAULT_RETRY_AFTER_CAP, DEFAULT_RETRY_ON, DEFAULT_ABORT_ON, Set.of());
  }

  public RetrySpec withMaxAttempts(int n) {
    return new RetrySpec(n, maxTotalDuration, delay, backoff, jitter, jitterFactor, honourRetryAfter, retryAfterCap,
        retryOn, abortOn, retryOnResult);
  }

  public RetrySpec withMaxTotalDuration(Duration d) {
    return new RetrySpec(maxAttempts, d, delay, backoff, jitter, jitterFactor, honourRetryAfter, retryAfterCap,
        retryOn, abortOn, retryOnResult);
  }

  public RetrySpec withDelay(Duration d) {
    return new RetrySpec(maxAttempts, maxTotalDuration, d, backoff, jitter, jitterFactor, honourRetryAfter,
        retryAfterCap, retryOn, abortOn, retryOnResult);
  }

  /** Exponential backoff from {@code delay} to {@code maxDelay}. */
  public RetrySpec withBackoff(Duration delay, Duration maxDelay, double factor) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, new BackoffSpec(maxDelay, factor), jitter,
        jitterFactor, honourRetryAfter, retryAfterCap, retryOn, abortOn, retryOnResult);
  }

  /** A fixed delay: no backoff (and no decorrelated jitter, which needs one). */
  public RetrySpec withoutBackoff() {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, null, jitter, jitterFactor, honourRetryAfter,
        retryAfterCap, retryOn, abortOn, retryOnResult);
  }

  public RetrySpec withJitter(Jitter kind, double factor) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, backoff, kind, factor, honourRetryAfter,
        retryAfterCap, retryOn, abortOn, retryOnResult);
  }

  public RetrySpec withRetryAfter(boolean honour, Duration cap) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, backoff, jitter, jitterFactor, honour, cap,
        retryOn, abortOn, retryOnResult);
  }

  public RetrySpec withRetryOn(Set<FailureKind> kinds) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, backoff, jitter, jitterFactor, honourRetryAfter,
        retryAfterCap, kinds, abortOn, retryOnResult);
  }

  public RetrySpec withAbortOn(Set<FailureKind> kinds) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, backoff, jitter, jitterFactor, honourRetryAfter,
        retryAfterCap, retryOn, kinds, retryOnResult);
  }

  public RetrySpec withRetryOnResult(Set<FailureKind> defects) {
    return new RetrySpec(maxAttempts, maxTotalDuration, delay, backoff, jitter, jitterFactor, honourRetryAfter,
        retryAfterCap, retryOn, abortOn, defects);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static RetrySpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static RetrySpec read(JsonNode node, String path) {
    var f = JsonFields.of(node, path, "max_attempts", "max_total_duration_ms", "delay_ms", "backoff", "jitter",
        "jitter_factor", "honour_retry_after", "retry_after_cap_ms", "retry_on", "abort_on", "retry_on_result");
    int maxAttempts = f.integer("max_attempts", DEFAULT_MAX_ATTEMPTS);
    Duration maxTotal = f.millis("max_total_duration_ms", Duration.ZERO);
    Duration delay = f.millis("delay_ms", DEFAULT_DELAY);
    JsonNode backoffNode = f.child("backoff");
    BackoffSpec backoff = backoffNode == null ? null : BackoffSpec.read(backoffNode, f.at("backoff"));
    String jitterName = f.text("jitter", Jitter.NONE.wireName());
    double jitterFactor = f.number("jitter_factor", 0);
    boolean honour = f.bool("honour_retry_after", true);
    Duration cap = f.millis("retry_after_cap_ms", DEFAULT_RETRY_AFTER_CAP);
    Set<FailureKind> retryOn = f.kinds("retry_on", DEFAULT_RETRY_ON);
    Set<FailureKind> abortOn = f.kinds("abort_on", DEFAULT_ABORT_ON);
    Set<FailureKind> onResult = f.kinds("retry_on_result", Set.of());
    return JsonFields.build(path, () -> new RetrySpec(maxAttempts, maxTotal, delay, backoff,
        Jitter.fromWireName(jitterName), jitterFactor, honour, cap, retryOn, abortOn, onResult));
  }

  @JsonValue
  ObjectNode toJson() {
    ObjectNode n = JsonFields.object();
    n.put("max_attempts", maxAttempts);
    JsonFields.putMillis(n, "max_total_duration_ms", maxTotalDuration);
    JsonFields.putMillis(n, "delay_ms", delay);
    if (backoff != null) n.set("backoff", backoff.toJson());
    n.put("jitter", jitter.wireName());
    n.put("jitter_factor", jitterFactor);
    n.put("honour_retry_after", honourRetryAfter);
    JsonFields.putMillis(n, "retry_after_cap_ms", retryAfterCap);
    JsonFields.putKinds(n, "retry_on", retryOn);
    JsonFields.putKinds(n, "abort_on", abortOn);
    JsonFields.putKinds(n, "retry_on_result", retryOnResult);
    return n;
  }
}
