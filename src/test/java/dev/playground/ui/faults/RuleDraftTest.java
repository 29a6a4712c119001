package dev.playground.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Latency;
import dev.playground.faults.Target;
import dev.playground.scenario.Presets;
import dev.playground.scenario.ProviderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDraftTest {
  @Test
  void everyFieldOfAKindRuleMapsToTheFormAndBack() {
    // given a rule that sets every field a kind rule can have
    FaultRule rule = FaultRule.of(FaultKind.RATE_LIMIT)
        .withProbability(0.3)
        .withWindow(1_000, 31_000L)
        .withModels(List.of("gpt-4o", "gpt-4o-mini"))
        .withRetryAfterSeconds(2L)
        .withRetryAfterMs(1_500L)
        .withShouldRetry(false)
        .withLatency(Latency.uniform(200, 900))
        .withStatus(429)
        .withNote("a storm");

    // when it goes into the form and out again
    RuleDraft draft = RuleDraft.of(rule);

    // then each field shows the value, and the rule built back is the same
    assertThat(draft.probabilityProperty().get()).isEqualTo("0.3");
    assertThat(draft.windowFromMsProperty().get()).isEqualTo("1000");
    assertThat(draft.windowToMsProperty().get()).isEqualTo("31000");
    assertThat(draft.modelsProperty().get()).isEqualTo("gpt-4o, gpt-4o-mini");
    assertThat(draft.retryAfterSProperty().get()).isEqualTo("2");
    assertThat(draft.retryAfterMsProperty().get()).isEqualTo("1500");
    assertThat(draft.shouldRetryProperty().get()).isEqualTo(RuleDraft.ShouldRetry.FALSE);
    assertThat(draft.latency().shapeProperty().get()).isEqualTo(LatencyDraft.Shape.UNIFORM);
    assertThat(draft.statusProperty().get()).isEqualTo("429");
    assertThat(draft.build()).isEqualTo(rule);
  }

  @Test
  void aSequenceWithHoldAndLognormalLatencyAndAnEngineRuleMapBackToo() {
    FaultRule sequence = FaultRule.sequence(List.of(FaultKind.TIMEOUT, FaultKind.RATE_LIMIT, FaultKind.OK), true)
        .withHoldMs(60_000L).withLatency(Latency.lognormal(300, 0.4));
    FaultRule engine = FaultRule.of(FaultKind.SLOW).withTarget(Target.CACHE).withLatency(Latency.fixed(4_000));

    assertThat(RuleDraft.of(sequence).sequenceProperty().get()).isEqualTo("timeout, rate_limit, ok");
    assertThat(RuleDraft.of(sequence).build()).isEqualTo(sequence);
    assertThat(RuleDraft.of(engine).build()).isEqualTo(engine);
  }

  @Test
  void everyPresetsPlanMapsToTheFormAndBack() {
    int plans = 0;
    for (var scenario : Presets.all()) {
      for (ProviderSpec p : scenario.providers()) {
        if (p.faults() == null) continue;
        assertThat(PlanDraft.of(p.faults()).build()).as(scenario.name() + "/" + p.name()).isEqualTo(p.faults());
        plans++;
      }
      if (scenario.engineFaults() != null)
        assertThat(PlanDraft.of(scenario.engineFaults()).build()).isEqualTo(scenario.engineFaults());
    }
    assertThat(plans).isGreaterThan(5);
  }

  @Test
  void typedFieldsBecomeTheRulesValues() {
    // given a new rule of kind timeout, edited as a person would
    RuleDraft draft = RuleDraft.of(FaultKind.TIMEOUT);
    draft.probabilityProperty().set("0,25");
    draft.holdMsProperty().set("20000");
    draft.windowToMsProperty().set("5000");
    draft.modelsProperty().set("gpt-4o");
    draft.latency().shapeProperty().set(LatencyDraft.Shape.FIXED);
    draft.latency().fixedMsProperty().set("100");

    // then the rule says the same
    assertThat(draft.build()).isEqualTo(FaultRule.of(FaultKind.TIMEOUT).withProbability(0.25).withHoldMs(20_000L)
        .withWindow(0, 5_000L).withModels(List.of("gpt-4o")).withLatency(Latency.fixed(100)));
  }

  @Test
  void parametersThatDoNotApplyToTheKindAreLeftOut() {
    // given a 429 rule with a Retry-After, switched to slow
    RuleDraft draft = RuleDraft.of(FaultKind.RATE_LIMIT);
    draft.retryAfterSProperty().set("2");
    draft.holdMsProperty().set("1000");
    assertThat(draft.takesErrorParameters()).isTrue();
    assertThat(draft.takesHold()).isFalse();
    draft.kindProperty().set(FaultKind.SLOW);

    // then the hidden Retry-After does not reach the rule (slow answers 200: it would be refused)
    assertThat(draft.takesErrorParameters()).isFalse();
    assertThat(draft.build()).isEqualTo(FaultRule.of(FaultKind.SLOW));
  }

  @Test
  void aBadValueGetsTheRulesOwnMessageAndItsField() {
    RuleDraft draft = RuleDraft.of(FaultKind.RATE_LIMIT);
    draft.probabilityProperty().set("1.5");
    assertThatThrownBy(draft::build).isInstanceOfSatisfying(FaultPlanException.class, e -> {
      assertThat(e.path()).isEqualTo("probability");
      assertThat(e.getMessage()).isEqualTo("probability must be in [0, 1], was 1.5");
    });

    draft.probabilityProperty().set("often");
    assertThatThrownBy(draft::build).hasMessage("probability must be a number, was \"often\"");

    draft.probabilityProperty().set("1e-400"); // a double would read it as 0
    assertThatThrownBy(draft::build).isInstanceOfSatisfying(FaultPlanException.class, e -> {
      assertThat(e.path()).isEqualTo("probability");
      assertThat(e.getMessage()).isEqualTo("probability must be a number a 64-bit float holds (0, or a magnitude "
          + "from 1e-300 to 1e300), was \"1e-400\"");
    });

    draft.probabilityProperty().set("1");
    draft.latency().shapeProperty().set(LatencyDraft.Shape.UNIFORM);
    draft.latency().minMsProperty().set("500");
    draft.latency().maxMsProperty().set("100");
    assertThatThrownBy(draft::build).isInstanceOfSatisfying(FaultPlanException.class, e -> {
      assertThat(e.path()).isEqualTo("latency.uniform.max_ms");
      assertThat(e.getMessage()).isEqualTo("latency.uniform.max_ms (100) must be ≥ uniform.min_ms (500)");
    });
  }

  @Test
  void aSequenceNamesTheElementThatIsNotAKind() {
    RuleDraft draft = RuleDraft.sequence(List.of(FaultKind.OK), false);
    draft.sequenceProperty().set("rate_limit, ratelimit, ok");
    assertThatThrownBy(draft::build).isInstanceOfSatisfying(FaultPlanException.class, e -> {
      assertThat(e.path()).isEqualTo("sequence[1]");
      assertThat(e.getMessage()).startsWith("sequence[1] must be one of ok, rate_limit,").endsWith("was \"ratelimit\"");
    });
  }

  @Test
  void aPlansMessageNamesTheRuleByItsPlace() {
    // given a plan whose second rule is wrong
    PlanDraft plan = PlanDraft.of(FaultPlan.of(7, FaultRule.of(FaultKind.OK), FaultRule.of(FaultKind.RESET)));
    plan.rules().get(1).probabilityProperty().set("1.5");

    // then validation says which rule, and marks that rule alone
    Problem p = plan.validate();
    assertThat(p).isEqualTo(new Problem(1, "probability", "rules[1].probability must be in [0, 1], was 1.5"));
    assertThat(plan.rules().get(0).problemProperty().get()).isNull();
    assertThat(plan.rules().get(1).problemProperty().get()).isEqualTo(p);
    assertThatThrownBy(plan::build).hasMessage("rules[1].probability must be in [0, 1], was 1.5");
  }
}
