package dev.playground.ui.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.llm.FailureKind;
import dev.playground.policy.BackoffSpec;
import dev.playground.policy.BreakerSpec;
import dev.playground.policy.BulkheadSpec;
import dev.playground.policy.CacheSpec;
import dev.playground.policy.ChainSpec;
import dev.playground.policy.Jitter;
import dev.playground.policy.LadderSpec;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.policy.RateLimiterSpec;
import dev.playground.policy.RetrySpec;
import dev.playground.policy.TimeoutSpec;
import dev.playground.scenario.Presets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliciesViewModelTest {
  private static final ModelRef GPT_4O = new ModelRef("openai", "gpt-4o");
  private static final ModelRef MINI = new ModelRef("openai", "gpt-4o-mini");
  private static final PolicySet SIMPLE = PolicySet.of(ChainSpec.of(GPT_4O)).withRetry(RetrySpec.defaults());

  private final PoliciesViewModel model = new PoliciesViewModel();
  private final List<PolicySet> applied = new ArrayList<>();

  @BeforeEach
  void connect() {
    model.setProviders(Map.of("openai", List.of("gpt-4o", "gpt-4o-mini")));
    model.setPolicies(SIMPLE);
    model.onApply(applied::add);
  }

  @Test
  void everyKnobOfEverySpecMapsToTheFormAndBack() {
    // given a set with every policy on and no field at its default
    PolicySet every = new PolicySet(
        ChainSpec.of(GPT_4O, MINI),
        new RetrySpec(5, Duration.ofSeconds(20), Duration.ofMillis(700), new BackoffSpec(Duration.ofSeconds(9), 3.5),
            Jitter.PROPORTIONAL, 0.25, false, Duration.ofSeconds(7), Set.of(FailureKind.RATE_LIMITED, FailureKind.NETWORK),
            Set.of(FailureKind.AUTH), Set.of(FailureKind.EMPTY_ANSWER, FailureKind.STREAM_CUT)),
        new BreakerSpec(null, new BreakerSpec.FailureRate(40, 8, Duration.ofSeconds(12)),
            new BreakerSpec.SuccessCount(2, 3), Duration.ofSeconds(45), Set.of(FailureKind.SERVER_ERROR, FailureKind.TRUNCATED)),
        TimeoutSpec.of(Duration.ofMillis(2500)),
        new BulkheadSpec(7, Duration.ofMillis(150)),
        new RateLimiterSpec(RateLimiterSpec.Mode.BURSTY, 20, Duration.ofSeconds(2), Duration.ofMillis(300)),
        new CacheSpec(true, Duration.ofMinutes(3), 50, true),
        new LadderSpec(true, false, true, true, "Try again soon.", true));

    // when the form shows it
    model.setPolicies(every);

    // then the form builds it back, field for field
    assertThat(model.errors()).isEmpty();
    assertThat(model.currentProperty().get()).isEqualTo(every);
    assertThat(model.dirtyProperty().get()).isFalse();
    assertThat(model.retry().maxDelayMsProperty().get()).isEqualTo("9000");
    assertThat(model.retry().factorProperty().get()).isEqualTo("3.5");
    assertThat(model.breaker().rateBasedProperty().get()).isTrue();
    assertThat(model.breaker().percentProperty().get()).isEqualTo("40");
    assertThat(model.rateLimiter().modeProperty().get()).isEqualTo(RateLimiterSpec.Mode.BURSTY);
    assertThat(model.ladder().errorMessageProperty().get()).isEqualTo("Try again soon.");
  }

  @Test
  void everyPresetsPoliciesAndADisabledCacheMapBack() {
    for (var scenario : Presets.all()) {
      model.setProviders(Map.of());
      model.setPolicies(scenario.policies());
      assertThat(model.currentProperty().get()).as(scenario.name()).isEqualTo(scenario.policies());
    }
    PolicySet offCache = SIMPLE.withCache(new CacheSpec(false, Duration.ofMinutes(1), 10, false));
    model.setPolicies(offCache);
    assertThat(model.cache().onProperty().get()).isFalse();
    assertThat(model.currentProperty().get()).isEqualTo(offCache);
  }

  @Test
  void editedFieldsBecomeTheSpecsValues() {
    model.retry().maxAttemptsProperty().set("4");
    model.retry().delayMsProperty().set("500");
    model.retry().backoffProperty().set(true);
    model.retry().maxDelayMsProperty().set("4000");
    model.retry().jitterProperty().set(Jitter.FULL);
    model.retry().abortOn().property(FailureKind.NOT_FOUND).set(false);
    model.timeout().onProperty().set(true);
    model.timeout().perAttemptMsProperty().set("1500");

    assertThat(model.currentProperty().get()).isEqualTo(SIMPLE
        .withRetry(RetrySpec.defaults().withMaxAttempts(4).withBackoff(Duration.ofMillis(500), Duration.ofSeconds(4), 2)
            .withJitter(Jitter.FULL, 0).withAbortOn(Set.of(FailureKind.INVALID_REQUEST, FailureKind.CONTEXT_LENGTH,
                FailureKind.AUTH, FailureKind.PERMISSION)))
        .withTimeout(TimeoutSpec.of(Duration.ofMillis(1500))));
    assertThat(model.dirtyProperty().get()).isTrue();
  }

  @Test
  void aMaxDelayBelowTheDelayIsMarkedOnItsFieldWithTheSpecsMessageAndNothingIsApplied() {
    // given a backoff whose max delay is below its delay
    model.retry().delayMsProperty().set("5000");
    model.retry().backoffProperty().set(true);
    model.retry().maxDelayMsProperty().set("2000");

    // then the max delay field carries the spec's own message, and Apply refuses
    assertThat(model.errors()).containsExactly(Map.entry(RetryForm.MAX_DELAY, "maxDelay (2000 ms) must be ≥ delay (5000 ms)"));
    assertThat(model.currentProperty().get()).isNull();
    assertThat(model.apply()).isFalse();
    assertThat(applied).isEmpty();
    assertThat(model.statusProperty().get()).isEqualTo("Not applied: maxDelay (2000 ms) must be ≥ delay (5000 ms)");
    assertThat(model.appliedProperty().get()).isEqualTo(SIMPLE);

    // when it is fixed, Apply hands over the whole set
    model.retry().maxDelayMsProperty().set("8000");
    assertThat(model.errors()).isEmpty();
    assertThat(model.apply()).isTrue();
    assertThat(applied).containsExactly(
        SIMPLE.withRetry(RetrySpec.defaults().withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(8), 2)));
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void textThatIsNotANumberIsNamedOnItsField() {
    model.retry().delayMsProperty().set("2s");
    model.retry().maxAttemptsProperty().set("");
    model.retry().factorProperty().set("two"); // backoff is off: the factor is not read

    assertThat(model.errors()).containsOnly(
        Map.entry(RetryForm.DELAY, "delay must be a whole number of milliseconds, was \"2s\""),
        Map.entry(RetryForm.MAX_ATTEMPTS, "maxAttempts must be given"));
    assertThat(model.statusProperty().get()).isEmpty();
    model.apply();
    assertThat(model.statusProperty().get()).isEqualTo("Not applied: 2 problems; the first: maxAttempts must be given");
  }

  @Test
  void aFactorThatADoubleWouldReadAsZeroOrInfinityIsMarkedOnItsField() {
    model.retry().backoffProperty().set(true);
    model.retry().factorProperty().set("1e-400");
    assertThat(model.errors()).containsEntry(RetryForm.FACTOR, "factor must be a number a 64-bit float holds "
        + "(0, or a magnitude from 1e-300 to 1e300), was \"1e-400\"");

    model.retry().factorProperty().set("1e400");
    assertThat(model.errors()).containsKey(RetryForm.FACTOR);
  }

  @Test
  void crossFieldRulesAreMarkedWhereTheyCanBeFixed() {
    model.retry().abortOn().property(FailureKind.RATE_LIMITED).set(true);
    assertThat(model.errors()).containsOnly(
        Map.entry(RetryForm.ABORT_ON, "rate_limited cannot be in both retryOn and abortOn"));
    model.retry().abortOn().property(FailureKind.RATE_LIMITED).set(false);

    model.ladder().onProperty().set(true); // its cached rung needs the cache, which is off
    assertThat(model.errors()).containsOnly(
        Map.entry(LadderForm.CACHED, "ladder.cached needs the cache on (cache.enabled = true)"));
    model.cache().onProperty().set(true);
    assertThat(model.errors()).isEmpty();

    model.ladder().fullProperty().set(false);
    model.ladder().limitedProperty().set(false);
    assertThat(model.errors()).containsOnlyKeys(LadderForm.RUNGS);
  }

  @Test
  void aPolicySwitchedOffIsLeftOutAndItsFieldsNoLongerCount() {
    model.retry().maxAttemptsProperty().set("0");
    assertThat(model.errors()).containsOnly(Map.entry(RetryForm.MAX_ATTEMPTS, "maxAttempts must be in [1, 100], was 0"));

    model.retry().onProperty().set(false);

    assertThat(model.errors()).isEmpty();
    assertThat(model.currentProperty().get()).isEqualTo(PolicySet.of(ChainSpec.of(GPT_4O)));
  }

  @Test
  void theChainIsEditedInOrderAndCheckedAgainstTheRunsProviders() {
    ChainForm chain = model.chain();
    chain.newModelProperty().set("gpt-4o-mini");
    assertThat(chain.add()).isTrue();
    chain.moveUp(1);
    assertThat(model.currentProperty().get().chain()).isEqualTo(ChainSpec.of(MINI, GPT_4O));

    chain.newModelProperty().set("gpt-4o");
    chain.add();
    assertThat(model.errors()).containsOnly(Map.entry(ChainForm.CHAIN, "chain[2] repeats chain[1] (openai/gpt-4o)"));
    chain.remove(2);

    chain.newProviderProperty().set("elsewhere");
    chain.newModelProperty().set("m");
    chain.add();
    assertThat(model.errors()).containsOnly(Map.entry(ChainForm.CHAIN,
        "chain[2].provider \"elsewhere\" is not a provider of this run; known: openai"));
    chain.remove(2);

    chain.newModelProperty().set(" ");
    assertThat(chain.add()).isFalse();
    assertThat(chain.addProblemProperty().get()).isEqualTo("model must not be empty");

    chain.remove(0);
    chain.remove(0);
    assertThat(model.errors()).containsOnly(Map.entry(ChainForm.CHAIN, "chain must name at least one model"));
  }

  @Test
  void revertRestoresTheLastAppliedSet() {
    model.retry().maxAttemptsProperty().set("5");
    model.apply();
    model.retry().maxAttemptsProperty().set("9");
    model.breaker().onProperty().set(true);

    model.revert();

    assertThat(model.currentProperty().get()).isEqualTo(SIMPLE.withRetry(RetrySpec.defaults().withMaxAttempts(5)));
    assertThat(model.dirtyProperty().get()).isFalse();
  }

  @Test
  void aPastedInvalidSetIsRefusedWithPolicyJsonsMessageAndTheFormIsLeftAlone() {
    model.pasteTextProperty().set(
        "{\"chain\": [{\"provider\": \"openai\", \"model\": \"gpt-4o\"}], \"retry\": {\"max_atempts\": 4}}");

    assertThat(model.loadPasted()).isFalse();

    assertThat(model.pasteProblemProperty().get()).startsWith("unknown field retry.max_atempts (known: max_attempts,");
    assertThat(model.currentProperty().get()).isEqualTo(SIMPLE);

    model.pasteTextProperty().set("{\"chain\": ");
    assertThat(model.loadPasted()).isFalse();
    assertThat(model.pasteProblemProperty().get()).startsWith("not valid JSON: ");
    assertThat(applied).isEmpty();
  }

  @Test
  void aPastedSetFillsTheFormButIsNotApplied() {
    PolicySet pasted = SIMPLE.withBreaker(BreakerSpec.defaults()).withTimeout(TimeoutSpec.of(Duration.ofSeconds(3)));
    model.pasteTextProperty().set(PolicyJson.write(pasted));

    assertThat(model.loadPasted()).isTrue();

    assertThat(model.currentProperty().get()).isEqualTo(pasted);
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(applied).isEmpty();
    assertThat(model.jsonCaptionProperty().get()).isEqualTo("Your edits (not applied yet):");
  }

  @Test
  void aRefusalByTheRunIsShownAndTheEditsStay() {
    model.onApply(set -> {
      throw new IllegalArgumentException("policies.chain.models[0].provider \"x\" is not a provider of this scenario");
    });
    model.retry().maxAttemptsProperty().set("2");

    assertThat(model.apply()).isFalse();

    assertThat(model.statusProperty().get()).startsWith("Not applied: policies.chain.models[0]");
    assertThat(model.dirtyProperty().get()).isTrue();
    assertThat(model.appliedProperty().get()).isEqualTo(SIMPLE);
  }

  @Test
  void theScheduleLineShowsTheWaitsOfTheRetryAsTyped() {
    assertThat(model.scheduleProperty().get()).isEqualTo("If every attempt fails: waits 2 s, 2 s; attempt 3 starts at 4 s.");

    model.retry().maxAttemptsProperty().set("4");
    model.retry().delayMsProperty().set("500");
    model.retry().backoffProperty().set(true);

    assertThat(model.scheduleProperty().get())
        .isEqualTo("If every attempt fails: waits 500 ms, 1 s, 2 s; attempt 4 starts at 3.5 s.");
  }
}
