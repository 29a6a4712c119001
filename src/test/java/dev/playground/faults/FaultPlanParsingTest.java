package dev.playground.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playground.guard.ExactNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanParsingTest {
  private static final String EXAMPLE = """
      {"seed": 42,
       "base_latency": {"lognormal": {"median_ms": 300, "sigma": 0.4}},
       "rules": [
         {"sequence": ["rate_limit", "rate_limit", "ok"], "repeat": true, "retry_after_s": 2, "should_retry": true},
         {"kind": "service_unavailable", "window": {"from_ms": 10000, "to_ms": 30000}, "retry_after_ms": 1500},
         {"kind": "slow", "probability": 0.1, "latency": {"uniform": {"min_ms": 800, "max_ms": 1200}}, "models": ["gpt-4o"]},
         {"kind": "timeout", "hold_ms": 20000, "note": "hangs"},
         {"kind": "bad_gateway", "status": 599},
         {"kind": "server_error", "target": "retriever", "latency": {"fixed_ms": 5}}]}
      """;

  private static String messageOf(String json) {
    try {
      FaultPlans.parse(json);
    } catch (FaultPlanException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the plan to be refused: " + json);
  }

  @Test
  void readsEveryFieldOfTheDocumentedExample() {
    FaultPlan plan = FaultPlans.parse(EXAMPLE);

    assertThat(plan.seed()).isEqualTo(42);
    assertThat(plan.baseLatency()).isEqualTo(Latency.lognormal(300, 0.4));
    assertThat(plan.rules()).hasSize(6);
    FaultRule seq = plan.rules().get(0);
    assertThat(seq.sequence()).containsExactly(FaultKind.RATE_LIMIT, FaultKind.RATE_LIMIT, FaultKind.OK);
    assertThat(seq.repeat()).isTrue();
    assertThat(seq.retryAfterS()).isEqualTo(2L);
    assertThat(seq.shouldRetry()).isTrue();
    assertThat(plan.rules().get(1).window()).isEqualTo(new FaultRule.Window(10_000, 30_000L));
    assertThat(plan.rules().get(1).retryAfterMs()).isEqualTo(1500L);
    assertThat(plan.rules().get(2).models()).containsExactly("gpt-4o");
    assertThat(plan.rules().get(2).latency()).isEqualTo(Latency.uniform(800, 1200));
    assertThat(plan.rules().get(2).probability()).isEqualTo(0.1);
    assertThat(plan.rules().get(3).holdMs()).isEqualTo(20_000L);
    assertThat(plan.rules().get(3).note()).isEqualTo("hangs");
    assertThat(plan.rules().get(4).status()).isEqualTo(599);
    assertThat(plan.rules().get(5).target()).isEqualTo(Target.RETRIEVER);
  }

  @Test
  void writtenJsonReadsBackToAnEqualPlan() {
    FaultPlan plan = FaultPlans.parse(EXAMPLE);

    assertThat(FaultPlans.parse(FaultPlans.toJson(plan))).isEqualTo(plan);
    assertThat(FaultPlans.parse(FaultPlans.toPrettyJson(plan))).isEqualTo(plan);
  }

  @Test
  void probabilityOutsideTheUnitIntervalNamesTheRuleAndTheValue() {
    String json = """
        {"rules": [{"kind": "ok"}, {"kind": "rate_limit", "probability": 1.5}]}""";

    assertThat(messageOf(json)).isEqualTo("rules[1].probability must be in [0, 1], was 1.5");
  }

  @Test
  void anUnknownKindListsTheKindsThatExist() {
    String message = messageOf("{\"rules\": [{\"kind\": \"rate_limited\"}]}");

    assertThat(message).isEqualTo(
        "rules[0].kind \"rate_limited\" is not a fault kind; use one of " + FaultKind.allowedNames());
    assertThat(message).contains("ok, rate_limit, server_error");
  }

  @Test
  void aNegativeLatencyNamesItsPath() {
    String json = """
        {"rules": [{"kind": "ok"}, {"kind": "ok"}, {"kind": "slow", "latency": {"fixed_ms": -5}}]}""";

    assertThat(messageOf(json)).isEqualTo("rules[2].latency.fixed_ms must be ≥ 0, was -5");
  }

  @Test
  void anUnknownFieldIsNamedWithItsRule() {
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"probabilty\": 0.5}]}"))
        .startsWith("unknown field \"probabilty\" in rules[0]; known fields: ")
        .contains("probability");
    assertThat(messageOf("{\"rulez\": []}")).startsWith("unknown field \"rulez\" in the plan");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"latency\": {\"fixd_ms\": 5}}]}"))
        .startsWith("unknown field \"fixd_ms\" in rules[0].latency");
  }

  @Test
  void brokenJsonSaysWhere() {
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\",}]}"))
        .startsWith("the fault plan is not valid JSON: ")
        .contains("line 1, column");
    assertThat(messageOf("")).isEqualTo("the fault plan is empty; expected a JSON object");
    assertThat(messageOf("[]")).isEqualTo("a fault plan must be a JSON object, was []");
    assertThat(messageOf("{\"seed\": 1, \"seed\": 2}")).contains("Duplicate field 'seed'");
  }

  @Test
  void eachRuleOfTheRulesIsEnforcedWithItsOwnMessage() {
    assertThat(messageOf("{\"rules\": [{}]}")).isEqualTo("rules[0] needs \"kind\" or \"sequence\"");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"sequence\": [\"ok\"]}]}"))
        .isEqualTo("rules[0] has both \"kind\" and \"sequence\"; use one");
    assertThat(messageOf("{\"rules\": [{\"sequence\": [\"ok\", \"nope\"]}]}"))
        .startsWith("rules[0].sequence[1] \"nope\" is not a fault kind; use one of ok,");
    assertThat(messageOf("{\"rules\": [{\"sequence\": []}]}")).isEqualTo("rules[0].sequence must not be empty");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"repeat\": true}]}"))
        .isEqualTo("rules[0].repeat applies to a \"sequence\" only");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"models\": []}]}"))
        .isEqualTo("rules[0].models must not be empty; leave it out to match every model");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"window\": {\"from_ms\": 5000, \"to_ms\": 1000}}]}"))
        .isEqualTo("rules[0].window.to_ms (1000) must be > window.from_ms (5000)");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"window\": {\"from_ms\": -1}}]}"))
        .isEqualTo("rules[0].window.from_ms must be ≥ 0, was -1");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"server_error\", \"status\": 429}]}"))
        .isEqualTo("rules[0].status must be a 5xx status for \"server_error\", was 429");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"status\": 503}]}"))
        .isEqualTo("rules[0].status applies to HTTP error kinds only (status ≥ 400), not to kind \"slow\"");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"retry_after_s\": 3}]}"))
        .isEqualTo("rules[0].retry_after_s applies to HTTP error kinds only (status ≥ 400), not to kind \"ok\"");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"rate_limit\", \"retry_after_s\": -3}]}"))
        .isEqualTo("rules[0].retry_after_s must be ≥ 0, was -3");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"rate_limit\", \"retry_after_s\": 1.5}]}"))
        .isEqualTo("rules[0].retry_after_s must be an integer, was 1.5");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"reset\", \"hold_ms\": 100}]}"))
        .isEqualTo("rules[0].hold_ms applies to \"timeout\" only, not to kind \"reset\"");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"probability\": \"high\"}]}"))
        .isEqualTo("rules[0].probability must be a number, was \"high\"");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"target\": \"db\"}]}"))
        .isEqualTo("rules[0].target \"db\" is not a target; use one of chat, retriever, cache");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"latency\": {\"uniform\": {\"min_ms\": 10, \"max_ms\": 5}}}]}"))
        .isEqualTo("rules[0].latency.uniform.max_ms (5) must be ≥ uniform.min_ms (10)");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"latency\": {\"lognormal\": {\"median_ms\": 100, \"sigma\": 9}}}]}"))
        .isEqualTo("rules[0].latency.lognormal.sigma must be in [0, 3], was 9");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"latency\": {}}]}"))
        .isEqualTo("rules[0].latency needs exactly one of fixed_ms, uniform, lognormal, had 0");
    assertThat(messageOf("{\"base_latency\": {\"fixed_ms\": 700000}}"))
        .isEqualTo("base_latency.fixed_ms must be ≤ 600000 (10 min), was 700000");
  }

  @Test
  void theExceptionCarriesThePathOfTheField() {
    FaultPlanException e = org.junit.jupiter.api.Assertions.assertThrows(FaultPlanException.class,
        () -> FaultPlans.parse("{\"rules\": [{\"kind\": \"ok\"}, {\"kind\": \"ok\", \"probability\": -1}]}"));

    assertThat(e.path()).isEqualTo("rules[1].probability");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPlanInsideAnotherDocumentIsNamedByItsPlaceThere() throws Exception {
    var node = new ObjectMapper().readTree("{\"rules\": [{\"kind\": \"ok\", \"probability\": 2}]}");

    assertThatThrownBy(() -> FaultPlans.fromTree(node, "faults"))
        .hasMessage("faults.rules[0].probability must be in [0, 1], was 2");
  }

  @Test
  void theJavaApiValidatesWithTheSameWords() {
    assertThatThrownBy(() -> FaultRule.of(FaultKind.RATE_LIMIT).withProbability(1.5))
        .isInstanceOf(FaultPlanException.class)
        .hasMessage("probability must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> FaultRule.sequence(List.of(), false))
        .hasMessage("needs \"kind\" or \"sequence\"");
  }

  @Test
  void missingOptionalFieldsTakeTheirDefaults() {
    FaultPlan plan = FaultPlans.parse("{\"rules\": [{\"kind\": \"ok\", \"window\": null}]}");

    assertThat(plan.seed()).isZero();
    assertThat(plan.baseLatency()).isNull();
    FaultRule rule = plan.rules().get(0);
    assertThat(rule.probability()).isEqualTo(1);
    assertThat(rule.target()).isEqualTo(Target.CHAT);
    assertThat(rule.window()).isNull();
    assertThat(rule.models()).isEmpty();
  }
  @Test
  void aNumberThatADoubleWouldReadAsZeroIsRefusedNotTakenAsZero() {
    assertThat(messageOf("{\"seed\": 1e-400}")).isEqualTo("seed must be an integer, was 1E-400");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"slow\", \"latency\": {\"fixed_ms\": 1e-400}}]}"))
        .isEqualTo("rules[0].latency.fixed_ms must be an integer, was 1E-400");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"probability\": 1e-400}]}"))
        .isEqualTo("rules[0].probability must be " + ExactNumbers.REAL_RULE + ", was 1E-400");
  }

  @Test
  void aWholeNumberPastSixtyFourBitsOrWithAFractionIsRefused() {
    assertThat(messageOf("{\"seed\": 1e400}")).isEqualTo("seed must be an integer (64-bit), was 1E+400");
    assertThat(messageOf("{\"seed\": 9223372036854775808}"))
        .isEqualTo("seed must be an integer (64-bit), was 9223372036854775808");
    assertThat(messageOf("{\"rules\": [{\"kind\": \"timeout\", \"hold_ms\": 2.5}]}"))
        .isEqualTo("rules[0].hold_ms must be an integer, was 2.5");
    assertThat(FaultPlans.parse("{\"seed\": 1e3}").seed()).as("exactly 1000").isEqualTo(1000);
  }

  @Test
  void aModelNameWithAControlCharacterIsRefused() {
    assertThat(messageOf("{\"rules\": [{\"kind\": \"ok\", \"models\": [\"gpt\\u00004o\"]}]}"))
        .isEqualTo("rules[0].models[0] must not contain control characters (U+0000 at index 3), was \"gpt\\u00004o\"");
  }

  @Test
  void aHugeBadValueIsQuotedInEightyCharactersAndItsLength() {
    String kind = "k".repeat(10_000);

    String message = messageOf("{\"rules\": [{\"kind\": \"" + kind + "\"}]}");

    assertThat(message).startsWith("rules[0].kind \"" + "k".repeat(80) + "…\" (10000 characters) is not a fault kind")
        .hasSizeLessThan(600);
  }

  @Test
  void aProviderRefusesEngineRulesAndTheEngineRefusesChatRules() {
    FaultPlan retriever = FaultPlans.parse("{\"rules\": [{\"kind\": \"server_error\", \"target\": \"retriever\"}]}");
    FaultPlan chat = FaultPlans.parse("{\"rules\": [{\"kind\": \"server_error\"}]}");

    assertThatThrownBy(() -> FaultPlans.checkProvider(retriever, "faults")).hasMessage("faults.rules[0].target must be "
        + "chat in a provider's plan (retriever and cache rules go in the engine's plan), was \"retriever\"");
    assertThatThrownBy(() -> FaultPlans.checkEngine(chat, "engine_faults")).hasMessage("engine_faults.rules[0].target "
        + "must be retriever or cache in the engine's plan (chat rules go in a provider's plan), was \"chat\"");
    assertThat(FaultPlans.checkEngine(retriever, "")).isSameAs(retriever);
  }
}
