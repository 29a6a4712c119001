package dev.playground.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.faults.FaultKind;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.faults.FaultRule;
import dev.playground.faults.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsViewModelTest {
  private static final FaultPlan SLOW_TENTH =
      FaultPlan.of(42, FaultRule.of(FaultKind.SLOW).withProbability(0.1));

  private final FaultsViewModel model = new FaultsViewModel();
  private final List<Map.Entry<String, FaultPlan>> applied = new ArrayList<>();

  @BeforeEach
  void connect() {
    model.setTargets(List.of(
        FaultTarget.provider("openai", "simulated", SLOW_TENTH),
        FaultTarget.provider("backup", "simulated", null),
        FaultTarget.engine(null)));
    model.onApply((target, plan) -> applied.add(Map.entry(target, plan)));
  }

  @Test
  void theFirstTargetIsSelectedWithItsPlanInForm() {
    assertThat(model.targetProperty().get().name()).isEqualTo("openai");
    assertThat(model.draftProperty().get().build()).isEqualTo(SLOW_TENTH);
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(model.jsonCaptionProperty().get()).isEqualTo("The plan in force:");
    assertThat(model.jsonProperty().get()).isEqualTo(FaultPlans.toPrettyJson(SLOW_TENTH));
  }

  @Test
  void aProbabilityOfOnePointFiveIsRefusedWithThePlansMessageAndNothingIsApplied() {
    // given a new 429 rule whose probability is typed as 1.5
    model.addRule(FaultKind.RATE_LIMIT);
    model.draftProperty().get().rules().get(1).probabilityProperty().set("1.5");
    model.selectedRuleProperty().set(0);

    // when Apply is pressed
    boolean done = model.apply();

    // then nothing reaches the provider, the rule is selected, and the plan's own message is shown
    assertThat(done).isFalse();
    assertThat(applied).isEmpty();
    assertThat(model.selectedRuleProperty().get()).isEqualTo(1);
    assertThat(model.problemProperty().get())
        .isEqualTo(new Problem(1, "probability", "rules[1].probability must be in [0, 1], was 1.5"));
    assertThat(model.statusProperty().get()).isEqualTo("Not applied: rules[1].probability must be in [0, 1], was 1.5");
    assertThat(model.statusIsErrorProperty().get()).isTrue();
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(model.jsonCaptionProperty().get()).contains("your edits have a problem");

    // when it is fixed, Apply hands the whole plan over
    model.draftProperty().get().rules().get(1).probabilityProperty().set("0.5");
    assertThat(model.problemProperty().get()).isNull();
    assertThat(model.apply()).isTrue();
    assertThat(applied).containsExactly(Map.entry("openai", new FaultPlan(42,
        List.of(SLOW_TENTH.rules().get(0), FaultRule.of(FaultKind.RATE_LIMIT).withProbability(0.5)), null)));
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void theOutageButtonPutsAServiceUnavailableRuleFirstForTheGivenSecondsAndAppliesIt() {
    model.quickSecondsProperty().set("45");

    assertThat(model.outage()).isTrue();

    FaultRule outage = FaultRule.of(FaultKind.SERVICE_UNAVAILABLE).withWindow(0, 45_000L).withNote("outage for 45 s");
    assertThat(applied).containsExactly(
        Map.entry("openai", new FaultPlan(42, List.of(outage, SLOW_TENTH.rules().get(0)), null)));
    assertThat(model.selectedRuleProperty().get()).isZero();
    assertThat(model.draftProperty().get().rules().get(0).build()).isEqualTo(outage);
  }

  @Test
  void theStormButtonPutsSeventyPercentRateLimitWithRetryAfterTwoSecondsFirst() {
    model.select("backup");
    model.quickSecondsProperty().set("20");

    assertThat(model.storm()).isTrue();

    FaultRule storm = FaultRule.of(FaultKind.RATE_LIMIT).withProbability(0.7).withRetryAfterSeconds(2L)
        .withWindow(0, 20_000L).withNote("rate-limit storm for 20 s");
    assertThat(applied).containsExactly(Map.entry("backup", new FaultPlan(0, List.of(storm), null)));
  }

  @Test
  void anOutageOfTheEngineBreaksItsRetriever() {
    model.select(FaultTarget.ENGINE);
    model.quickSecondsProperty().set("10");

    model.outage();

    FaultRule rule = applied.get(0).getValue().rules().get(0);
    assertThat(rule.target()).isEqualTo(Target.RETRIEVER);
    assertThat(rule.kind()).isEqualTo(FaultKind.SERVER_ERROR);
    assertThat(rule.window()).isEqualTo(new FaultRule.Window(0, 10_000L));
  }

  @Test
  void aQuickFaultWithABadDurationIsRefusedAndAddsNothing() {
    model.quickSecondsProperty().set("0");

    assertThat(model.outage()).isFalse();

    assertThat(model.quickProblemProperty().get()).isEqualTo("duration must be in [1, 86400] s, was 0");
    assertThat(model.draftProperty().get().rules()).hasSize(1);
    assertThat(applied).isEmpty();
  }

  @Test
  void rulesAreReorderedRemovedAndClearedToHealthy() {
    model.addRule(FaultKind.RESET);
    model.addSequence();
    var rules = model.draftProperty().get().rules();
    assertThat(rules).extracting(RuleDraft::summary)
        .containsExactly("slow · p 0.1", "reset", "[rate_limit, rate_limit, ok]");

    model.moveUp(); // the selected rule is the sequence, just added
    assertThat(rules).extracting(RuleDraft::summary)
        .containsExactly("slow · p 0.1", "[rate_limit, rate_limit, ok]", "reset");
    assertThat(model.selectedRuleProperty().get()).isEqualTo(1);

    model.removeSelected();
    assertThat(rules).extracting(RuleDraft::summary).containsExactly("slow · p 0.1", "reset");

    model.clear();
    model.apply();
    assertThat(applied).containsExactly(Map.entry("openai", FaultPlan.healthy(42)));
    assertThat(model.statusProperty().get()).isEqualTo("Applied to openai: healthy.");
  }

  @Test
  void aPastedInvalidPlanIsRefusedWithItsMessageAndTheFormIsLeftAlone() {
    model.pasteTextProperty().set("{\"rules\": [{\"kind\": \"rate_limit\", \"probability\": 1.5}]}");

    assertThat(model.loadPasted()).isFalse();

    assertThat(model.pasteProblemProperty().get()).isEqualTo("rules[0].probability must be in [0, 1], was 1.5");
    assertThat(model.draftProperty().get().build()).isEqualTo(SLOW_TENTH);

    model.pasteTextProperty().set("{\"rules\": [");
    assertThat(model.loadPasted()).isFalse();
    assertThat(model.pasteProblemProperty().get()).startsWith("the fault plan is not valid JSON: ");

    model.pasteTextProperty().set("{\"rulez\": []}");
    assertThat(model.loadPasted()).isFalse();
    assertThat(model.pasteProblemProperty().get()).contains("rulez");
    assertThat(applied).isEmpty();
  }

  @Test
  void aPastedValidPlanIsLoadedIntoTheFormButNotApplied() {
    String json = "{\"seed\": 9, \"rules\": [{\"sequence\": [\"rate_limit\", \"ok\"], \"repeat\": true}]}";
    model.pasteTextProperty().set(json);

    assertThat(model.loadPasted()).isTrue();

    assertThat(model.draftProperty().get().build()).isEqualTo(FaultPlans.parse(json));
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(applied).isEmpty();
  }

  @Test
  void ourOwnApplyComingBackAsFaultsChangedIsNotAnOutsideChange() {
    model.addRule(FaultKind.RESET);
    model.apply();
    FaultPlan echo = FaultPlans.parse(FaultPlans.toJson(applied.get(0).getValue())); // as the event carries it

    model.planChanged("openai", echo);

    assertThat(model.outsideChangeProperty().get()).isEmpty();
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(model.statusProperty().get()).startsWith("Applied to openai");
  }

  @Test
  void aChangeFromElsewhereReplacesAFormWithoutEdits() {
    FaultPlan other = FaultPlan.of(42, FaultRule.of(FaultKind.OVERLOADED));

    model.planChanged("openai", other);

    assertThat(model.draftProperty().get().build()).isEqualTo(other);
    assertThat(model.outsideChangeProperty().get()).isEmpty();
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(model.statusProperty().get()).contains("changed elsewhere");
  }

  @Test
  void aChangeFromElsewhereWaitsWhenThereAreEditsAndReloadTakesItIn() {
    model.addRule(FaultKind.RESET);
    FaultPlan other = FaultPlan.of(42, FaultRule.of(FaultKind.OVERLOADED));

    model.planChanged("openai", other);

    assertThat(model.outsideChangeProperty().get()).contains("changed elsewhere");
    assertThat(model.draftProperty().get().rules()).hasSize(2); // the edits are still there
    model.reloadOutside();
    assertThat(model.draftProperty().get().build()).isEqualTo(other);
    assertThat(model.outsideChangeProperty().get()).isEmpty();
  }

  @Test
  void keepMineDropsTheNoticeAndApplyReplacesThePlanFromElsewhere() {
    model.addRule(FaultKind.RESET);
    model.planChanged("openai", FaultPlan.of(42, FaultRule.of(FaultKind.OVERLOADED)));

    model.keepMine();
    assertThat(model.outsideChangeProperty().get()).isEmpty();
    assertThat(model.dirtyProperty().get()).isTrue();
    model.apply();

    assertThat(applied.get(0).getValue().rules()).extracting(FaultRule::kind)
        .containsExactly(FaultKind.SLOW, FaultKind.RESET);
  }

  @Test
  void aRefusalByTheRunIsShownAndTheEditsStay() {
    model.onApply((target, plan) -> {
      throw new IllegalArgumentException("provider \"openai\" is real: its faults cannot be changed");
    });
    model.addRule(FaultKind.RESET);

    assertThat(model.apply()).isFalse();

    assertThat(model.statusProperty().get())
        .isEqualTo("Not applied: provider \"openai\" is real: its faults cannot be changed");
    assertThat(model.dirtyProperty().get()).isTrue();
  }

  @Test
  void eachTargetKeepsItsOwnDraft() {
    model.addRule(FaultKind.RESET);
    model.select("backup");
    assertThat(model.draftProperty().get().rules()).isEmpty();
    model.select("openai");
    assertThat(model.draftProperty().get().rules()).hasSize(2);
    assertThat(model.dirtyProperty().get()).isTrue();
  }

  @Test
  void rulesAddedToTheEngineAimAtTheRetriever() {
    model.select(FaultTarget.ENGINE);
    model.addRule(FaultKind.TIMEOUT);
    assertThat(model.draftProperty().get().rules().get(0).build().target()).isEqualTo(Target.RETRIEVER);
  }

  @Test
  void theUserManualsExamplePlanLoadsIntoTheForm() {
    model.pasteTextProperty().set("""
        {"rules": [
          {"kind": "service_unavailable", "window": {"from_ms": 10000, "to_ms": 30000}, "note": "a 20 s outage in 10 s"},
          {"sequence": ["rate_limit", "rate_limit", "ok"], "repeat": true, "retry_after_s": 2},
          {"kind": "slow", "probability": 0.1, "latency": {"uniform": {"min_ms": 2000, "max_ms": 4000}}}
        ]}""");

    assertThat(model.loadPasted()).isTrue();
    assertThat(model.draftProperty().get().rules()).extracting(RuleDraft::summary).containsExactly(
        "service_unavailable · 10000–30000 ms", "[rate_limit, rate_limit, ok] ↻ · Retry-After 2 s",
        "slow · p 0.1 · +2000–4000 ms");
  }

  @Test
  void withoutARunTheQuickFaultsSaySoAndDoNothing() {
    FaultsViewModel unconnected = new FaultsViewModel();

    assertThat(unconnected.outage()).isFalse();

    assertThat(unconnected.statusProperty().get()).isEqualTo("Nothing to break: no run is connected.");
    assertThat(unconnected.draftProperty().get().rules()).isEmpty();
  }
}
