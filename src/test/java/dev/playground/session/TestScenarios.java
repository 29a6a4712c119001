package dev.playground.session;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.LoadSpec;
import dev.playground.scenario.ProviderSpec;
import dev.playground.scenario.Scenario;
import java.util.List;

/** Small, quick scenarios for the window's tests: one simulated provider, short waits, a breaker that opens fast. */
public final class TestScenarios {
  public static final String PROVIDER = "sim";
  public static final String MODEL = "gpt-4o-mini";
  public static final String BREAKER = PROVIDER + "/" + MODEL;
  public static final long BREAKER_DELAY_MS = 60_000;

  private TestScenarios() {}

  /** Retry 3 × 20 ms (Retry-After honoured, capped), a breaker opening after 3 failures in 3, cache, ladder. */
  public static PolicySet policies() {
    return PolicyJson.read("""
        {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}],
         "retry": {"max_attempts": 3, "delay_ms": 20, "honour_retry_after": true, "retry_after_cap_ms": 50},
         "breaker": {"failure_threshold": {"failures": 3, "executions": 3}, "delay_ms": %d},
         "timeout": {"per_attempt_ms": 3000},
         "cache": {"enabled": true, "ttl_ms": 600000, "max_size": 100},
         "ladder": {"full": true, "limited": false, "cached": true, "error": true}}
        """.formatted(BREAKER_DELAY_MS));
  }

  /** A healthy provider; the load is 6 requests, 2 at a time. */
  public static Scenario healthy() {
    return new Scenario("quick-test", "Quick test", "A healthy provider with quick policies.", null,
        List.of("Nothing goes wrong: every answer is full."), 42,
        List.of(ProviderSpec.simulated(PROVIDER, FaultPlan.healthy(0))), null, policies(), LoadSpec.of(6, 2));
  }

  /** Every call answers 429 with a Retry-After of 10 ms. */
  public static FaultPlan rateLimitEverything() {
    return FaultPlans.parse("{\"rules\": [{\"kind\": \"rate_limit\", \"probability\": 1.0, \"retry_after_ms\": 10}]}");
  }

  /** Every call answers 503. */
  public static FaultPlan outage() {
    return FaultPlans.parse("{\"rules\": [{\"kind\": \"service_unavailable\"}]}");
  }
}
