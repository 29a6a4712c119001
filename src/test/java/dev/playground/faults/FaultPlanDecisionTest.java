package dev.playground.faults;

import static dev.playground.faults.FaultKind.OK;
import static dev.playground.faults.FaultKind.RATE_LIMIT;
import static dev.playground.faults.FaultKind.SERVER_ERROR;
import static dev.playground.faults.FaultKind.SERVICE_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FaultPlanDecisionTest {
  private static List<FaultKind> kinds(FaultPlan plan, int n) {
    List<FaultKind> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(plan.decide(i, i, 0, "m", Target.CHAT).kind());
    return out;
  }

  @Test
  void withoutRulesEveryRequestIsOkAfterTheBaseLatency() {
    FaultPlan plan = FaultPlan.healthy(1).withBaseLatency(Latency.fixed(40));

    FaultDecision d = plan.decide(0, 0, 0, "m", Target.CHAT);

    assertThat(d.kind()).isEqualTo(OK);
    assertThat(d.latencyMs()).isEqualTo(40);
    assertThat(d.status()).isEqualTo(200);
    assertThat(d.rule()).isEqualTo(-1);
  }

  @Test
  void theFirstMatchingRuleDecides() {
    FaultPlan plan = FaultPlan.of(1,
        FaultRule.of(SERVER_ERROR).withModels(List.of("other")),
        FaultRule.of(RATE_LIMIT),
        FaultRule.of(SERVICE_UNAVAILABLE));

    FaultDecision d = plan.decide(0, 0, 0, "m", Target.CHAT);

    assertThat(d.kind()).isEqualTo(RATE_LIMIT);
    assertThat(d.rule()).isEqualTo(1);
    assertThat(d.status()).isEqualTo(429);
  }

  @Test
  void aSequencePlaysInOrderAndThenStopsApplying() {
    FaultPlan plan = FaultPlan.of(1, FaultRule.sequence(List.of(RATE_LIMIT, RATE_LIMIT, OK, SERVER_ERROR), false),
        FaultRule.of(SERVICE_UNAVAILABLE));

    assertThat(kinds(plan, 6))
        .containsExactly(RATE_LIMIT, RATE_LIMIT, OK, SERVER_ERROR, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE);
    assertThat(plan.decide(2, 2, 0, "m", Target.CHAT).rule()).as("an ok in a sequence is the rule's decision").isZero();
  }

  @Test
  void aRepeatingSequenceStartsOver() {
    FaultPlan plan = FaultPlan.of(1, FaultRule.sequence(List.of(RATE_LIMIT, OK), true));

    assertThat(kinds(plan, 5)).containsExactly(RATE_LIMIT, OK, RATE_LIMIT, OK, RATE_LIMIT);
  }

  @Test
  void aRuleThatNamesModelsCountsByThePerModelNumber() {
    FaultPlan plan = FaultPlan.of(1,
        FaultRule.sequence(List.of(RATE_LIMIT, OK), false).withModels(List.of("a")),
        FaultRule.sequence(List.of(SERVER_ERROR, SERVER_ERROR, SERVER_ERROR, OK), false));

    // global number 5, but only the first request for model "a"
    assertThat(plan.decide(5, 0, 0, "a", Target.CHAT).kind()).isEqualTo(RATE_LIMIT);
    assertThat(plan.decide(6, 1, 0, "a", Target.CHAT).kind()).isEqualTo(OK);
    // model "b" falls through to the second rule, which counts globally
    assertThat(plan.decide(2, -1, 0, "b", Target.CHAT).kind()).isEqualTo(SERVER_ERROR);
    assertThat(plan.decide(3, -1, 0, "b", Target.CHAT).kind()).isEqualTo(OK);
  }

  @Test
  void aWindowAppliesFromItsStartUntilJustBeforeItsEnd() {
    FaultPlan plan = FaultPlan.of(1, FaultRule.of(SERVICE_UNAVAILABLE).withWindow(10_000, 30_000L));

    assertThat(plan.decide(0, 0, 9_999, "m", Target.CHAT).kind()).isEqualTo(OK);
    assertThat(plan.decide(1, 1, 10_000, "m", Target.CHAT).kind()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(plan.decide(2, 2, 29_999, "m", Target.CHAT).kind()).isEqualTo(SERVICE_UNAVAILABLE);
    assertThat(plan.decide(3, 3, 30_000, "m", Target.CHAT).kind()).isEqualTo(OK);
  }

  @Test
  void rulesForOtherTargetsDoNotTouchChatCalls() {
    FaultPlan plan = FaultPlan.of(1, FaultRule.of(SERVER_ERROR).withTarget(Target.RETRIEVER));

    assertThat(plan.decide(0, 0, 0, "m", Target.CHAT).kind()).isEqualTo(OK);
    assertThat(plan.decide(0, 0, 0, "m", Target.RETRIEVER).kind()).isEqualTo(SERVER_ERROR);
  }

  @Test
  void theSameSeedGivesTheSameDecisionsAndAnotherSeedOtherOnes() {
    FaultRule rule = FaultRule.of(RATE_LIMIT).withProbability(0.5).withLatency(Latency.lognormal(200, 0.8));
    FaultPlan a = FaultPlan.of(7, rule);
    FaultPlan b = FaultPlan.of(7, rule);
    FaultPlan c = FaultPlan.of(8, rule);

    List<FaultDecision> da = LongStream.range(0, 200).mapToObj(n -> a.decide(n, n, 0, "m", Target.CHAT)).toList();
    List<FaultDecision> db = LongStream.range(0, 200).mapToObj(n -> b.decide(n, n, 0, "m", Target.CHAT)).toList();
    List<FaultDecision> dc = LongStream.range(0, 200).mapToObj(n -> c.decide(n, n, 0, "m", Target.CHAT)).toList();

    assertThat(da).isEqualTo(db);
    assertThat(da).isNotEqualTo(dc);
  }

  @Test
  void probabilityIsHonouredOverManyRequests() {
    FaultPlan plan = FaultPlan.of(3, FaultRule.of(RATE_LIMIT).withProbability(0.3));

    long hits = LongStream.range(0, 20_000).filter(n -> plan.decide(n, n, 0, "m", Target.CHAT).kind() == RATE_LIMIT).count();

    assertThat(hits / 20_000.0).isBetween(0.28, 0.32);
  }

  @Test
  void aRateLimitSaysRetryAfterOneSecondUnlessTheRuleSaysOtherwise() {
    FaultDecision byDefault = FaultPlan.of(1, FaultRule.of(RATE_LIMIT)).decide(0, 0, 0, "m", Target.CHAT);
    FaultDecision inMs = FaultPlan.of(1, FaultRule.of(RATE_LIMIT).withRetryAfterMs(1500L)).decide(0, 0, 0, "m", Target.CHAT);
    FaultDecision both = FaultPlan.of(1, FaultRule.of(RATE_LIMIT).withRetryAfterSeconds(3L).withRetryAfterMs(2500L)
        .withShouldRetry(false)).decide(0, 0, 0, "m", Target.CHAT);

    assertThat(byDefault.retryAfterS()).isEqualTo(1L);
    assertThat(byDefault.retryAfterMs()).isNull();
    assertThat(inMs.retryAfterS()).isNull();
    assertThat(inMs.retryAfterMs()).isEqualTo(1500L);
    assertThat(both.retryAfterS()).isEqualTo(3L);
    assertThat(both.retryAfterMs()).isEqualTo(2500L);
    assertThat(both.shouldRetry()).isFalse();
  }

  @Test
  void errorParametersOfASequenceApplyToItsErrorKindsOnly() {
    FaultPlan plan = FaultPlan.of(1, FaultRule.sequence(List.of(SERVER_ERROR, OK), false).withStatus(503)
        .withRetryAfterSeconds(4L));

    FaultDecision error = plan.decide(0, 0, 0, "m", Target.CHAT);
    FaultDecision ok = plan.decide(1, 1, 0, "m", Target.CHAT);

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.retryAfterS()).isEqualTo(4L);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.retryAfterS()).isNull();
  }

  @Test
  void latencyAddsToTheBaseAndSlowWaitsItsDefaultWithoutOne() {
    FaultPlan plan = new FaultPlan(1, List.of(
        FaultRule.of(SERVER_ERROR).withModels(List.of("e")).withLatency(Latency.fixed(100)),
        FaultRule.of(FaultKind.SLOW)), Latency.fixed(20));

    FaultDecision error = plan.decide(0, 0, 0, "e", Target.CHAT);
    FaultDecision slow = plan.decide(0, 0, 0, "m", Target.CHAT);

    assertThat(error.latencyMs()).isEqualTo(120);
    assertThat(error.baseLatencyMs()).isEqualTo(20);
    assertThat(slow.latencyMs()).isEqualTo(20 + FaultDecision.DEFAULT_SLOW_MS);
    assertThat(slow.extraLatencyMs()).isEqualTo(FaultDecision.DEFAULT_SLOW_MS);
  }

  @Test
  void aTimeoutHoldsTenMinutesUnlessTold() {
    assertThat(FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT)).decide(0, 0, 0, "m", Target.CHAT).holdMs())
        .isEqualTo(600_000);
    FaultDecision d = FaultPlan.of(1, FaultRule.of(FaultKind.TIMEOUT).withHoldMs(2_000L)).decide(0, 0, 0, "m", Target.CHAT);
    assertThat(d.holdMs()).isEqualTo(2_000);
    assertThat(d.status()).isZero();
  }

  @Test
  void latencyDrawsStayInsideTheirDistribution() {
    Latency uniform = Latency.uniform(100, 200);
    Latency lognormal = Latency.lognormal(300, 0.5);

    long[] u = LongStream.range(0, 5_000).map(n -> uniform.sampleMs(9, n)).toArray();
    long[] l = LongStream.range(0, 5_000).map(n -> lognormal.sampleMs(9, n)).sorted().toArray();

    assertThat(LongStream.of(u).allMatch(v -> v >= 100 && v <= 200)).isTrue();
    assertThat(LongStream.of(u).min().orElseThrow()).isEqualTo(100);
    assertThat(LongStream.of(u).max().orElseThrow()).isEqualTo(200);
    assertThat(l[l.length / 2]).as("median").isBetween(280L, 320L);
  }
}
