package dev.playground.policy;

import static dev.playground.llm.FailureKind.AUTH;
import static dev.playground.llm.FailureKind.EMPTY_ANSWER;
import static dev.playground.llm.FailureKind.RATE_LIMITED;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.events.Rung;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidationTest {
  private static final RetrySpec RETRY = RetrySpec.defaults();
  private static final ChainSpec CHAIN = ChainSpec.of(new ModelRef("openai", "gpt-4o"));

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("no attempts", () -> RETRY.withMaxAttempts(0), "maxAttempts must be in [1, 100], was 0"),
        bad("too many attempts", () -> RETRY.withMaxAttempts(101), "maxAttempts must be in [1, 100], was 101"),
        bad("negative delay", () -> RETRY.withDelay(ofMillis(-1)), "delay must be ≥ 0 ms, was -1 ms"),
        bad("delay over a day", () -> RETRY.withDelay(Duration.ofDays(2)),
            "delay must be ≤ 1 day (86400000 ms), was 172800000 ms"),
        bad("max delay below delay", () -> RETRY.withBackoff(ofSeconds(5), ofSeconds(2), 2),
            "maxDelay (2000 ms) must be ≥ delay (5000 ms)"),
        bad("backoff from zero", () -> RETRY.withBackoff(Duration.ZERO, ofSeconds(2), 2),
            "delay must be > 0 ms with backoff, was 0 ms"),
        bad("factor one", () -> RETRY.withBackoff(ofSeconds(1), ofSeconds(2), 1), "backoff factor must be in (1, 10], was 1.0"),
        bad("jitter factor above one", () -> RETRY.withJitter(Jitter.PROPORTIONAL, 1.5),
            "jitterFactor must be in [0, 1], was 1.5"),
        bad("decorrelated without backoff", () -> RETRY.withJitter(Jitter.DECORRELATED, 0),
            "jitter decorrelated needs backoff: its maxDelay is the cap"),
        bad("budget below delay", () -> RETRY.withMaxTotalDuration(ofSeconds(1)),
            "maxTotalDuration (1000 ms) must be > delay (2000 ms), or 0 ms for none"),
        bad("negative retry-after cap", () -> RETRY.withRetryAfter(true, ofMillis(-5)),
            "retryAfterCap must be ≥ 0 ms, was -5 ms"),
        bad("defect in retry_on", () -> RETRY.withRetryOn(Set.of(EMPTY_ANSWER)),
            "retryOn must not contain empty_answer (an answer defect, not a failure: use retryOnResult)"),
        bad("failure in retry_on_result", () -> RETRY.withRetryOnResult(Set.of(SERVER_ERROR)),
            "retryOnResult may contain only empty_answer, truncated, content_filtered, stream_cut; was server_error"),
        bad("kind in both lists", () -> RETRY.withRetryOn(Set.of(RATE_LIMITED, AUTH)),
            "auth cannot be in both retryOn and abortOn"),
        bad("no breaker threshold", () -> new BreakerSpec(null, null, new BreakerSpec.SuccessCount(1, 1), ofSeconds(1), Set.of(SERVER_ERROR)),
            "set failureThreshold (n of the last m) or failureRateThreshold (% over a period)"),
        bad("two breaker thresholds", () -> new BreakerSpec(new BreakerSpec.FailureCount(1, 1),
                new BreakerSpec.FailureRate(50, 1, ofSeconds(1)), new BreakerSpec.SuccessCount(1, 1), ofSeconds(1),
                Set.of(SERVER_ERROR)),
            "set failureThreshold or failureRateThreshold, not both"),
        bad("more failures than window", () -> BreakerSpec.countBased(5, 3, ofSeconds(1)),
            "failureThreshold.executions (3) must be ≥ failures (5)"),
        bad("rate over 100", () -> BreakerSpec.rateBased(120, 10, ofSeconds(60), ofSeconds(1)),
            "failureRateThreshold.percent must be in [1, 100], was 120"),
        bad("rate period too short", () -> BreakerSpec.rateBased(50, 10, ofMillis(5), ofSeconds(1)),
            "failureRateThreshold.period must be ≥ 10 ms, was 5 ms"),
        bad("more successes than trials", () -> BreakerSpec.defaults().withSuccessThreshold(3, 2),
            "successThreshold.executions (2) must be ≥ successes (3)"),
        bad("breaker delay zero", () -> BreakerSpec.defaults().withDelay(Duration.ZERO), "delay must be > 0 ms, was 0 ms"),
        bad("breaker counts nothing", () -> BreakerSpec.defaults().withCountOn(Set.of()),
            "countOn must name at least one failure kind, or the breaker never opens"),
        bad("timeout zero", () -> TimeoutSpec.of(Duration.ZERO), "perAttempt must be > 0 ms, was 0 ms"),
        bad("bulkhead of none", () -> new BulkheadSpec(0, Duration.ZERO), "maxConcurrent must be in [1, 10000], was 0"),
        bad("rate limiter without permits", () -> new RateLimiterSpec(RateLimiterSpec.Mode.BURSTY, 0, ofSeconds(1), Duration.ZERO),
            "permits must be in [1, 1000000], was 0"),
        bad("cache check first while off", () -> new CacheSpec(false, ofSeconds(60), 10, true),
            "checkFirst needs the cache enabled"),
        bad("cache of no size", () -> new CacheSpec(true, ofSeconds(60), 0, false), "maxSize must be in [1, 1000000], was 0"),
        bad("empty chain", () -> new ChainSpec(List.of()), "chain must name at least one model"),
        bad("repeated model", () -> ChainSpec.of(new ModelRef("a", "m"), new ModelRef("b", "m"), new ModelRef("a", "m")),
            "chain[2] repeats chain[0] (a/m)"),
        bad("provider with slash", () -> new ModelRef("a/b", "m"), "provider must not contain '/', was \"a/b\""),
        bad("blank model", () -> new ModelRef("openai", " "), "model must not be empty"),
        bad("ladder asks no model", () -> new LadderSpec(false, false, true, true, "sorry", false),
            "full or limited must be on: with both off no model is ever asked"),
        bad("ladder error without message", () -> new LadderSpec(true, true, false, true, " ", false),
            "errorMessage must not be empty when the error rung is on"),
        bad("cached rung without cache", () -> PolicySet.of(CHAIN).withLadder(LadderSpec.defaults()),
            "ladder.cached needs the cache on (cache.enabled = true)"));
  }

  private static Arguments bad(String name, ThrowingSupplier<?> build, String message) {
    return Arguments.of(name, build, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void eachBadValueIsRefusedWithOneMessageNamingTheRuleAndTheValue(String name, ThrowingSupplier<?> build,
      String message) {
    assertThatThrownBy(build::get).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void durationsAreKeptToTheMillisecond() {
    RetrySpec spec = RETRY.withDelay(Duration.ofNanos(1_500_999_999));

    assertThat(spec.delay()).isEqualTo(ofMillis(1500));
  }

  @Test
  void defaultsAreTheLessonsSimpleRetryWithTheTransientKinds() {
    RetrySpec spec = RetrySpec.defaults();

    assertThat(spec.maxAttempts()).isEqualTo(3);
    assertThat(spec.delay()).isEqualTo(ofSeconds(2));
    assertThat(spec.backoff()).isNull();
    assertThat(spec.retryOn()).extracting(k -> k.wireName())
        .containsExactly("rate_limited", "server_error", "timeout", "network", "malformed_response");
    assertThat(spec.abortOn()).extracting(k -> k.wireName())
        .containsExactly("invalid_request", "context_length", "auth", "permission", "not_found");
    assertThat(spec.retryOnResult()).isEmpty();
  }

  @Test
  void limitedRunsAfterAChainFailureOnlyWhenAskedTo() {
    LadderSpec ladder = LadderSpec.defaults();

    assertThat(ladder.triesLimitedAfter(LadderSpec.FullFailure.RETRIEVAL_FAILED)).isTrue();
    assertThat(ladder.triesLimitedAfter(LadderSpec.FullFailure.CONTEXT_TOO_LONG)).isTrue();
    assertThat(ladder.triesLimitedAfter(LadderSpec.FullFailure.CHAIN_FAILED)).isFalse();
    assertThat(ladder.withLimitedAfterChainFailure(true).triesLimitedAfter(LadderSpec.FullFailure.CHAIN_FAILED))
        .isTrue();
    assertThat(ladder.rungs()).containsExactly(Rung.FULL, Rung.LIMITED, Rung.CACHED, Rung.ERROR);
  }
}
