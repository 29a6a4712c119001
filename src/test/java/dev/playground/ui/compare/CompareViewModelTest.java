package dev.playground.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.scenario.Compare;
import dev.playground.scenario.Presets;
import dev.playground.scenario.Scenario;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {
  /** Holds background work until the test runs it: the test is the background thread. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) tasks.poll().run();
    }
  }

  private final Scenario storm = Presets.get("rate-limit-storm");
  private final HeldExecutor background = new HeldExecutor();
  private final CompareViewModel model = new CompareViewModel(background, Runnable::run);

  @Test
  void bStartsAsACopyOfTheScenariosPoliciesAndRunIsPossible() {
    model.setScenario(storm);

    assertThat(model.jsonBProperty().get()).isEqualTo(PolicyJson.write(storm.policies()));
    assertThat(model.policiesBProperty().get()).isEqualTo(storm.policies());
    assertThat(model.seedProperty().get()).isEqualTo("42");
    assertThat(model.canRunProperty().get()).isTrue();
  }

  @Test
  void anInvalidBIsRefusedWithItsMessageAndRunStaysDisabled() {
    model.setScenario(storm);

    model.jsonBProperty().set("{\"chain\": [{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\"}], \"retry\": {\"max_atempts\": 4}}");

    assertThat(model.errorBProperty().get()).startsWith("unknown field retry.max_atempts (known: max_attempts");
    assertThat(model.policiesBProperty().get()).isNull();
    assertThat(model.canRunProperty().get()).isFalse();
    model.run();
    assertThat(background.tasks).as("nothing runs with an invalid B").isEmpty();

    model.jsonBProperty().set("{\"chain\": [{\"provider\": \"openai\", \"model\": \"gpt-4o-mini\"}]}");
    assertThat(model.errorBProperty().get()).isEmpty();
    assertThat(model.canRunProperty().get()).isTrue();
  }

  @Test
  void aPresetWhoseChainNamesOtherProvidersIsRefusedForThisScenario() {
    model.setScenario(storm);

    model.loadPreset("multi-provider-fallback");

    assertThat(model.errorBProperty().get())
        .isEqualTo("policies.chain.models[1].provider \"anthropic\" is not a provider of this scenario; known: openai");
    assertThat(model.canRunProperty().get()).isFalse();
  }

  @Test
  void aBadSeedIsRefusedWithItsRule() {
    model.setScenario(storm);

    model.seedProperty().set("1e3");

    assertThat(model.seedErrorProperty().get()).isEqualTo("seed must be a whole number, was \"1e3\"");
    assertThat(model.canRunProperty().get()).isFalse();
  }

  @Test
  void runComparesOnTheBackgroundExecutorAndFillsTheTableWithMarks() {
    model.setScenario(storm);
    PolicySet noRetry = storm.policies().withRetry(storm.policies().retry().withMaxAttempts(1));
    model.jsonBProperty().set(PolicyJson.write(noRetry));

    model.run();

    assertThat(model.runningProperty().get()).isTrue();
    assertThat(model.canRunProperty().get()).isFalse();
    assertThat(model.resultProperty().get()).as("nothing ran on the caller's thread").isNull();
    background.runAll();

    assertThat(model.runningProperty().get()).isFalse();
    Compare.Result expected = Compare.run(storm, new Compare.Side("A", storm.policies()), new Compare.Side("B", noRetry));
    assertThat(model.resultProperty().get().table()).isEqualTo(expected.table());
    Map<String, DiffRow.Verdict> marks = model.rows().stream().collect(Collectors.toMap(DiffRow::metric, DiffRow::verdict));
    assertThat(marks).containsEntry("calls (attempts)", DiffRow.Verdict.BETTER)
        .containsEntry("retries", DiffRow.Verdict.BETTER)
        .containsEntry("amplification", DiffRow.Verdict.BETTER)
        .containsEntry("p99 latency", DiffRow.Verdict.BETTER)
        .containsEntry("answered full", DiffRow.Verdict.WORSE)
        .containsEntry("time degraded", DiffRow.Verdict.WORSE)
        .containsEntry("outcome ok", DiffRow.Verdict.SAME)
        .containsEntry("answered cached", DiffRow.Verdict.DIFFERENT);
    assertThat(model.statusProperty().get()).startsWith("90 requests a side").contains("B is better on 5, worse on 2.");
  }

  @Test
  void aSideCanBeShownAsItStoodAtAnyMomentOfScenarioTime() {
    model.setScenario(storm);
    model.run();
    background.runAll();
    var events = model.resultProperty().get().eventsA();

    assertThat(model.endMs()).isEqualTo(events.get(events.size() - 1).tMs()).isGreaterThan(20_000);
    assertThat(CompareViewModel.upTo(events, model.endMs())).isEqualTo(events);
    assertThat(CompareViewModel.upTo(events, 10_000)).isNotEmpty().allSatisfy(e -> assertThat(e.tMs()).isLessThanOrEqualTo(10_000))
        .hasSize((int) events.stream().filter(e -> e.tMs() <= 10_000).count());
  }

  @Test
  void cancelForgetsTheRunInProgress() {
    model.setScenario(storm);
    model.run();

    model.cancel();
    assertThat(model.runningProperty().get()).isFalse();
    assertThat(model.canRunProperty().get()).isTrue();
    background.runAll(); // the comparison finishes after all

    assertThat(model.resultProperty().get()).isNull();
    assertThat(model.rows()).isEmpty();
    assertThat(model.statusProperty().get()).startsWith("Cancelled");
  }

  @Test
  void bFollowsAUntilTheUserEditsIt() {
    model.setScenario(storm);
    PolicySet longer = storm.policies().withRetry(storm.policies().retry().withMaxAttempts(5));

    model.setPolicies(longer);
    assertThat(model.policiesBProperty().get()).isEqualTo(longer);

    PolicySet edited = longer.withRetry(null);
    model.jsonBProperty().set(PolicyJson.write(edited));
    model.setPolicies(storm.policies());

    assertThat(model.policiesAProperty().get()).isEqualTo(storm.policies());
    assertThat(model.policiesBProperty().get()).isEqualTo(edited);
  }

  @Test
  void eachMetricIsMarkedTheWayItIsBetter() {
    Function<Compare.Row, DiffRow.Verdict> v = DiffRow::verdict;

    assertThat(v.apply(new Compare.Row("amplification", "2.00x", "1.50x", "0.75x"))).isEqualTo(DiffRow.Verdict.BETTER);
    assertThat(v.apply(new Compare.Row("answered error", "3", "5", "+2"))).isEqualTo(DiffRow.Verdict.WORSE);
    assertThat(v.apply(new Compare.Row("answered full", "3", "5", "+2"))).isEqualTo(DiffRow.Verdict.BETTER);
    assertThat(v.apply(new Compare.Row("p99 latency", "100 ms", "250 ms", "2.50x"))).isEqualTo(DiffRow.Verdict.WORSE);
    assertThat(v.apply(new Compare.Row("time degraded", "0.0 s", "1.5 s", "new"))).isEqualTo(DiffRow.Verdict.WORSE);
    assertThat(v.apply(new Compare.Row("requests", "10", "12", "+2"))).isEqualTo(DiffRow.Verdict.DIFFERENT);
    assertThat(v.apply(new Compare.Row("breaker openings", "2", "2", "="))).isEqualTo(DiffRow.Verdict.SAME);
  }
}
