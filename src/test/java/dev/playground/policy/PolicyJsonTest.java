package dev.playground.policy;

import static dev.playground.llm.FailureKind.AUTH;
import static dev.playground.llm.FailureKind.CONTENT_FILTERED;
import static dev.playground.llm.FailureKind.EMPTY_ANSWER;
import static dev.playground.llm.FailureKind.NETWORK;
import static dev.playground.llm.FailureKind.SERVER_ERROR;
import static dev.playground.llm.FailureKind.TIMEOUT;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {
  private static final String CHAIN = "\"chain\": [{\"provider\": \"openai\", \"model\": \"gpt-4o\"}]";

  static PolicySet everyFieldSet() {
    ChainSpec chain = ChainSpec.of(new ModelRef("openai", "gpt-4o"), new ModelRef("sim-b", "claude-3-haiku"));
    RetrySpec retry = new RetrySpec(5, ofSeconds(90), ofMillis(1500), new BackoffSpec(ofSeconds(45), 3.0),
        Jitter.PROPORTIONAL, 0.25, false, ofSeconds(7), Set.of(SERVER_ERROR, NETWORK), Set.of(AUTH, TIMEOUT),
        Set.of(EMPTY_ANSWER, CONTENT_FILTERED));
    BreakerSpec breaker = new BreakerSpec(new BreakerSpec.FailureCount(3, 8), null,
        new BreakerSpec.SuccessCount(2, 3), ofSeconds(45), Set.of(SERVER_ERROR, EMPTY_ANSWER));
    return new PolicySet(chain, retry, breaker, TimeoutSpec.of(ofMillis(12_345)), new BulkheadSpec(7, ofMillis(250)),
        new RateLimiterSpec(RateLimiterSpec.Mode.BURSTY, 20, ofSeconds(2), ofMillis(100)),
        new CacheSpec(true, ofSeconds(42), 77, true),
        new LadderSpec(true, false, true, true, "Sorry \"friend\",\nnot now.", true));
  }

  @Test
  void everyFieldSetSurvivesTheRoundTrip() {
    PolicySet set = everyFieldSet();

    PolicySet back = PolicyJson.read(PolicyJson.write(set));

    assertThat(back).isEqualTo(set);
  }

  @Test
  void aRateBasedBreakerSurvivesTheRoundTrip() {
    PolicySet set = everyFieldSet().withBreaker(BreakerSpec.rateBased(40, 12, ofSeconds(30), ofSeconds(5)));

    assertThat(PolicyJson.read(PolicyJson.write(set))).isEqualTo(set);
  }

  @Test
  void defaultsSurviveTheRoundTrip() {
    PolicySet set = PolicySet.of(ChainSpec.of(new ModelRef("openai", "gpt-4o")))
        .withRetry(RetrySpec.defaults()).withBreaker(BreakerSpec.defaults())
        .withTimeout(TimeoutSpec.of(TimeoutSpec.DEFAULT_PER_ATTEMPT)).withCache(CacheSpec.defaults())
        .withLadder(LadderSpec.defaults());

    assertThat(PolicyJson.read(PolicyJson.write(set))).isEqualTo(set);
  }

  @Test
  void emptyObjectsTakeTheDocumentedDefaults() {
    String json = "{" + CHAIN + ", \"retry\": {}, \"breaker\": {}, \"timeout\": {}, \"bulkhead\": {},"
        + " \"rate_limiter\": {}, \"cache\": {}, \"ladder\": {}}";

    PolicySet set = PolicyJson.read(json);

    assertThat(set.retry()).isEqualTo(RetrySpec.defaults());
    assertThat(set.breaker()).isEqualTo(BreakerSpec.defaults());
    assertThat(set.timeout().perAttempt()).isEqualTo(ofSeconds(30));
    assertThat(set.bulkhead()).isEqualTo(new BulkheadSpec(4, ofMillis(0)));
    assertThat(set.rateLimiter()).isEqualTo(new RateLimiterSpec(RateLimiterSpec.Mode.SMOOTH, 10, ofSeconds(1), ofMillis(0)));
    assertThat(set.cache()).isEqualTo(CacheSpec.defaults());
    assertThat(set.ladder()).isEqualTo(LadderSpec.defaults());
  }

  @Test
  void absentPoliciesAreOff() {
    PolicySet set = PolicyJson.read("{" + CHAIN + "}");

    assertThat(set).isEqualTo(PolicySet.of(ChainSpec.of(new ModelRef("openai", "gpt-4o"))));
    assertThat(set.ladderOrDefault()).isEqualTo(LadderSpec.fullOnly());
  }

  @Test
  void keysAreSnakeCaseAndDurationsWholeMilliseconds() {
    JsonNode tree = PolicyJson.toTree(everyFieldSet());

    assertThat(tree.at("/retry/max_total_duration_ms").asLong()).isEqualTo(90_000);
    assertThat(tree.at("/retry/backoff/max_delay_ms").asLong()).isEqualTo(45_000);
    assertThat(tree.at("/retry/retry_on").toString()).isEqualTo("[\"server_error\",\"network\"]");
    assertThat(tree.at("/retry/jitter").asText()).isEqualTo("proportional");
    assertThat(tree.at("/breaker/failure_threshold/failures").asInt()).isEqualTo(3);
    assertThat(tree.at("/rate_limiter/period_ms").asLong()).isEqualTo(2000);
    assertThat(tree.at("/ladder/limited_after_chain_failure").asBoolean()).isTrue();
    assertThat(tree.at("/chain/1/model").asText()).isEqualTo("claude-3-haiku");
  }

  @Test
  void anUnknownFieldIsRefusedByItsPath() {
    String json = "{" + CHAIN + ", \"retry\": {\"max_atempts\": 4}}";

    assertThatThrownBy(() -> PolicyJson.read(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown field retry.max_atempts (known: max_attempts, max_total_duration_ms,");
  }

  @Test
  void aValueOfTheWrongTypeIsRefusedByItsPath() {
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"retry\": {\"delay_ms\": 1.5}}"))
        .hasMessage("retry.delay_ms must be a whole number of milliseconds, was 1.5");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"retry\": {\"max_attempts\": \"3\"}}"))
        .hasMessage("retry.max_attempts must be a whole number, was \"3\"");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"cache\": {\"enabled\": 1}}"))
        .hasMessage("cache.enabled must be true or false, was 1");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"timeout\": {\"per_attempt_ms\": -1}}"))
        .hasMessage("timeout.per_attempt_ms must be ≥ 0, was -1");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"timeout\": {\"per_attempt_ms\": 99999999999999999999}}"))
        .hasMessage("timeout.per_attempt_ms must be ≤ 1 day (86400000), was 99999999999999999999");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"cache\": {\"max_size\": 3000000000}}"))
        .hasMessage("cache.max_size must be in [-2147483648, 2147483647], was 3000000000");
  }

  @Test
  void anUnknownFailureKindIsRefusedWithTheKnownOnes() {
    String json = "{" + CHAIN + ", \"retry\": {\"retry_on\": [\"timeout\", \"teapot\"]}}";

    assertThatThrownBy(() -> PolicyJson.read(json))
        .hasMessageStartingWith("retry.retry_on[1] must be one of rate_limited, server_error,")
        .hasMessageEndingWith("; was \"teapot\"");
  }

  @Test
  void aRuleBrokenInsideAPolicyNamesThePolicy() {
    String json = "{" + CHAIN + ", \"retry\": {\"delay_ms\": 5000, \"backoff\": {\"max_delay_ms\": 2000}}}";

    assertThatThrownBy(() -> PolicyJson.read(json))
        .hasMessage("retry: maxDelay (2000 ms) must be ≥ delay (5000 ms)");
  }

  @Test
  void aWrongJitterAndAWrongModeAreNamed() {
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"retry\": {\"jitter\": \"random\"}}"))
        .hasMessage("retry: jitter must be one of none, proportional, full, equal, decorrelated; was \"random\"");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"rate_limiter\": {\"mode\": \"leaky\"}}"))
        .hasMessage("rate_limiter: mode must be one of smooth, bursty; was \"leaky\"");
  }

  @Test
  void theChainIsRequiredAndChecked() {
    assertThatThrownBy(() -> PolicyJson.read("{\"retry\": {}}"))
        .hasMessage("chain must be set: the models to ask, in order");
    assertThatThrownBy(() -> PolicyJson.read("{\"chain\": []}")).hasMessage("chain must name at least one model");
    assertThatThrownBy(() -> PolicyJson.read("{\"chain\": [{\"provider\": \"openai\"}]}"))
        .hasMessage("chain[0]: model must not be empty");
  }

  @Test
  void brokenJsonSaysWhere() {
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"retry\": {"))
        .hasMessageStartingWith("not valid JSON: ").hasMessageContaining("line 1, column");
    assertThatThrownBy(() -> PolicyJson.read("{" + CHAIN + ", \"retry\": {}, \"retry\": {}}"))
        .hasMessageStartingWith("not valid JSON: Duplicate field 'retry'");
    assertThatThrownBy(() -> PolicyJson.read("")).hasMessage("the policies are empty: expected a JSON object");
  }

  @Test
  void oneSpecReadsOnItsOwn() {
    RetrySpec spec = PolicyJson.read("{\"max_attempts\": 5, \"backoff\": {}}", RetrySpec.class);

    assertThat(spec).isEqualTo(RetrySpec.defaults().withMaxAttempts(5)
        .withBackoff(ofSeconds(2), ofSeconds(30), 2.0));
    assertThatThrownBy(() -> PolicyJson.read("{\"max_attempts\": 0}", RetrySpec.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be in [1, 100], was 0");
  }

  record Scenario(String name, PolicySet policies) {}

  @Test
  void anyObjectMapperCanEmbedTheSpecs() throws Exception {
    var mapper = new ObjectMapper();
    var scenario = new Scenario("demo", everyFieldSet());

    String json = mapper.writeValueAsString(scenario);

    assertThat(mapper.readValue(json, Scenario.class)).isEqualTo(scenario);
    assertThat(json).contains("\"retry_after_cap_ms\":7000");
  }
}
