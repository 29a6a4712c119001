package dev.playground.cli;

import static dev.playground.cli.BadValues.ARRAY;
import static dev.playground.cli.BadValues.BEYOND_LONG;
import static dev.playground.cli.BadValues.BOOLEAN;
import static dev.playground.cli.BadValues.CONTROL_TEXT;
import static dev.playground.cli.BadValues.EMPTY_TEXT;
import static dev.playground.cli.BadValues.FRACTION;
import static dev.playground.cli.BadValues.HUGE;
import static dev.playground.cli.BadValues.LONG_TEXT;
import static dev.playground.cli.BadValues.NEGATIVE;
import static dev.playground.cli.BadValues.NUMBER;
import static dev.playground.cli.BadValues.NUMBER_AS_TEXT;
import static dev.playground.cli.BadValues.OBJECT;
import static dev.playground.cli.BadValues.SUBNORMAL;
import static dev.playground.cli.BadValues.TINY;
import static dev.playground.cli.BadValues.UNKNOWN_WORD;

import java.util.Arrays;
import java.util.List;

/**
 * What can be broken in each kind of document, field by field: the field's path in a valid document, values
 * that break its rule (a {@link BadValues} drawn at random, or a literal JSON value), and what the refusal must
 * name (groups that must all appear, each a list of alternatives separated by '|'). Immutable.
 */
final class Breakages {
  /** One field and how to break it; a null value removes the field. */
  record Breakage(String path, List<Object> values, List<String> expect) {}

  /** A valid fault plan for a provider: one rule of each shape the fields below need. */
  static final String PLAN = """
      {"seed": 42, "base_latency": {"fixed_ms": 10},
       "rules": [
         {"kind": "rate_limit", "probability": 0.5, "retry_after_s": 2, "retry_after_ms": 1500, "should_retry": true,
          "window": {"from_ms": 0, "to_ms": 60000}, "models": ["gpt-4o"], "note": "a storm"},
         {"sequence": ["rate_limit", "ok"], "repeat": true},
         {"kind": "slow", "latency": {"uniform": {"min_ms": 100, "max_ms": 200}}},
         {"kind": "timeout", "hold_ms": 5000},
         {"kind": "server_error", "status": 503, "latency": {"lognormal": {"median_ms": 200, "sigma": 0.5}}}]}
      """;

  /** A valid policy set that uses every policy. */
  static final String POLICIES = """
      {"chain": [{"provider": "sim", "model": "gpt-4o"}, {"provider": "sim", "model": "gpt-4o-mini"}],
       "retry": {"max_attempts": 3, "delay_ms": 200, "backoff": {"max_delay_ms": 2000, "factor": 2.0}, "jitter": "full",
                 "honour_retry_after": true, "retry_after_cap_ms": 10000, "retry_on": ["rate_limited", "timeout"]},
       "breaker": {"failure_threshold": {"failures": 3, "executions": 5}, "success_threshold": {"successes": 1,
                   "executions": 1}, "delay_ms": 10000},
       "timeout": {"per_attempt_ms": 5000},
       "bulkhead": {"max_concurrent": 10, "max_wait_ms": 100},
       "rate_limiter": {"mode": "smooth", "permits": 10, "period_ms": 1000},
       "cache": {"enabled": true, "ttl_ms": 60000, "max_size": 100},
       "ladder": {"full": true, "limited": true, "cached": true, "error": true, "error_message": "Sorry."}}
      """;

  /** A valid scenario around the plan and the policies above. */
  static final String SCENARIO = """
      {"name": "fuzz", "title": "Fuzz", "seed": 7, "watch": ["the breaker"],
       "providers": [{"name": "sim", "models": ["gpt-4o", "gpt-4o-mini"], "faults": %s}],
       "engine_faults": {"rules": [{"kind": "server_error", "target": "retriever", "probability": 0.5}]},
       "policies": %s,
       "load": {"requests": 3, "concurrency": 2, "prompts": ["What is a circuit breaker?", "And a retry?"],
                "stream": false}}
      """.formatted(PLAN, POLICIES);

  static final List<Breakage> PLAN_FIELDS = List.of(
      b("seed", v(TINY, SUBNORMAL, HUGE, FRACTION, BEYOND_LONG, NUMBER_AS_TEXT, BOOLEAN, ARRAY, OBJECT), "seed"),
      b("base_latency", v(ARRAY, NUMBER, "{}", "{\"fixed_ms\": 1, \"uniform\": {\"min_ms\": 1, \"max_ms\": 2}}"),
          "base_latency"),
      b("base_latency.fixed_ms", v(TINY, HUGE, FRACTION, NEGATIVE, BEYOND_LONG, NUMBER_AS_TEXT, "600001"),
          "base_latency.fixed_ms"),
      b("rules", v(OBJECT, NUMBER, "\"rules\"", "[1]"), "rules"),
      b("rules[0].kind", v(UNKNOWN_WORD, LONG_TEXT, CONTROL_TEXT, NUMBER, EMPTY_TEXT, null), "rules[0]"),
      b("rules[0].probability", v(TINY, SUBNORMAL, HUGE, NEGATIVE, NUMBER_AS_TEXT, BOOLEAN, "1.0001", "1e6"),
          "rules[0].probability"),
      b("rules[0].retry_after_s", v(TINY, HUGE, FRACTION, NEGATIVE, NUMBER_AS_TEXT, "86401"), "rules[0].retry_after_s"),
      b("rules[0].retry_after_ms", v(TINY, FRACTION, NEGATIVE, "86400001"), "rules[0].retry_after_ms"),
      b("rules[0].should_retry", v(NUMBER, NUMBER_AS_TEXT, OBJECT), "rules[0].should_retry"),
      b("rules[0].window", v(NUMBER, ARRAY, UNKNOWN_WORD), "rules[0].window"),
      b("rules[0].window.from_ms", v(TINY, FRACTION, NEGATIVE, HUGE), "rules[0].window.from_ms"),
      b("rules[0].window.to_ms", v("0", NEGATIVE, TINY), "rules[0].window"),
      b("rules[0].models", v("[]", "[\"\"]", "[\"gpt\\u0000\"]", "[1]", UNKNOWN_WORD,
          "[\"" + "m".repeat(201) + "\"]"), "rules[0].models"),
      b("rules[0].target", v(UNKNOWN_WORD, NUMBER, "\"retriever\"", "\"cache\""), "rules[0].target"),
      b("rules[0].note", v(LONG_TEXT, NUMBER, ARRAY), "rules[0].note"),
      b("rules[0].sequence", v("[\"ok\"]"), "rules[0]"),
      b("rules[1].sequence", v("[]", "[\"nope\"]", UNKNOWN_WORD, NUMBER, CONTROL_TEXT), "rules[1].sequence"),
      b("rules[1].repeat", v(NUMBER, NUMBER_AS_TEXT, UNKNOWN_WORD), "rules[1].repeat"),
      b("rules[2].latency", v("{}", UNKNOWN_WORD, NUMBER, "{\"fixed_ms\": 1, \"lognormal\": {\"median_ms\": 1, "
          + "\"sigma\": 1}}"), "rules[2].latency"),
      b("rules[2].latency.uniform.min_ms", v(NEGATIVE, TINY, FRACTION, "300", null), "rules[2].latency.uniform"),
      b("rules[2].latency.uniform.max_ms", v("50", NEGATIVE, HUGE, "600001"), "rules[2].latency.uniform"),
      b("rules[2].retry_after_s", v("1"), "rules[2].retry_after_s"),
      b("rules[2].status", v("503"), "rules[2].status"),
      b("rules[3].hold_ms", v(NEGATIVE, TINY, FRACTION, "600001"), "rules[3].hold_ms"),
      b("rules[4].status", v("404", "99", "600", TINY, FRACTION, NUMBER_AS_TEXT), "rules[4].status"),
      b("rules[4].latency.lognormal.median_ms", v("0", NEGATIVE, TINY, "600001", null),
          "rules[4].latency.lognormal.median_ms"),
      b("rules[4].latency.lognormal.sigma", v(NEGATIVE, "3.5", TINY, HUGE, null), "rules[4].latency.lognormal.sigma"),
      b("rules[4].hold_ms", v("1000"), "rules[4].hold_ms"));

  static final List<Breakage> POLICY_FIELDS = List.of(
      b("chain", v("[]", UNKNOWN_WORD, OBJECT, null, "[" + "{\"provider\": \"sim\", \"model\": \"m\"},".repeat(10)
          + "{\"provider\": \"sim\", \"model\": \"n\"}]"), "chain"),
      b("chain[1].model", v(CONTROL_TEXT, EMPTY_TEXT, NUMBER, LONG_TEXT, "\"gpt-4o\""), "chain[1]"),
      b("chain[0].provider", v("\"a/b\"", EMPTY_TEXT, CONTROL_TEXT, null), "chain[0]"),
      b("retry.max_attempts", v("0", "101", NEGATIVE, FRACTION, TINY, HUGE, NUMBER_AS_TEXT), "retry",
          "max_attempts|maxAttempts"),
      b("retry.delay_ms", v(NEGATIVE, FRACTION, TINY, SUBNORMAL, "86400001", NUMBER_AS_TEXT), "retry", "delay"),
      b("retry.backoff.max_delay_ms", v("100", NEGATIVE, TINY), "retry", "max_delay|maxDelay"),
      b("retry.backoff.factor", v("1", "11", NEGATIVE, TINY, HUGE, NUMBER_AS_TEXT), "retry", "factor"),
      b("retry.jitter", v(UNKNOWN_WORD, NUMBER), "retry", "jitter"),
      b("retry.retry_on", v("[\"teapot\"]", UNKNOWN_WORD, "[1]"), "retry.retry_on"),
      b("retry.abort_on", v("[\"rate_limited\"]"), "retry", "abortOn|abort_on"),
      b("retry.retry_after_cap_ms", v(NEGATIVE, TINY, FRACTION), "retry", "retry_after_cap|retryAfterCap"),
      b("retry.honour_retry_after", v(NUMBER, UNKNOWN_WORD), "retry.honour_retry_after"),
      b("breaker.failure_threshold.failures", v("0", "6", NEGATIVE, TINY), "breaker", "failure"),
      b("breaker.delay_ms", v("0", NEGATIVE, TINY), "breaker", "delay"),
      b("timeout.per_attempt_ms", v("0", NEGATIVE, TINY, FRACTION, "86400001"), "timeout", "per_attempt|perAttempt"),
      b("bulkhead.max_concurrent", v("0", "10001", TINY, HUGE), "bulkhead", "max_concurrent|maxConcurrent"),
      b("rate_limiter.mode", v(UNKNOWN_WORD, NUMBER), "rate_limiter", "mode"),
      b("rate_limiter.permits", v("0", TINY, NEGATIVE), "rate_limiter", "permits"),
      b("cache.max_size", v("0", "1000001", TINY, HUGE), "cache", "max_size|maxSize"),
      b("cache.ttl_ms", v("0", NEGATIVE, TINY), "cache", "ttl"),
      b("cache.enabled", v(NUMBER, UNKNOWN_WORD), "cache.enabled"),
      b("ladder.error_message", v(EMPTY_TEXT, NUMBER), "ladder", "error"));

  static final List<Breakage> SCENARIO_FIELDS = List.of(
      b("name", v("\"Bad Name\"", EMPTY_TEXT, LONG_TEXT, CONTROL_TEXT, NUMBER, null), "name"),
      b("seed", v(TINY, SUBNORMAL, HUGE, FRACTION, BEYOND_LONG, NUMBER_AS_TEXT), "seed"),
      b("title", v(NUMBER, ARRAY), "title"),
      b("watch", v(UNKNOWN_WORD, "[1]"), "watch"),
      b("providers", v("[]", OBJECT, UNKNOWN_WORD, null), "providers"),
      b("providers[0].name", v("\"UPPER\"", "\"a/b\"", LONG_TEXT, CONTROL_TEXT, EMPTY_TEXT), "providers[0]", "name"),
      b("providers[0].type", v(UNKNOWN_WORD, NUMBER), "providers[0]", "type"),
      b("providers[0].models", v("[\"gpt\\u0000\"]", "[\"\"]", "[\"" + "m".repeat(201) + "\"]", UNKNOWN_WORD),
          "providers[0]", "models"),
      b("providers[0].base_url", v("\"http://example.com/v1\""), "providers[0]", "base_url"),
      b("providers[0].api_key_env", v("\"lower-case\"", CONTROL_TEXT), "providers[0]", "api_key_env"),
      b("engine_faults.rules[0].target", v("\"chat\"", UNKNOWN_WORD, null), "engine_faults.rules[0].target"),
      b("engine_faults.rules[0].probability", v(TINY, HUGE, "2"), "engine_faults.rules[0].probability"),
      b("policies", v(UNKNOWN_WORD, null), "policies"),
      b("load.requests", v("0", NEGATIVE, "1000001", FRACTION, TINY, HUGE, NUMBER_AS_TEXT), "load.requests"),
      b("load.concurrency", v("0", "1001", TINY, FRACTION), "load.concurrency"),
      b("load.rate_per_s", v("1"), "load", "rate_per_s"),
      b("load.prompts", v("[]", "[\"\"]", "[1]", UNKNOWN_WORD), "load.prompts"),
      b("load.stream", v(NUMBER, UNKNOWN_WORD), "load.stream"));

  private Breakages() {}

  private static Breakage b(String path, List<Object> values, String... expect) {
    return new Breakage(path, values, List.of(expect));
  }

  /** Values for one field; a null removes the field. */
  private static List<Object> v(Object... values) {
    return Arrays.asList(values);
  }
}
