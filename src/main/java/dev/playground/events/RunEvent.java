package dev.playground.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One step of a run, as one line of the run log. Records are immutable and thread-safe.
 *
 * <p>Every event has {@code seq} (0, 1, 2 … without gaps, assigned when it is published) and {@code tMs}
 * (milliseconds since the run started, on the run clock). Events that belong to a logical request implement
 * {@link RequestEvent}. Field names in the log are the snake_case of the component names; {@link #type()} is
 * the log's {@code type}. Outcomes are {@code "ok"}, a failure's wire name ({@code "rate_limited"},
 * {@code "server_error"} …, see docs/reference/failure-taxonomy.md), or {@code "rejected"} when a policy refused without calling.
 */
public sealed interface RunEvent {
  long seq();

  long tMs();

  /** The log's {@code type} for this event. */
  String type();

  /** An event of one logical request. */
  sealed interface RequestEvent extends RunEvent {
    long req();
  }

  /** The first line: what ran, with which settings. {@code clock} is "live" or "virtual". */
  record RunStarted(long seq, long tMs, long seed, String scenario, String clock, JsonNode policies, JsonNode faults)
      implements RunEvent {
    public String type() { return "run_started"; }
  }

  record RequestStarted(long seq, long tMs, long req, String prompt) implements RequestEvent {
    public String type() { return "request_started"; }
  }

  /**
   * One call about to be sent. {@code attempt} counts every call of the request (1, 2, 3 … across models and
   * rungs; it pairs a start with its finish); {@code modelAttempt} counts calls to this model in this rung.
   */
  record AttemptStarted(
      long seq, long tMs, long req, int attempt, int modelAttempt, String provider, String model, Rung rung)
      implements RequestEvent {
    public String type() { return "attempt_started"; }
  }

  /**
   * One call's result. {@code status} is null when there was no HTTP status; {@code retryAfterMs} is what the
   * provider asked for, or null; {@code headers} holds the resilience-relevant response headers only.
   */
  record AttemptFinished(
      long seq,
      long tMs,
      long req,
      int attempt,
      int modelAttempt,
      String provider,
      String model,
      Rung rung,
      String outcome,
      Integer status,
      double latencyMs,
      Long retryAfterMs,
      String requestId,
      String error,
      Map<String, String> headers)
      implements RequestEvent {
    public AttemptFinished {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String type() { return "attempt_finished"; }

    public boolean ok() { return "ok".equals(outcome); }
  }

  /** A wait before the next call to the same model; {@code retryAfterMs} is what was asked, or null. */
  record RetryScheduled(
      long seq,
      long tMs,
      long req,
      int attempt,
      String provider,
      String model,
      long delayMs,
      RetryReason reason,
      Long retryAfterMs)
      implements RequestEvent {
    public String type() { return "retry_scheduled"; }
  }

  /** {@code breaker} is "provider/model"; {@code failureRate} is 0..1 over the breaker's window. */
  record BreakerChanged(
      long seq, long tMs, String breaker, BreakerState from, BreakerState to, double failureRate, boolean manual)
      implements RunEvent {
    public String type() { return "breaker_changed"; }
  }

  /** An open (or saturated half-open) breaker refused the call: nothing was sent. */
  record BreakerRejected(long seq, long tMs, long req, String breaker) implements RequestEvent {
    public String type() { return "breaker_rejected"; }
  }

  /** A bulkhead or rate limiter refused or delayed the call. {@code policy} is "bulkhead" or "rate_limiter". */
  record Throttled(long seq, long tMs, long req, String policy, long waitedMs, boolean rejected)
      implements RequestEvent {
    public String type() { return "throttled"; }
  }

  /** The request moves down the chain; {@code from} and {@code to} are "provider/model". */
  record FallbackUsed(long seq, long tMs, long req, String from, String to, String reason) implements RequestEvent {
    public String type() { return "fallback_used"; }
  }

  /** A rung of the ladder gave up; the next one is tried. */
  record RungFailed(long seq, long tMs, long req, Rung rung, String reason) implements RequestEvent {
    public String type() { return "rung_failed"; }
  }

  /** The cache answered. {@code stage} is "first" (checked before calling) or "fallback" (the cached rung). */
  record CacheHit(long seq, long tMs, long req, String stage, double ageMs) implements RequestEvent {
    public String type() { return "cache_hit"; }
  }

  /** The answer the user got: which rung, from where, how long, how many calls. */
  record RequestFinished(
      long seq,
      long tMs,
      long req,
      Rung rung,
      String provider,
      String model,
      String outcome,
      double latencyMs,
      int attempts,
      String answer)
      implements RequestEvent {
    public String type() { return "request_finished"; }
  }

  /** A fault plan was applied (or cleared) while the run was going. {@code faults} is the plan's JSON. */
  record FaultsChanged(long seq, long tMs, String provider, JsonNode faults) implements RunEvent {
    public String type() { return "faults_changed"; }
  }

  /** The client's policies were changed while the run was going. {@code policies} is their JSON. */
  record PoliciesChanged(long seq, long tMs, JsonNode policies) implements RunEvent {
    public String type() { return "policies_changed"; }
  }

  /** The last line: the counts (requests, ok, by rung, attempts, …) as a JSON object. */
  record RunFinished(long seq, long tMs, JsonNode counts) implements RunEvent {
    public String type() { return "run_finished"; }
  }
}
